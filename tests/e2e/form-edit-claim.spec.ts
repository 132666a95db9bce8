/**
 * Editing a claim's translation on the event page: the new translation is shown, the database holds it,
 * and the change log (event page and /changes) shows who edited it with the value before and after.
 * Each test sets up its own fictional event through POST /api/claims.
 */
import { expect, test } from "@playwright/test";
import { ACCOUNTS } from "./accounts";
import { claimPayload, one, postClaim, unique } from "./form-helpers";

const translationOf = (id: number) =>
  one<{ translation: string | null; excerpt: string }>(`SELECT translation, excerpt FROM "Claim" WHERE id = ?`, id);

test("an editor corrects a claim's translation; the excerpt is untouched and the edit is logged with before and after", async ({ page, request }) => {
  const sfx = unique();
  const posted = await postClaim(
    request,
    claimPayload(sfx, {
      source: { title: `Shinbun ${sfx}`, url: `https://shinbun.example/${sfx}`, language: "ja", kind: "article" },
      excerpt: `ヴァーネル氏が退社 (${sfx})`,
      translation: `Varnell has joined (${sfx})`,
    }),
  );
  expect(posted.status).toBe(201);
  const eventId = posted.body.event.id as number;
  const claimId = posted.body.claimId as number;

  await page.goto(`/events/${eventId}`);
  await page.getByText(`Edit translation or note of claim ${claimId}`).click();
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: `Save claim ${claimId}` }) });
  await expect(form).toContainText("cannot be edited");
  const translation = form.getByRole("textbox", { name: /^English translation/ });
  await expect(translation).toHaveValue(`Varnell has joined (${sfx})`);

  // the edit is attributed to the signed-in account: no name to type
  await expect(form.getByRole("textbox", { name: /^Your name/ })).toHaveCount(0);
  await translation.fill(`Varnell has left (${sfx})`);
  await form.getByRole("button", { name: `Save claim ${claimId}` }).click();
  await expect(page.getByRole("status").filter({ hasText: `Saved the translation and note of claim ${claimId}` })).toBeVisible();
  const card = page.getByRole("article", { name: new RegExp(`^Claim ${claimId} `) });
  await expect(card).toContainText(`Varnell has left (${sfx})`);
  await expect(card).not.toContainText(`Varnell has joined (${sfx})`);
  expect(await translationOf(claimId)).toEqual({ translation: `Varnell has left (${sfx})`, excerpt: `ヴァーネル氏が退社 (${sfx})` });

  await page.goto("/changes?action=edit_claim");
  const entry = page.getByTestId("change").filter({ has: page.getByRole("link", { name: new RegExp(`Ysolde${sfx} Varnell${sfx}`) }) });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText(`${ACCOUNTS.editor.name} edited claim`);
  await expect(entry.locator("del")).toHaveText(`Varnell has joined (${sfx})`);
  await expect(entry).toContainText(new RegExp(`translation: Varnell has joined \\(${sfx}\\)\\s*→\\s*Varnell has left \\(${sfx}\\)`));
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the plain form keeps what was typed on an error, then saves the note", async ({ page, request }) => {
    const sfx = unique();
    const posted = await postClaim(request, claimPayload(sfx));
    const claimId = posted.body.claimId as number;
    await page.goto(`/events/${posted.body.event.id}`);
    await page.getByText(`Edit translation or note of claim ${claimId}`).click();
    const form = page.locator("form").filter({ has: page.getByRole("button", { name: `Save claim ${claimId}` }) });
    // a note over the limit is refused by its field, with what was typed kept
    const tooLong = `Checked against the archive (${sfx}) ${"x".repeat(2000)}`;
    await form.getByRole("textbox", { name: /^Editor note/ }).fill(tooLong);
    await form.getByRole("button", { name: `Save claim ${claimId}` }).click();
    await expect(form.getByRole("textbox", { name: /^Editor note/ })).toHaveAccessibleDescription(/at most 2000 characters/);
    await expect(form.getByRole("textbox", { name: /^Editor note/ })).toHaveValue(tooLong);
    expect((await one<{ note: string | null }>(`SELECT note FROM "Claim" WHERE id = ?`, claimId))?.note).toBeNull();

    await form.getByRole("textbox", { name: /^Editor note/ }).fill(`Checked against the archive (${sfx})`);
    await form.getByRole("button", { name: `Save claim ${claimId}` }).click();
    await expect(page.getByRole("status")).toContainText(`Saved the translation and note of claim ${claimId}`);
    expect((await one<{ note: string | null }>(`SELECT note FROM "Claim" WHERE id = ?`, claimId))?.note).toBe(`Checked against the archive (${sfx})`);
  });
});
