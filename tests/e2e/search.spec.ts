/**
 * The main search box: with JavaScript it suggests people and companies as you type (forgiving typos and
 * kana variants) and picking one filters the timeline; a search that finds no event offers the names it
 * probably meant.
 */
import { expect, test, type Page } from "@playwright/test";

const searchBox = (page: Page) => page.getByRole("combobox", { name: "Search people and companies" });

/** The person named on each timeline row, once each. */
async function timelinePeople(page: Page): Promise<string[]> {
  const rows = page.getByTestId("timeline-event");
  const names = await rows.evaluateAll((els) => els.map((el) => el.querySelector("a")?.textContent?.trim() ?? ""));
  return [...new Set(names)];
}

test("typing a misspelt name suggests the person; picking the suggestion with the keyboard filters the timeline to them", async ({ page }) => {
  await page.goto("/");
  const box = searchBox(page);
  await box.click();
  await box.pressSequentially("Sutskevar", { delay: 30 });
  const option = page.getByRole("option", { name: /Ilya Sutskever/ });
  await expect(option).toBeVisible();
  await expect(box).toHaveAttribute("aria-expanded", "true");
  await expect(option).toContainText("close spelling");
  await box.press("ArrowDown");
  await expect(page.getByRole("option").first()).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute("aria-activedescendant", /suggestions-0$/);
  await box.press("Enter");
  await expect(page).toHaveURL(/[?&]q=Ilya(\+|%20)Sutskever/);
  await expect(box).toHaveValue("Ilya Sutskever");
  await expect(page.getByRole("listbox", { name: "Suggestions" })).toBeHidden();
  await expect.poll(() => timelinePeople(page)).toEqual(["Ilya Sutskever"]);
});

test("a kana variant is suggested too, and Escape closes the list", async ({ page }) => {
  await page.goto("/");
  const box = searchBox(page);
  await box.fill("サツケバー");
  await expect(page.getByRole("option", { name: /Ilya Sutskever/ })).toBeVisible();
  await box.press("Escape");
  await expect(page.getByRole("listbox", { name: "Suggestions" })).toBeHidden();
  await expect(box).toBeFocused();
});

test("a misspelt search that finds no event says 'did you mean' and links to the person", async ({ page }) => {
  await page.goto(`/?q=${encodeURIComponent("Andrej Karpaty interview")}`);
  const meant = page.getByTestId("did-you-mean");
  await expect(meant).toContainText("Did you mean");
  await expect(page.getByTestId("timeline-event")).toHaveCount(0);
  await meant.getByRole("link", { name: "Andrej Karpathy", exact: true }).click();
  await expect(page).toHaveURL(/\/people\/andrej-karpathy$/);
});

test("without JavaScript the search box is a plain field: submitting a misspelling still finds the person's events", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/");
  await searchBox(page).fill("Karpaty");
  await searchBox(page).press("Enter");
  await expect(page).toHaveURL(/[?&]q=Karpaty/);
  expect(await timelinePeople(page)).toEqual(["Andrej Karpathy"]);
  await context.close();
});
