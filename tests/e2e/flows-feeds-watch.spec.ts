/**
 * Talent flows, feeds, the change delta API and watchlists against the running server, checked against
 * the database it writes to.
 */
import { expect, test, type Page } from "@playwright/test";
import { STATE } from "./accounts";
import { all, one } from "./e2e-db";
import { claimPayload, postClaim, unique } from "./form-helpers";

const departuresTo = async (from: string, to: string | null) =>
  (await one<{ n: number }>(
    `SELECT COUNT(*) AS n FROM "Event" e JOIN "Company" c ON c.id = e."companyId" LEFT JOIN "Company" d ON d.id = e."destinationId"
     WHERE c.slug = ? AND e.kind = 'departed' AND e.status <> 'retracted' AND ${to ? `d.slug = ?` : `e."destinationId" IS NULL`}`,
    ...(to ? [from, to] : [from]),
  ))!.n;

test("/flows?company=openai draws OpenAI → Anthropic with the right count, and its link lists exactly those departures", async ({
  page,
  request,
}) => {
  await page.goto("/flows?company=openai");
  const n = await departuresTo("openai", "anthropic");
  expect(n).toBeGreaterThan(1);
  const chart = page.getByTestId("flow-sankey");
  const band = chart.getByRole("link", { name: new RegExp(`^OpenAI → Anthropic: ${n} departures`) });
  await expect(band).toHaveCount(1);
  expect(await band.getAttribute("data-count")).toBe(String(n));
  const href = (await band.getAttribute("href"))!;
  expect(new URLSearchParams(href.replace(/^\/\?/, "")).getAll("destination")).toEqual(["anthropic"]);

  // the unknown destinations are their own band, never dropped
  const unknown = await departuresTo("openai", null);
  await expect(chart.getByRole("link", { name: new RegExp(`^OpenAI → Destination unknown: ${unknown} departures`) })).toHaveCount(1);
  // the table says the same
  const row = page.getByTestId("flow-table").getByRole("row").filter({ hasText: "Anthropic" });
  await expect(row.getByRole("link", { name: `${n} departures from OpenAI to Anthropic` })).toBeVisible();

  // the band's link: the timeline lists exactly the departures from OpenAI to Anthropic
  await page.goto(href);
  await expect(page.getByTestId("result-count")).toContainText(`${n} events match`);
  const api = await (await request.get(`/api/events${href.slice(1)}`)).json();
  const ids = await all<{ id: number }>(
    `SELECT e.id FROM "Event" e JOIN "Company" c ON c.id = e."companyId" JOIN "Company" d ON d.id = e."destinationId"
     WHERE c.slug = 'openai' AND d.slug = 'anthropic' AND e.kind = 'departed' AND e.status <> 'retracted' ORDER BY e.id`,
  );
  expect(api.events.map((e: { id: number }) => e.id).sort((a: number, b: number) => a - b)).toEqual(ids.map((r) => r.id));
});

test("/flows works without JavaScript and a company page links to its flows and alumni network", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: STATE.anonymous });
  const page = await context.newPage();
  await page.goto("/companies/openai");
  const network = page.getByTestId("alumni-network");
  await network.getByRole("link", { name: "out of OpenAI" }).click();
  await expect(page).toHaveURL(/\/flows\?company=openai$/);
  await expect(page.getByTestId("flow-sankey").getByRole("link", { name: /^OpenAI → Anthropic: / })).toHaveCount(1);
  await context.close();
});

async function parseAtom(page: Page, xml: string) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "application/xml");
    if (doc.getElementsByTagName("parsererror").length) return { error: doc.getElementsByTagName("parsererror")[0].textContent };
    const feed = doc.documentElement;
    const child = (el: Element, name: string) => [...el.children].filter((c) => c.localName === name);
    const entries = child(feed, "entry").map((e) => ({
      id: child(e, "id")[0]?.textContent ?? null,
      title: child(e, "title")[0]?.textContent ?? null,
      updated: child(e, "updated")[0]?.textContent ?? null,
      link:
        child(e, "link")
          .find((l) => (l.getAttribute("rel") ?? "alternate") === "alternate")
          ?.getAttribute("href") ?? null,
    }));
    return {
      error: null,
      ns: feed.namespaceURI,
      root: feed.localName,
      id: child(feed, "id")[0]?.textContent ?? null,
      title: child(feed, "title")[0]?.textContent ?? null,
      updated: child(feed, "updated")[0]?.textContent ?? null,
      author: child(feed, "author")[0]?.getElementsByTagName("name")[0]?.textContent ?? null,
      self:
        child(feed, "link")
          .find((l) => l.getAttribute("rel") === "self")
          ?.getAttribute("href") ?? null,
      entries,
    };
  }, xml);
}

