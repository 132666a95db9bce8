/**
 * The table view (sorting by column on the server, column visibility, keyset pages) and the search box.
 */
import { expect, test, type Page } from "@playwright/test";
import { all, count } from "./e2e-db";

/** Text of one column, for every row of the table, in page order. */
async function column(page: Page, index: number): Promise<string[]> {
  const rows = page.getByTestId("table-row");
  const out: string[] = [];
  for (let i = 0; i < (await rows.count()); i++) out.push((await rows.nth(i).locator("td").nth(index).textContent())!.trim());
  return out;
}

/** The filter form: labels like "From" or "Where they went" also name charts elsewhere on the page. */
const form = (page: Page) => page.getByRole("form", { name: "Filter events" });

const sorted = (xs: string[], dir: 1 | -1) => [...xs].sort((a, b) => (a < b ? -dir : a > b ? dir : 0));

test("sorting the table by person orders every row by name, both ways, across the whole result", async ({ page }) => {
  await page.goto("/?view=table&company=openai&kind=departed");
  const header = page.getByRole("columnheader", { name: /Person/ });
  await header.getByRole("link").click();
  await expect(page).toHaveURL(/sort=person(&|$)/);
  await expect(header).toHaveAttribute("aria-sort", "ascending");
  const asc = await column(page, 1);
  expect(asc.length).toBeGreaterThan(10);
  expect(asc).toEqual(sorted(asc, 1));
  // the first row is the alphabetically first of all matching people in the database, not just of a page
  const departures = (
    await all<{ name: string }>(
      `SELECT p.name FROM "Event" e JOIN "Person" p ON p.id = e."personId" JOIN "Company" c ON c.id = e."companyId" WHERE c.slug = 'openai' AND e.kind = 'departed' AND e.status <> 'retracted'`,
    )
  ).map((r) => r.name);
  expect(asc[0]).toBe(sorted(departures, 1)[0]);

  await header.getByRole("link").click();
  await expect(page).toHaveURL(/sort=person_desc/);
  await expect(header).toHaveAttribute("aria-sort", "descending");
  const desc = await column(page, 1);
  expect(desc).toEqual(sorted(desc, -1));
  expect(desc[0]).toBe(sorted(departures, -1)[0]);
});

test("sorting by date puts the oldest first and keeps undated events last", async ({ page }) => {
  await page.goto("/?view=table&company=openai&sort=oldest&limit=200");
  await expect(page.getByRole("columnheader", { name: /Date/ })).toHaveAttribute("aria-sort", "ascending");
  const dates = await column(page, 0);
  // dates known only as a bound ("by Oct 2024": on or before) may be any earlier day, so they come first
  const bounded = dates.findIndex((d) => !d.startsWith("by "));
  expect(dates.slice(0, bounded).every((d) => d.startsWith("by "))).toBe(true);
  expect(dates[bounded]).toMatch(/2017/);
  const firstUnknown = dates.indexOf("date unknown");
  expect(firstUnknown).toBeGreaterThan(0);
  expect(dates.slice(firstUnknown).every((d) => d === "date unknown")).toBe(true);
});

test("columns can be hidden and the choice is kept", async ({ page }) => {
  await page.goto("/?view=table");
  await expect(page.getByRole("columnheader", { name: "Role category" })).toBeVisible();
  await page.getByText("Columns", { exact: true }).click();
  await page.getByRole("group", { name: "Columns to show" }).getByLabel("Role category").uncheck();
  await expect(page.getByRole("columnheader", { name: "Role category" })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("columnheader", { name: "Status" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Role category" })).toHaveCount(0);
});

test("next-page links walk the result without repeating or skipping a row", async ({ page }) => {
  await page.goto("/?view=table&limit=25");
  const total = Number((await page.getByTestId("result-count").locator("strong").textContent())!.replace(/,/g, ""));
  const ids: string[] = [];
  for (let guard = 0; guard < 20; guard++) {
    const links = page.getByTestId("table-row").locator("td:last-child a");
    for (let i = 0; i < (await links.count()); i++) ids.push((await links.nth(i).getAttribute("href"))!);
    const next = page.getByRole("link", { name: /^Next 25/ });
    if ((await next.count()) === 0) break;
    const href = (await next.getAttribute("href"))!;
    await next.click();
    // wait for this page's own cursor, not just any cursor, before reading its rows
    await page.waitForURL((url) => url.search === new URL(href, url).search);
  }
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.length).toBe(total);
  expect(total).toBe(await count(`"Event" WHERE status <> 'retracted'`));
});

test("a search in katakana finds the Latin-named person", async ({ page }) => {
  await page.goto("/");
  await form(page).getByLabel("Search people and companies").fill("ムラティ");
  await expect(page).toHaveURL(/q=%E3%83%A0%E3%83%A9%E3%83%86%E3%82%A3/);
  await expect(page.getByTestId("matches-people")).toContainText("Mira Murati");
  await expect(page.getByTestId("matches-people").locator('[lang="ja"]')).toHaveText("ムラティ");
  const rows = page.getByTestId("timeline-event");
  await expect(rows.first()).toBeVisible();
  const n = await rows.count();
  for (let i = 0; i < n; i++) await expect(rows.nth(i)).toContainText("Mira Murati");
  const mira = await count(`"Event" e JOIN "Person" p ON p.id = e."personId" WHERE p.name = 'Mira Murati' AND e.status <> 'retracted'`);
  expect(n).toBe(mira);
  // the same search in Latin letters, any case, finds the same rows
  for (const q of ["murati", "MURATI"]) {
    await page.goto(`/?q=${q}`);
    await expect(page.getByTestId("timeline-event")).toHaveCount(mira);
  }
});
