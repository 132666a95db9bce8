/**
 * GET /api/events (JSON and CSV), the lookups and the Atom feed, against the running server and the
 * database it reads.
 */
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { all, count } from "./e2e-db";

type ApiEvent = { id: number; person: { name: string }; destination: { name: string; relation: string } | null; claims: { excerpt: string }[] };

/** A minimal RFC 4180 reader: quoted fields may hold commas, quotes and newlines. */
function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n") {
      row.push(field.replace(/\r$/, ""));
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

async function anthropicEventIds(): Promise<number[]> {
  const rows = await all<{ id: number }>(
    `SELECT e.id FROM "Event" e JOIN "Company" d ON d.id = e."destinationId" WHERE d.slug = 'anthropic' AND e.status <> 'retracted' ORDER BY e.id`,
  );
  return rows.map((r) => r.id);
}

test("GET /api/events?destination=anthropic returns exactly the Anthropic departures, in the export's shape", async ({ request }) => {
  const res = await request.get("/api/events?destination=anthropic");
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { events: ApiEvent[]; nextCursor: string | null; total: number };
  const names = body.events.map((e) => e.person.name);
  expect(names).toEqual(expect.arrayContaining(["John Schulman", "Jan Leike", "Dario Amodei"]));
  expect(body.events.every((e) => e.destination?.name === "Anthropic")).toBe(true);
  expect(body.events.map((e) => e.id).sort((a, b) => a - b)).toEqual(await anthropicEventIds());
  expect(body.total).toBe(body.events.length);
  expect(body.nextCursor).toBeNull();
  // every event carries its evidence
  expect(body.events.every((e) => e.claims.length > 0 && e.claims.every((c) => c.excerpt.length > 0))).toBe(true);
});

test("the API pages with a cursor: every event once, total unchanged", async ({ request }) => {
  const seen: number[] = [];
  let url = "/api/events?limit=7&status=all";
  let total = -1;
  for (let guard = 0; guard < 100; guard++) {
    const body = (await (await request.get(url)).json()) as { events: ApiEvent[]; nextCursor: string | null; total: number };
    if (total < 0) total = body.total;
    expect(body.total).toBe(total);
    seen.push(...body.events.map((e) => e.id));
    if (!body.nextCursor) break;
    url = `/api/events?limit=7&status=all&cursor=${encodeURIComponent(body.nextCursor)}`;
  }
  expect(new Set(seen).size).toBe(seen.length);
  expect(seen.length).toBe(await count(`"Event"`));
});

test("bad params get 400 with an error for each field", async ({ request }) => {
  const res = await request.get("/api/events?from=notadate&limit=100000&kind=quit");
  expect(res.status()).toBe(400);
  const body = await res.json();
  expect(body.error).toBeTruthy();
  expect(Object.keys(body.fieldErrors).sort()).toEqual(["from", "kind", "limit"]);
  expect(body.fieldErrors.limit).toEqual(["limit is at most 200"]);
  expect((await request.get("/api/events?cursor=not-a-cursor")).status()).toBe(400);
  expect((await request.get("/api/events?to=2020&from=2024")).status()).toBe(400);
});

test("the CSV download has the filtered rows, one per claim", async ({ page }) => {
  await page.goto("/?destination=anthropic");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-csv").click()]);
  // the file is named for the filter it holds
  expect(download.suggestedFilename()).toBe("departures-to-anthropic.csv");
  const rows = parseCsv(fs.readFileSync((await download.path())!, "utf8"));
  const ids = [...new Set(rows.map((r) => Number(r.event_id)))].sort((a, b) => a - b);
  expect(ids).toEqual(await anthropicEventIds());
  expect(rows.every((r) => r.destination === "Anthropic")).toBe(true);
  expect(rows.map((r) => r.person)).toEqual(expect.arrayContaining(["John Schulman", "Jan Leike", "Dario Amodei"]));
  const claims = await count(
    `"Claim" c JOIN "Event" e ON e.id = c."eventId" JOIN "Company" d ON d.id = e."destinationId" WHERE d.slug = 'anthropic' AND e.status <> 'retracted'`,
  );
  expect(rows).toHaveLength(claims);
});

test("GET /api/events?format=csv streams every matching row, ignoring the page size", async ({ request }) => {
  const res = await request.get("/api/events?format=csv&limit=1&status=all");
  expect(res.headers()["content-type"]).toContain("text/csv");
  const rows = parseCsv(await res.text());
  expect(new Set(rows.map((r) => r.event_id)).size).toBe(await count(`"Event" e WHERE EXISTS (SELECT 1 FROM "Claim" c WHERE c."eventId" = e.id)`));
});

test("people and companies are found by any alias, in any script", async ({ request }) => {
  for (const q of ["ムラティ", "murati", "Murati"]) {
    const body = await (await request.get(`/api/people?q=${encodeURIComponent(q)}`)).json();
    expect(
      body.people.map((p: { name: string }) => p.name),
      q,
    ).toContain("Mira Murati");
  }
  const companies = await (await request.get(`/api/companies?q=${encodeURIComponent("アンスロピック")}`)).json();
  expect(companies.companies[0]).toMatchObject({ name: "Anthropic", slug: "anthropic", url: "/companies/anthropic" });
  const missing = await request.get("/api/people");
  expect(missing.status()).toBe(400);
  expect((await missing.json()).fieldErrors.q).toBeTruthy();
});

test("the Atom feed lists the newest matching events, linked to their evidence", async ({ request }) => {
  const res = await request.get("/feed.xml?destination=anthropic");
  expect(res.headers()["content-type"]).toContain("application/atom+xml");
  const xml = await res.text();
  expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
  const titles = [...xml.matchAll(/<entry>[\s\S]*?<title>([^<]*)<\/title>/g)].map((m) => m[1]);
  expect(titles.length).toBe((await anthropicEventIds()).length);
  expect(titles.every((t) => t.includes("Anthropic"))).toBe(true);
  expect(titles.some((t) => t.startsWith("John Schulman"))).toBe(true);
  expect(xml).toMatch(/<link rel="alternate" type="text\/html" href="[^"]*\/events\/\d+"\/>/);
  expect((await request.get("/feed.xml?kind=bogus")).status()).toBe(400);
});
