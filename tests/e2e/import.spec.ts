/**
 * An editor imports a dataset on /import: the preview stores nothing and names the recorded person it
 * matches; confirming imports it as a batch whose tags filter the timeline; undo takes it all back.
 */
import { expect, test } from "@playwright/test";
import { all, one } from "./e2e-db";

const stamp = Date.now().toString(36);
const profiles = [
  {
    name: "Jan Leike",
    company: "OpenAI",
    role: "Co-lead, Superalignment",
    departureDate: "2024-05",
    statedReason: `E2E tracker ${stamp}: left saying safety culture had taken a backseat.`,
    status: "verified",
    sources: [{ url: `https://e2e.example/${stamp}/leike`, title: "Leike leaves", platform: "Web", publishedDate: "2024-05-17" }],
    concernTags: [`e2e-topic-${stamp}`],
  },
  {
    name: `Imogen Test ${stamp}`,
    company: `E2E Import Lab ${stamp}`,
    role: "Researcher",
    departureDate: "2025-02",
    statedReason: `E2E tracker ${stamp}: left over research direction.`,
    status: "unverified",
    sources: [{ url: `https://e2e.example/${stamp}/imogen`, title: "A researcher leaves", platform: "Web", publishedDate: "2025-02-03" }],
    concernTags: [`e2e-topic-${stamp}`],
  },
];

const batches = async () => (await one<{ n: number }>(`SELECT COUNT(*) AS n FROM "ImportBatch"`))!.n;

test("upload, preview (nothing stored), confirm, filter by the dataset's tag, undo", async ({ page }) => {
  const before = await batches();
  await page.goto("/import");
  await page
    .getByLabel("Dataset file")
    .setInputFiles({ name: "tracker.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(profiles)) });
  await page.getByLabel("Dataset name").fill(`e2e-tracker-${stamp}`);
  await page.getByRole("button", { name: "Preview import" }).click();

  await expect(page.getByRole("heading", { name: /Preview of tracker\.json: nothing is stored yet/ })).toBeVisible();
  const report = page.getByRole("region", { name: "Import report" });
  await expect(report).toContainText("People matched to recorded people: 1");
  await expect(report.getByRole("link", { name: "Jan Leike", exact: true })).toHaveAttribute("href", "/people/jan-leike");
  await expect(report).toContainText("People created: 1");
  expect(await batches()).toBe(before);

  await page.getByRole("button", { name: /Confirm import of 2 records/ }).click();
  await expect(page).toHaveURL(/\/import\/\d+\?imported=1/);
  const batchId = Number(/\/import\/(\d+)/.exec(page.url())![1]);
  await expect(page.getByText(`Imported as batch ${batchId}.`)).toBeVisible();
  const claims = await all<{ state: string }>(`SELECT state FROM "Claim" WHERE "batchId" = ?`, batchId);
  expect(claims).toEqual([{ state: "active" }, { state: "active" }]);

  await page.goto(`/?tag=e2e-topic-${stamp}`);
  await expect(page.getByTestId("result-count")).toContainText("2 events match");

  await page.goto(`/import/${batchId}`);
  await page.getByRole("button", { name: new RegExp(`Undo batch ${batchId}`) }).click();
  await expect(page.getByText(`Batch ${batchId} was undone`)).toBeVisible();
  expect(await all<{ state: string }>(`SELECT state FROM "Claim" WHERE "batchId" = ?`, batchId)).toEqual([
    { state: "retracted" },
    { state: "retracted" },
  ]);
  await page.goto(`/?tag=e2e-topic-${stamp}`);
  await expect(page.getByTestId("result-count")).toContainText("0 events match");
});

test("a file that is not a dataset is refused with the reason and nothing is stored", async ({ page }) => {
  const before = await batches();
  await page.goto("/import");
  await page.getByLabel("Dataset file").setInputFiles({ name: "q.json", mimeType: "application/json", buffer: Buffer.from("[1, 2]") });
  await page.getByLabel("Format").selectOption("wikidata");
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page.getByRole("alert").first()).toContainText("Nothing was imported");
  await expect(page.getByText("a Wikidata file is entity JSON").first()).toBeVisible();
  expect(await batches()).toBe(before);
});