function expectValidAtom(feed: Awaited<ReturnType<typeof parseAtom>>) {
  expect(feed.error).toBeNull();
  expect(feed).toMatchObject({ ns: "http://www.w3.org/2005/Atom", root: "feed" });
  for (const v of [feed.id, feed.title, feed.updated, feed.author, feed.self]) expect(v).toBeTruthy();
  expect(Number.isNaN(Date.parse(feed.updated!))).toBe(false);
  for (const e of feed.entries!) {
    for (const v of [e.id, e.title, e.updated, e.link]) expect(v).toBeTruthy();
    expect(Number.isNaN(Date.parse(e.updated!))).toBe(false);
  }
}

test("/feed.xml?person=mira-murati is valid Atom with only her events", async ({ page, request }) => {
  const res = await request.get("/feed.xml?person=mira-murati");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("application/atom+xml");
  await page.goto("/");
  const feed = await parseAtom(page, await res.text());
  expectValidAtom(feed);
  expect(feed.title).toContain("Mira Murati");
  const hers = await all<{ id: number }>(
    `SELECT e.id FROM "Event" e JOIN "Person" p ON p.id = e."personId" WHERE p.slug = 'mira-murati' AND e.status <> 'retracted' ORDER BY e.id`,
  );
  expect(hers.length).toBeGreaterThan(0);
  const ids = feed.entries!.map((e) => Number(e.link!.match(/\/events\/(\d+)$/)![1])).sort((a, b) => a - b);
  expect(ids).toEqual(hers.map((r) => r.id));
  expect(feed.entries!.every((e) => e.title!.startsWith("Mira Murati"))).toBe(true);
  expect((await request.get("/feed.xml?person=not%20a%20slug")).status()).toBe(400);
});

test("/changes/feed.xml is valid Atom of corrections with stable tag: ids", async ({ page, request }) => {
  // a retraction to report: add a claim, then retract it through the API's revert
  const sfx = unique();
  const added = await postClaim(request, claimPayload(sfx));
  expect(added.status).toBe(201);
  const change = await one<{ id: number }>(`SELECT id FROM "Change" WHERE "claimId" = ? ORDER BY id DESC`, added.body.claimId);
  const revert = await request.post(`/api/changes/${change!.id}/revert`, { data: {} });
  expect(revert.status()).toBe(201);
  const revertId = (await revert.json()).change as number;

  await page.goto("/");
  const first = await parseAtom(page, await (await request.get("/changes/feed.xml")).text());
  expectValidAtom(first);
  const entry = first.entries!.find((e) => e.id === `tag:departures,2024:change/${revertId}`);
  expect(entry?.title).toMatch(/^Reverted change \d+/);
  // the same ids on every read
  const again = await parseAtom(page, await (await request.get("/changes/feed.xml")).text());
  expect(again.entries!.map((e) => e.id)).toEqual(first.entries!.map((e) => e.id));
  // only corrections: no plain additions
  const actions = await all<{ id: number; action: string; revertOfId: number | null }>(`SELECT id, action, "revertOfId" FROM "Change"`);
  for (const e of first.entries!) {
    const c = actions.find((a) => e.id === `tag:departures,2024:change/${a.id}`)!;
    expect(c.action !== "add_claim" || c.revertOfId !== null || /Disputed/.test(e.title!)).toBe(true);
  }
});

