import { expect, test } from "@playwright/test";

test("the timeline shows seeded departures, newest first, each linked to its evidence", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Departures timeline" })).toBeVisible();
  const rows = page.getByTestId("timeline-event");
  expect(await rows.count()).toBeGreaterThan(30);
  const mira = rows.filter({ hasText: "Mira Murati" }).filter({ hasText: "departed" }).first();
  await expect(mira).toContainText("OpenAI");
  await expect(mira.getByRole("link", { name: /source/ })).toHaveAttribute("href", /\/events\/\d+/);
});

test("a person page shows a verbatim excerpt and links to its source", async ({ page }) => {
  await page.goto("/people/mira-murati");
  await expect(page.getByRole("heading", { level: 1, name: "Mira Murati" })).toBeVisible();
  // a claim quoting a Japanese source that names her in katakana
  const claim = page
    .getByRole("article", { name: /^Claim \d+/ })
    .filter({ has: page.locator("blockquote[lang=ja]", { hasText: /ムラティ|モラティ/ }) })
    .first();
  await expect(claim.locator("blockquote[lang=ja]")).toContainText(/ムラティ|モラティ/);
  // the excerpt in its context links to its place in the source's text, the source's title to the source
  await expect(claim.getByRole("link", { name: "(see it in the full text)" })).toHaveAttribute("href", /^\/sources\/\d+#excerpt-\d+$/);
  const sourceLink = claim
    .locator('a[href^="/sources/"]')
    .filter({ hasNotText: /full text/ })
    .first();
  const href = await sourceLink.getAttribute("href");
  expect(href).toMatch(/^\/sources\/\d+$/);
  await sourceLink.click();
  await expect(page).toHaveURL(href!);
  await expect(page.locator("blockquote").first()).toBeVisible();
});
