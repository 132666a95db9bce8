/**
 * Trust: only accounts change the evidence. Anonymous writes are refused and change nothing; a
 * contributor's claim waits for review and is absent from every public view until an editor accepts it;
 * API keys work until revoked; an editor can revert; sign-in brute force is slowed down.
 */
import { expect, test, type APIRequestContext } from "@playwright/test";
import { ACCOUNTS, PASSWORD, STATE, userCli } from "./accounts";
import { claimPayload, count, one, postClaim, storedCounts, unique } from "./form-helpers";

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

async function anonymousRequest(playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } }, baseURL: string) {
  return playwright.request.newContext({ baseURL, storageState: STATE.anonymous });
}

test.describe("anonymous", () => {
  test.use({ storageState: STATE.anonymous });

  test("POST /api/claims without credentials is 401 and stores nothing", async ({ playwright, baseURL }) => {
    const api = await anonymousRequest(playwright, baseURL!);
    const before = await storedCounts();
    const res = await api.post("/api/claims", { data: claimPayload(unique()) });
    expect(res.status()).toBe(401);
    expect(await res.json()).toMatchObject({ error: expect.stringMatching(/Sign in/) });
    expect(await storedCounts()).toEqual(before);
    await api.dispose();
  });

  test("the add-event form sends an anonymous user to sign in and back to the form with what they typed", async ({ page }) => {
    const sfx = unique();
    await page.goto("/events/new");
    await page.getByRole("combobox", { name: /^Person/ }).fill(`Anon${sfx} Person`);
    await page.getByRole("textbox", { name: /^Excerpt, verbatim/ }).fill(`Anon${sfx} left`);
    const before = await storedCounts();
    await page
      .getByRole("button", { name: /^(Add|Save|Submit|Record)/ })
      .first()
      .click();
    await expect(page).toHaveURL(/\/sign-in\?next=/);
    expect(await storedCounts()).toEqual(before);
    await page.getByLabel("Email").fill(ACCOUNTS.editor.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/events\/new\?draft=/);
    await expect(page.getByRole("combobox", { name: /^Person/ })).toHaveValue(`Anon${sfx} Person`);
    await expect(page.getByRole("textbox", { name: /^Excerpt, verbatim/ })).toHaveValue(`Anon${sfx} left`);
  });

  test("sign-in brute force gets 429 with Retry-After", async ({ playwright, baseURL }) => {
    const api = await anonymousRequest(playwright, baseURL!);
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 12; i++) {
      const res = await api.post("/api/auth/sign-in/email", { data: { email: "victim@e2e.test", password: `guess ${i}` } });
      statuses.push(res.status());
      if (res.status() === 429) retryAfter = res.headers()["retry-after"];
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    await api.dispose();
  });
});

test.describe("contributor and editor", () => {
  test("a contributor's claim waits (202), is absent from the timeline and API; an editor accepts it on /review and it appears, attributed", async ({
    page,
    browser,
    request,
    playwright,
    baseURL,
  }) => {
    const sfx = unique();
    const key = userCli(["token", "--email", ACCOUNTS.contributor.email]).trim();
    const body = claimPayload(sfx);
    const script = await anonymousRequest(playwright, baseURL!);
    const submitted = await script.post("/api/claims", { data: body, headers: bearer(key) });
    expect(submitted.status()).toBe(202);
    const { submissionId } = await submitted.json();
    const name = (body.person as { name: string }).name;

    const api = await (await request.get(`/api/events?q=${encodeURIComponent(name)}`)).json();
    expect(api.total).toBe(0);
    await page.goto(`/?q=${encodeURIComponent(name)}`);
    await expect(page.locator("a[href^='/people/']", { hasText: name })).toHaveCount(0);
    expect(await count(`"Person" WHERE name = ?`, name)).toBe(0);

    // the contributor sees it waiting
    const contributor = await browser.newContext({ storageState: STATE.contributor });
    const mine = await contributor.newPage();
    await mine.goto("/submissions");
    await expect(mine.locator(`#submission-${submissionId}`)).toContainText("pending");
    await contributor.close();

    await page.goto("/review");
    const card = page.locator(`#submission-${submissionId}`);
    await expect(card).toContainText(name);
    await expect(card).toContainText("creates a new event");
    await card.getByRole("button", { name: `Accept #${submissionId}` }).click();
    await expect(page).toHaveURL(/\/events\/\d+\?added=created/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
    await expect(page.getByText(ACCOUNTS.contributor.name).first()).toBeVisible();
    await expect(page.getByText(`${ACCOUNTS.editor.name}`).first()).toBeVisible();

    const after = await (await request.get(`/api/events?q=${encodeURIComponent(name)}`)).json();
    expect(after.total).toBe(1);
  });

  test("an API key works (without any cookie) until it is revoked", async ({ playwright, baseURL }) => {
    const script = await anonymousRequest(playwright, baseURL!);
    const out = userCli(["token", "--email", ACCOUNTS.editor.email]).trim();
    const withKey = await script.post("/api/claims", { data: claimPayload(unique()), headers: bearer(out) });
    expect(withKey.status()).toBe(201);
    const keyId = /^\S+$/.test(out) ? (await one<{ id: string }>(`SELECT id FROM "apikey" WHERE start = ?`, out.slice(0, 6)))!.id : "";
    userCli(["revoke", "--key-id", keyId]);
    const revoked = await script.post("/api/claims", { data: claimPayload(unique()), headers: bearer(out) });
    expect(revoked.status()).toBe(401);
    await script.dispose();
  });

  test("an editor reverts a new event's claim from /changes and it leaves the timeline; reverting the revert brings it back", async ({
    page,
    request,
  }) => {
    const sfx = unique();
    const body = claimPayload(sfx);
    const created = await postClaim(request, body);
    expect(created.status).toBe(201);
    const name = (body.person as { name: string }).name;
    const eventId = created.body.event.id as number;
    const change = (await (await request.get(`/api/changes?limit=5`)).json()).changes.find((c: { eventId: number }) => c.eventId === eventId);

    await page.goto(`/changes#change-${change.id}`);
    await page.getByRole("button", { name: `Revert change #${change.id}` }).click();
    await expect(page.getByRole("status")).toContainText(`Reverted change #${change.id}`);
    const gone = await (await request.get(`/api/events?q=${encodeURIComponent(name)}`)).json();
    expect(gone.total).toBe(0);

    const revert = (await (await request.get(`/api/changes?limit=5`)).json()).changes.find(
      (c: { revertOf: number | null }) => c.revertOf === change.id,
    );
    await page.getByRole("button", { name: `Revert change #${revert.id}` }).click();
    await expect(page.getByRole("status")).toContainText(`Reverted change #${revert.id}`);
    const back = await (await request.get(`/api/events?q=${encodeURIComponent(name)}`)).json();
    expect(back.total).toBe(1);
  });

  test("a contributor cannot retract, revert or review: 403 and nothing changes", async ({ playwright, baseURL, request }) => {
    const script = await anonymousRequest(playwright, baseURL!);
    const key = userCli(["token", "--email", ACCOUNTS.contributor.email]).trim();
    const change = (await (await request.get(`/api/changes?limit=1`)).json()).changes[0];
    const before = await storedCounts();
    expect((await script.post(`/api/changes/${change.id}/revert`, { headers: bearer(key) })).status()).toBe(403);
    expect((await script.get(`/api/submissions?status=pending`, { headers: bearer(key) })).status()).toBe(200);
    expect((await script.post(`/api/submissions/1/accept`, { headers: bearer(key) })).status()).toBe(403);
    expect(await storedCounts()).toEqual(before);
    await script.dispose();
  });
});
