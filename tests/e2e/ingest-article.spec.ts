/**
 * Article-assisted ingest (issue 13) as an editor uses it: paste a seed article, see its proposals
 * highlighted in the text, accept one as proposed and one after editing it, reject one from the keyboard;
 * the accepted ones are published with the article as their source, highlighted on the source page, and
 * the rejected one is not proposed again. Read back from the database the server uses.
 */
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { all, one, unique } from "./form-helpers";

const ARTICLE = fs.readFileSync("prisma/seed/articles/004_2527546bef03b568.txt", "utf8");

test("an editor turns an article's proposals into published claims, edits one, rejects one, and sees them on the source", async ({ page }) => {
  const title = `Article ingest e2e ${unique()}`;
  await page.goto("/ingest/article");
  await page.getByLabel("Article text").fill(ARTICLE);
  await page.getByLabel("Title (required)").fill(title);
  await page.getByLabel("Publication date").fill("2024-10-04");
  await page.getByRole("button", { name: "Read the article" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  const source = (await one<{ id: number; text: string; language: string }>(`SELECT id, text, language FROM "Source" WHERE title = ?`, title))!;
  expect(source.text).toBe(ARTICLE);
  expect(source.language).toBe("ja"); // detected: the language was left to the text
  expect(page.url()).toContain(`/ingest/article/${source.id}`);

  const cards = page.locator("article[data-proposal]");
  expect(await cards.count()).toBeGreaterThan(5);
  // every proposal's excerpt is highlighted in the text and is a substring of it
  const marks = page.getByTestId("article-text").locator("mark");
  expect(await marks.count()).toBeGreaterThan(5);
  for (const quote of await cards.locator("blockquote").allTextContents()) expect(ARTICLE).toContain(quote);

  // a proposal by its heading ("7. Bob McGrew · Departed (resigned) · OpenAI"): one sentence may name several people
  const card = (heading: RegExp) => cards.filter({ has: page.getByRole("heading", { level: 3, name: heading }) }).first();
  const bob = card(/Bob McGrew · Departed/);
  const bobId = await bob.getAttribute("data-proposal");
  // the seed already records McGrew's departure: the proposal says so
  await expect(bob.getByTestId("repeats")).toContainText(/event #\d+/);
  await bob.getByRole("button", { name: "Accept and publish" }).click();
  await expect(page.getByRole("status")).toContainText(/Published claim #\d+ with this article as its source/);

  // accept another after editing its role
  const zoph = card(/Barret Zoph · Departed/);
  await zoph.getByText("Edit before accepting").click();
  await zoph.getByLabel("Role", { exact: true }).fill("Vice President of Research");
  await zoph.getByRole("button", { name: "Accept and publish" }).click();
  await expect(page.getByRole("status")).toContainText(/Published claim #\d+/);

  // reject one from the keyboard: focus the proposal, press r
  const before = await cards.count();
  const brockman = card(/Greg Brockman · Returned/);
  const rejected = await brockman.getAttribute("data-proposal");
  await brockman.focus();
  await page.keyboard.press("r");
  await expect(page.getByRole("status")).toContainText("will not be proposed again");
  await expect(page.locator(`article[data-proposal="${rejected}"]`)).toHaveCount(0);
  expect(await cards.count()).toBe(before - 1);
  expect((await all(`SELECT id FROM "RejectedProposal" WHERE "sourceId" = ? AND fingerprint = ?`, source.id, rejected)).length).toBe(1);

  const claims = await all<{ id: number; excerpt: string; role: string | null; name: string }>(
    `SELECT c.id, c.excerpt, c.role, p.name FROM "Claim" c JOIN "Event" e ON e.id = c."eventId" JOIN "Person" p ON p.id = e."personId" WHERE c."sourceId" = ? ORDER BY c.id`,
    source.id,
  );
  expect(claims.map((c) => c.name).sort()).toEqual(["Barret Zoph", "Bob McGrew"]);
  expect(claims.find((c) => c.name === "Barret Zoph")!.role).toBe("Vice President of Research");

  // a second paste of the same article: the rejected proposal stays away, the accepted ones say they are recorded
  await page.reload();
  await expect(page.locator(`article[data-proposal="${rejected}"]`)).toHaveCount(0);
  await expect(page.getByText("1 rejected before, not shown", { exact: false })).toBeVisible();
  await expect(page.locator(`article[data-proposal="${bobId}"]`).getByTestId("repeats")).toContainText("Already recorded from this very sentence");

  // the source page shows the article with the accepted excerpts highlighted, each linked to its claim
  await page.goto(`/sources/${source.id}`);
  const text = page.getByTestId("source-text");
  for (const c of claims) {
    const mark = text.locator(`mark[data-claims~="${c.id}"]`);
    await expect(mark).toHaveText(c.excerpt);
  }
});

test("a refused article says why and keeps what was typed", async ({ page }) => {
  await page.goto("/ingest/article");
  await page.getByLabel("Title (required)").fill("No text here");
  await page.getByLabel("Web address").fill("not a url");
  await page.getByRole("button", { name: "Read the article" }).click();
  await expect(page.getByRole("alert").first()).toContainText("Nothing was saved");
  await expect(page.getByLabel("Article text")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Web address")).toHaveValue("not a url");
  await expect(page.getByLabel("Title (required)")).toHaveValue("No text here");
});
