/**
 * The timeline's filters: the URL is the state (reload, back/forward, chips), the form works with and
 * without JavaScript, and what the page shows is what the database holds.
 */
import { expect, test, type Page } from "@playwright/test";
import { all, count } from "./e2e-db";

/** The filter form: labels like "From" or "Where they went" also name charts elsewhere on the page. */
const form = (page: Page) => page.getByRole("form", { name: "Filter events" });

/** The person named on each timeline row, in page order. */
async function timelinePeople(page: Page): Promise<string[]> {
  const rows = page.getByTestId("timeline-event");
  const n = await rows.count();
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push((await rows.nth(i).getByRole("link").first().textContent())!.trim());
  return out;
}

/** People with a non-retracted event whose destination is the company, straight from the database. */
async function peopleWhoWentTo(slug: string): Promise<string[]> {
  const rows = await all<{ name: string }>(
    `SELECT DISTINCT p.name FROM "Event" e JOIN "Person" p ON p.id = e."personId" JOIN "Company" d ON d.id = e."destinationId"
     WHERE d.slug = ? AND e.status <> 'retracted'`,
    slug,
  );
  return rows.map((r) => r.name).sort();
}

test("filtering by destination Anthropic shows Schulman, Leike and Dario Amodei, and nobody who went elsewhere", async ({ page }) => {
  await page.goto("/");
  await form(page).getByRole("combobox", { name: "Where they went" }).fill("Anthropic");
  await page.getByRole("option", { name: "Anthropic", exact: true }).click();
  await expect(page).toHaveURL(/[?&]destination=anthropic(&|$)/);
  await expect(page.getByTestId("filter-chip")).toHaveText(["To: Anthropic×"]);

  const people = await timelinePeople(page);
  expect(people).toEqual(expect.arrayContaining(["John Schulman", "Jan Leike", "Dario Amodei"]));
  expect([...new Set(people)].sort()).toEqual(await peopleWhoWentTo("anthropic"));
  // every row names Anthropic as where they went
  const rows = page.getByTestId("timeline-event");
  for (let i = 0; i < (await rows.count()); i++) await expect(rows.nth(i)).toContainText(/→ (joined|founded)\s*Anthropic/);
  await expect(page.getByTestId("result-count")).toContainText(`${people.length} events match`);
});

test("filters survive a reload, and back/forward step through them", async ({ page }) => {
  await page.goto("/?destination=anthropic");
  await form(page).getByRole("group", { name: "What happened" }).getByLabel("Departed").check();
  await expect(page).toHaveURL(/kind=departed/);
  await form(page).getByLabel("Role or title contains").fill("co-founder");
  await expect(page).toHaveURL(/title=co-founder/);
  expect(await timelinePeople(page)).toEqual(["John Schulman"]);

  await page.reload();
  await expect(form(page).getByLabel("Role or title contains")).toHaveValue("co-founder");
  await expect(form(page).getByRole("group", { name: "What happened" }).getByLabel("Departed")).toBeChecked();
  expect(await timelinePeople(page)).toEqual(["John Schulman"]);

  await page.goBack();
  await expect(page).not.toHaveURL(/title=/);
  await expect(form(page).getByLabel("Role or title contains")).toHaveValue("");
  expect((await timelinePeople(page)).length).toBeGreaterThan(1);
  await page.goBack();
  await expect(page).not.toHaveURL(/kind=/);
  await expect(form(page).getByRole("group", { name: "What happened" }).getByLabel("Departed")).not.toBeChecked();
  await page.goForward();
  await expect(page).toHaveURL(/kind=departed/);
  await expect(form(page).getByRole("group", { name: "What happened" }).getByLabel("Departed")).toBeChecked();
});

test("a chip removes its filter", async ({ page }) => {
  await page.goto("/?destination=anthropic&kind=departed");
  await page.getByRole("link", { name: "Remove filter Kind: Departed" }).click();
  await expect(page).toHaveURL(/\/\?destination=anthropic$/);
  await expect(page.getByTestId("filter-chip")).toHaveCount(1);
  await page.getByRole("link", { name: "Clear all" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByText("No filters: showing every event except retracted ones.")).toBeVisible();
});

test("a date range includes a month-precision event inside it and leaves out dates that may fall outside", async ({ page }) => {
  await page.goto("/");
  await form(page).getByLabel("From").fill("2024-05");
  await form(page).getByLabel("To").fill("2024-05");
  await expect(page).toHaveURL(/from=2024-05&to=2024-05/);
  await expect(page.getByTestId("filter-chip")).toHaveText(["Date: May 2024 – May 2024×"]);
  const people = await timelinePeople(page);
  expect(people).toContain("Jan Leike"); // "May 2024"
  // Ilya Sutskever's departure is dated by "this year" in a 2024 article: it may not be May
  expect(people).not.toContain("Ilya Sutskever");
  expect(people).not.toContain("Mira Murati"); // September
  // John Schulman's role change is dated only "2024": it may not be May
  await expect(page.getByTestId("timeline-event").filter({ hasText: "Head of Superalignment" })).toHaveCount(0);
  const inDb = await count(`"Event" WHERE status <> 'retracted' AND "dateEarliest" >= '2024-05-01' AND "dateLatest" <= '2024-05-31'`);
  await expect(page.getByTestId("result-count")).toContainText(`${inDb} event`);
});

test("bad filters in the URL are reported next to their fields, and nothing is listed", async ({ page }) => {
  await page.goto("/?from=notadate&kind=bogus");
  await expect(page.getByTestId("filter-errors")).toContainText('"notadate" is not a date');
  await expect(page.getByTestId("filter-errors")).toContainText('Unknown kind "bogus"');
  const from = form(page).getByLabel("From");
  await expect(from).toHaveAttribute("aria-invalid", "true");
  await expect(from).toHaveValue("notadate");
  const describedBy = (await from.getAttribute("aria-describedby"))!.split(" ");
  await expect(page.locator(`[id="${describedBy.find((id) => id.endsWith("-error"))}"]`)).toContainText("is not a date");
  await expect(page.getByTestId("timeline-event")).toHaveCount(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form is a GET form: submitting filters the list through the URL", async ({ page }) => {
    await page.goto("/");
    await form(page).getByLabel("Where they went").selectOption(["anthropic"]);
    await form(page).getByRole("group", { name: "What happened" }).getByLabel("Departed").check();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/destination=anthropic/);
    await expect(page).toHaveURL(/kind=departed/);
    const people = await timelinePeople(page);
    expect(people).toEqual(expect.arrayContaining(["John Schulman", "Jan Leike", "Dario Amodei"]));
    expect([...new Set(people)].sort()).toEqual(await peopleWhoWentTo("anthropic"));
    // and the chips are plain links
    await page.getByRole("link", { name: "Remove filter Kind: Departed" }).click();
    await expect(page).not.toHaveURL(/kind=/);
  });
});
