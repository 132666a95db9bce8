/**
 * Evidence model v2 as a reader and an editor see it (issue 9): one disputed departure with its manners
 * side by side, a source's full text with its excerpts marked and linked, a relative date that says how
 * it was read, a company's people counted once, and an excerpt refused when it is not in the pasted text.
 * Assertions follow what the seed must show, read back from the database the server uses.
 */
import { expect, test } from "@playwright/test";
import { all, count, fillClaimForm, one, storedCounts, unique } from "./form-helpers";

test("Aschenbrenner's OpenAI exit is one disputed departure with both manners side by side and both sources", async ({ page }) => {
  const departures = await all<{ id: number; status: string }>(
    `SELECT e.id, e.status FROM "Event" e JOIN "Person" p ON p.id = e."personId" JOIN "Company" c ON c.id = e."companyId"
     WHERE p.slug = 'leopold-aschenbrenner' AND c.slug = 'openai' AND e.kind = 'departed'`,
  );
  expect(departures).toHaveLength(1);
  const [event] = departures;
  expect(event.status).toBe("disputed");
  const claims = await all<{ id: number; manner: string; sourceId: number; title: string }>(
    `SELECT c.id, c.manner, c."sourceId", s.title FROM "Claim" c JOIN "Source" s ON s.id = c."sourceId"
     WHERE c."eventId" = ? AND c.state = 'active' AND c.manner IS NOT NULL ORDER BY c.id`,
    event.id,
  );
  expect(new Set(claims.map((c) => c.manner))).toEqual(new Set(["resigned", "fired"]));
  expect(new Set(claims.map((c) => c.sourceId)).size).toBeGreaterThanOrEqual(2);

  // the person page shows one departure from OpenAI, its manner marked disputed
  await page.goto("/people/leopold-aschenbrenner");
  const lines = page.getByRole("region", { name: /Events and evidence/ }).getByTestId("event-kind");
  await expect(lines.filter({ hasText: /^departed/ })).toHaveCount(1);
  await expect(lines.filter({ hasText: /^departed/ })).toHaveText(/\((resigned|fired)\? disputed\)/);

  await page.goto(`/events/${event.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/departed \((resigned|fired)\? disputed\)/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("disputed");
  const table = page.getByTestId("conflict-manner");
  await expect(table.getByRole("columnheader")).toHaveCount(2);
  await expect(table.getByRole("columnheader", { name: /^Resigned/ })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: /^Fired/ })).toBeVisible();
  // each side names its source and links to it and to its claim
  for (const c of claims) {
    await expect(table.getByRole("link", { name: c.title })).toHaveAttribute("href", `/sources/${c.sourceId}`);
    await expect(table.getByRole("link", { name: `claim ${c.id}`, exact: true })).toHaveAttribute("href", `#claim-${c.id}`);
  }
  // the support section says which claims back the shown manner, which disagree, and why
  const manner = page.getByTestId("field-support").locator('tr[data-field="manner"]');
  for (const c of claims) await expect(manner.getByRole("link", { name: `claim ${c.id}`, exact: true })).toBeVisible();
  await expect(manner.getByRole("cell").last()).not.toBeEmpty();
  // and each claim card says what it asserts
  for (const c of claims) {
    await expect(page.getByRole("article", { name: new RegExp(`^Claim ${c.id} from`) }).getByTestId("claim-manner")).toContainText(
      c.manner === "fired" ? "Fired" : "Resigned",
    );
  }
});

test("a source page shows the article's text with every excerpt marked and linked to its claim, without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const source = (await one<{ id: number; text: string; textSha256: string; titleEnglish: string | null }>(
    `SELECT id, text, "textSha256", "titleEnglish" FROM "Source" WHERE id = 1`,
  ))!;
  expect(source.text.length).toBeGreaterThan(0);
  const claims = await all<{ id: number; eventId: number; excerpt: string }>(
    `SELECT id, "eventId", excerpt FROM "Claim" WHERE "sourceId" = 1 ORDER BY id`,
  );
  expect(claims.length).toBeGreaterThan(0);

  await page.goto("/sources/1");
  await expect(page.getByTestId("source-meta")).toContainText(source.textSha256);
  if (source.titleEnglish) await expect(page.getByTestId("source-meta")).toContainText(source.titleEnglish);
  const text = page.getByTestId("source-text");
  await expect(text).toBeVisible();
  await expect(text.locator("mark").first()).toBeVisible();
  for (const c of claims) {
    // the anchor a claim links to sits where its excerpt starts, and a mark there links to the claim's event
    const anchor = text.locator(`[id="excerpt-${c.id}"]`);
    await expect(anchor).toHaveCount(1);
    await expect(text.locator(`mark[data-claims~="${c.id}"]`).first()).toHaveAttribute("title", new RegExp(`claim ${c.id}\\b`));
    await expect(text.getByRole("link", { name: new RegExp(`^(Claim|Context of claim) ${c.id}:`) }).first()).toHaveAttribute(
      "href",
      `/events/${c.eventId}#claim-${c.id}`,
    );
  }
  // the marked text, read in order, is the stored text
  expect((await text.innerText()).replace(/\s+/g, "")).toContain(claims[0].excerpt.replace(/\s+/g, ""));

  // a claim's card on its event page shows the excerpt in context and links to its place in the text
  const first = claims[0];
  await page.goto(`/events/${first.eventId}`);
  const card = page.getByRole("article", { name: new RegExp(`^Claim ${first.id} from`) });
  await expect(card.getByTestId("excerpt-in-context").locator("mark")).toHaveText(first.excerpt);
  await expect(card.getByRole("link", { name: "(see it in the full text)" })).toHaveAttribute("href", `/sources/1#excerpt-${first.id}`);
  await context.close();
});

