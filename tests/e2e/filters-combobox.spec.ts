/**
 * The company and destination filters are comboboxes with removable chips, usable with the keyboard
 * alone; on a phone the filters fold behind one button so results are on the first screen; role
 * categories agree with titles.
 */
import { expect, test, type Page } from "@playwright/test";

const form = (page: Page) => page.getByRole("form", { name: "Filter events" });
const where = (page: Page) => form(page).getByRole("combobox", { name: "Where they went" });

test("a destination is picked with the keyboard alone: type, arrows, Enter; Backspace removes it", async ({ page }) => {
  await page.goto("/");
  const box = where(page);
  await box.focus();
  await page.keyboard.type("an");
  const list = page.getByRole("listbox", { name: "Where they went" });
  await expect(list).toBeVisible();
  await expect(list.getByRole("option", { name: "Anthropic" })).toBeVisible();
  // typing narrows the list: every option shown contains the text
  for (const text of await list.getByRole("option").allTextContents()) expect(text.toLowerCase()).toContain("an");

  // arrows move the active option and apply nothing
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowUp");
  const active = await box.getAttribute("aria-activedescendant");
  expect(active).toBeTruthy();
  await expect(page.locator(`[id="${active}"]`)).toHaveAttribute("aria-selected", "true");
  await page.waitForTimeout(700);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("filter-chip")).toHaveCount(0);

  // narrowed to one option, Enter adds it
  await page.keyboard.type("thr");
  await expect(list.getByRole("option")).toHaveText(["Anthropic"]);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\?destination=anthropic$/);
  await expect(form(page).getByRole("button", { name: "Remove Anthropic" })).toBeVisible();
  await expect(box).toBeFocused();
  await expect(box).toHaveValue("");
  await expect(page.getByTestId("filter-chip")).toHaveText(["To: Anthropic×"]);
  const rows = page.getByTestId("timeline-event");
  for (let i = 0; i < (await rows.count()); i++) await expect(rows.nth(i)).toContainText(/→ (joined|founded)\s*Anthropic/);

  // a second value, from the tokens that are not companies
  await page.keyboard.type("founded their");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\?destination=anthropic&destination=(~|%7E)founded$/);

  // Backspace in the empty box removes the last chip, then the one before
  await page.keyboard.press("Backspace");
  await expect(page).toHaveURL(/\?destination=anthropic$/);
  await page.keyboard.press("Backspace");
  await expect(page).toHaveURL(/\/$/);
  await expect(form(page).getByRole("button", { name: "Remove Anthropic" })).toHaveCount(0);
});

test("a company is picked and removed with its × button; Escape closes the list without picking", async ({ page }) => {
  await page.goto("/");
  const box = form(page).getByRole("combobox", { name: "Company left" });
  await box.focus();
  await page.keyboard.type("openai");
  await page.keyboard.press("ArrowDown");
  await expect(box).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("Escape");
  await expect(box).toHaveAttribute("aria-expanded", "false");
  await expect(page).toHaveURL(/\/$/);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\?company=openai$/);
  await expect(page.getByTestId("filter-chip")).toHaveText(["Left: OpenAI×"]);
  // reload: the chip comes back from the URL
  await page.reload();
  const remove = form(page).getByRole("button", { name: "Remove OpenAI" });
  await remove.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("filter-chip")).toHaveCount(0);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the filters fold behind one button and the first results are on the first screen", async ({ page }) => {
    await page.goto("/?kind=departed");
    const toggle = page.getByTestId("filters-toggle");
    await expect(toggle).toBeVisible();
    await expect(toggle).toContainText("1 active");
    await expect(where(page)).toBeHidden();
    await expect(page.getByTestId("timeline-event").first()).toBeInViewport();
    await toggle.click();
    await expect(where(page)).toBeVisible();
  });
});

test("on a wide screen the filters show with no button", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto("/");
  await expect(page.getByTestId("filters-toggle")).toBeHidden();
  await expect(where(page)).toBeVisible();
});

test("a Researcher on the safety team is listed under Research as well as Safety & policy", async ({ page }) => {
  for (const role of ["research", "safety_policy"]) {
    await page.goto(`/?role=${role}`);
    await expect(page.getByTestId("timeline-event").filter({ hasText: "William Saunders" }).first()).toBeVisible();
  }
  await expect(form(page).getByRole("group", { name: "Role category" })).toContainText(
    "a Researcher on the safety team is under Research and Safety & policy",
  );
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });

  test("the folded filters open, and the plain lists submit the same params", async ({ page }) => {
    await page.goto("/");
    await page.getByTestId("filters-toggle").click();
    await form(page).getByLabel("Company left").selectOption(["openai"]);
    await form(page).getByLabel("Where they went").selectOption(["anthropic", "~founded"]);
    await form(page).getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/company=openai/);
    await expect(page).toHaveURL(/destination=anthropic/);
    await expect(page).toHaveURL(/destination=(~|%7E)founded/);
    await expect(page.getByTestId("filter-chip")).toHaveCount(3);
  });
});