test("GET /api/changes?since= returns a change made after that time and not one before", async ({ request }) => {
  const [before] = (await (await request.get("/api/changes?limit=1")).json()).changes;
  const since = before.at as string;
  const empty = await (await request.get(`/api/changes?since=${encodeURIComponent(since)}`)).json();
  expect(empty.changes.map((c: { id: number }) => c.id)).not.toContain(before.id);

  const sfx = unique();
  const made = await postClaim(request, claimPayload(sfx));
  expect(made.status).toBe(201);
  const after = await (await request.get(`/api/changes?since=${encodeURIComponent(since)}`)).json();
  const ids = after.changes.map((c: { id: number }) => c.id);
  expect(ids).not.toContain(before.id);
  expect(after.changes.some((c: { claimId: number | null }) => c.claimId === made.body.claimId)).toBe(true);
  expect([...ids].sort((a: number, b: number) => a - b)).toEqual(ids); // oldest first
  expect(after.changes.every((c: { at: string }) => Date.parse(c.at) > Date.parse(since))).toBe(true);

  // paged for mirrors: one at a time via `next` visits the same changes
  const paged: number[] = [];
  let next: string | null = `/api/changes?since=${encodeURIComponent(since)}&limit=1`;
  while (next) {
    const page = await (await request.get(next)).json();
    paged.push(...page.changes.map((c: { id: number }) => c.id));
    next = page.next;
  }
  expect(paged).toEqual(ids);

  const bad = await request.get("/api/changes?since=yesterday");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).fieldErrors.since.length).toBeGreaterThan(0);
  expect((await request.get(`/api/changes?since=${encodeURIComponent(since)}&before=5`)).status()).toBe(400);
});

test("follow a person without JavaScript, make a change, see it on /watching, then it is marked seen", async ({ browser, request }) => {
  const sfx = unique();
  const first = await postClaim(request, claimPayload(sfx));
  expect(first.status).toBe(201);
  const slug = (await one<{ slug: string }>(`SELECT slug FROM "Person" WHERE name = ?`, `Ysolde${sfx} Varnell${sfx}`))!.slug;

  const context = await browser.newContext({ javaScriptEnabled: false, storageState: STATE.editor });
  const page = await context.newPage();
  await page.goto(`/people/${slug}`);
  await page.getByRole("button", { name: `Follow Ysolde${sfx} Varnell${sfx}` }).click();
  await expect(page.getByRole("button", { name: `Unfollow Ysolde${sfx} Varnell${sfx}` })).toBeVisible();

  // a second source for the same departure: a change to their event
  const second = await postClaim(
    request,
    claimPayload(sfx, {
      source: { title: `Second ${sfx}`, url: `https://second.example/${sfx}`, language: "en", kind: "article" },
      excerpt: `Varnell confirmed the exit (${sfx}).`,
    }),
  );
  expect(second.status).toBe(201);

  await page.goto("/watching");
  const watch = page.getByTestId("watch").filter({ has: page.getByRole("heading", { name: new RegExp(`Varnell${sfx}`) }) });
  await expect(watch).toContainText("1 change since");
  await expect(watch.getByRole("link", { name: `claim ${second.body.claimId}` })).toHaveAttribute(
    "href",
    `/events/${first.body.event.id}#claim-${second.body.claimId}`,
  );
  // the visit marked it seen
  await page.goto("/watching");
  await expect(watch).toContainText("No changes since");
  await watch.getByRole("button", { name: /^Unfollow/ }).click();
  await expect(page.getByTestId("watch").filter({ hasText: `Varnell${sfx}` })).toHaveCount(0);
  await context.close();
});

test("signed out, /watching sends you to sign in and the Follow button asks you to sign in", async ({ browser }) => {
  const context = await browser.newContext({ storageState: STATE.anonymous });
  const page = await context.newPage();
  await page.goto("/watching");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fwatching$/);
  await page.goto("/companies/openai");
  await expect(page.getByTestId("follow-sign-in")).toHaveAttribute("href", "/sign-in?next=%2Fcompanies%2Fopenai");
  await context.close();
});

test("the timeline follows a filter: it appears on /watching with its label", async ({ page }) => {
  await page.goto("/?company=openai&kind=departed");
  const form = page.getByTestId("timeline-watch");
  const follow = form.getByRole("button", { name: /^Follow / });
  if (await follow.count()) await follow.click();
  await expect(form.getByRole("button", { name: /^Unfollow / })).toBeVisible();
  await page.goto("/watching");
  const watch = page.getByTestId("watch").filter({ hasText: "Timeline filter" }).filter({ hasText: "Left: OpenAI" });
  await expect(watch.getByRole("link", { name: /Left: OpenAI/ })).toHaveAttribute("href", "/?company=openai&kind=departed");
  await watch.getByRole("button", { name: /^Unfollow/ }).click();
  await expect(page.getByTestId("watch").filter({ hasText: "Left: OpenAI" })).toHaveCount(0);
});