test("a date read relative to the publication says so: the phrase, and the article it was read against", async ({ page }) => {
  const claim = (await one<{ id: number; eventId: number; dateText: string; datePhrase: string; context: string | null }>(
    `SELECT c.id, c."eventId", c."dateText", c."datePhrase", c.context FROM "Claim" c
     WHERE c."dateBasis" = 'relative_to_published' AND c."datePhrase" = '今年' AND c.context IS NOT NULL AND c.state = 'active' ORDER BY c.id LIMIT 1`,
  ))!;
  expect(claim.dateText).toBe("2024");
  await page.goto(`/events/${claim.eventId}`);
  const card = page.getByRole("article", { name: new RegExp(`^Claim ${claim.id} from`) });
  await expect(card.getByTestId("date-reading")).toHaveText(/^2024 — ‘this year’ \(今年\) in an? [a-z ]+ published .+2024/);
  await expect(card.getByTestId("context-excerpt")).toContainText(claim.context!);
});

test("the OpenAI company page lists each person once, current and former apart", async ({ page }) => {
  await page.goto("/companies/openai");
  const names = async (id: string) =>
    page
      .getByRole("list", { name: new RegExp(`^${id}`) })
      .getByTestId("company-person")
      .getByRole("link")
      .allTextContents();
  const current = await names("Current");
  const former = await names("Former");
  expect(current.length).toBeGreaterThan(0);
  expect(former.length).toBeGreaterThan(0);
  expect(new Set(current).size).toBe(current.length);
  expect(new Set(former).size).toBe(former.length);
  expect(current.filter((n) => former.includes(n))).toEqual([]);
  expect([...current, ...former].filter((n) => n === "Sam Altman")).toHaveLength(1);
  expect([...current, ...former].filter((n) => n === "Mira Murati")).toHaveLength(1);
  // the counts in the headings are people too
  const people = await count(
    `(SELECT DISTINCT p."personId" FROM "Position" p JOIN "Company" c ON c.id = p."companyId" WHERE c.slug = 'openai' AND p.scope = 'company' AND p."endText" IS NULL) AS t`,
  );
  await expect(page.getByRole("heading", { name: `Current (no departure on record): ${people}` })).toBeVisible();
  // a person with several tenures lists them inside their one entry
  const altman = page.getByTestId("company-person").filter({ has: page.getByRole("link", { name: "Sam Altman", exact: true }) });
  await expect(altman).toHaveCount(1);
  expect(await altman.getByRole("listitem").count()).toBeGreaterThan(1);
});

test("an excerpt that is not in the pasted source text is refused next to the excerpt field, and nothing is stored", async ({ page }) => {
  const sfx = unique();
  await page.goto("/events/new");
  await fillClaimForm(page, {
    person: `Orla${sfx} Quenby${sfx}`,
    company: `Fenwick${sfx} Robotics`,
    sourceTitle: `Quenby leaves Fenwick ${sfx}`,
    excerpt: `Orla Quenby (${sfx}) was dismissed by Fenwick Robotics.`,
  });
  await page.getByRole("combobox", { name: /^How they left/ }).selectOption("fired");
  const source = page.getByRole("group", { name: "Source" });
  await source.getByRole("textbox", { name: /^Full text/ }).fill(`Fenwick Robotics said on Monday that Orla Quenby (${sfx}) had resigned.`);
  const before = await storedCounts();
  await page.getByRole("button", { name: "Add the claim" }).click();

  const excerpt = page.getByRole("textbox", { name: /^Excerpt, verbatim/ });
  await expect(excerpt).toHaveAttribute("aria-invalid", "true");
  const error = page.locator("#f-excerpt-error");
  await expect(error).toContainText("not in the source's stored text");
  await expect(excerpt).toHaveAttribute("aria-describedby", /\bf-excerpt-error\b/);
  // typed values are kept, and nothing was written
  await expect(source.getByRole("textbox", { name: /^Full text/ })).toHaveValue(/had resigned/);
  expect(await storedCounts()).toEqual(before);
  expect(await count(`"Source" WHERE title = ?`, `Quenby leaves Fenwick ${sfx}`)).toBe(0);
});
