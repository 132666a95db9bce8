/**
 * The set-wise import path (lib/ingest/ingest-bulk.ts) against the per-record one it replaces: the same
 * dataset imported both ways into two copies of one database gives the same report, the same rows in
 * every table the write path keeps (events with status, dates and support, claims with provenance,
 * rollups, positions, tags, change log), the same export and the same counts. Then what a user does
 * with a bulk import: a bad record in a chunk is rejected with its place and the rest stored, a web
 * write during the import succeeds, undo brings the totals back, a re-import changes nothing and a
 * changed record supersedes its claim.
 */
import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db-factory";
import { countEvents } from "@/lib/data/find-events";
import { rollupKeys, rollupKeyString } from "@/lib/domain/event-rollup-keys";
import { EVENT_STATUSES } from "@/lib/domain/vocabulary";
import { allEvents } from "@/lib/export/export-events";
import { systemActor } from "@/lib/ingest/actor";
import { ingestClaim } from "@/lib/ingest/ingest-claim";
import { importDataset, IMPORT_CHUNK, type ImportOptions } from "@/lib/import/import-dataset";
import type { ImportRecord, ParsedDataset } from "@/lib/import/record";
import { undoBatch } from "@/lib/import/undo-batch";
import { DEFAULT_QUERY } from "@/lib/validation/event-filters";
import { claimInput } from "../factories/claims";
import { rowCounts } from "../helpers/row-counts";
import { useTestDb } from "../helpers/test-db";

const bulk = useTestDb();
const reference = useTestDb();

const PEOPLE = Array.from({ length: 70 }, (_, i) => `Quinn Example ${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26)}`);
const COMPANIES = ["OpenAI", "Anthropic", "Google DeepMind", "Meta AI", "Mistral", "xAI", "Cohere", "Inflection"];
const TAGS = ["Safety concerns", "Governance", "Compensation", "Policy"];

/** A deterministic tracker dataset with what real files have: repeats, disputes, destinations, managers, board seats, aliases, ids, shared articles, relative dates, source texts. */
function records(n: number, version = 1): ImportRecord[] {
  const out: ImportRecord[] = [];
  for (let i = 0; i < n; i++) {
    const name = PEOPLE[i % PEOPLE.length];
    const company = COMPANIES[(i * 7) % COMPANIES.length];
    const year = 2020 + (i % 5);
    const month = String(1 + ((i * 5) % 12)).padStart(2, "0");
    const kind = i % 11 === 0 ? "joined" : i % 13 === 0 ? "role_changed" : "departed";
    const excerpt = `${name} ${kind === "joined" ? "joined" : kind === "role_changed" ? "moved roles at" : "left"} ${company} (${i}).`;
    const text = i % 9 === 0 ? `Some context. ${excerpt} More context.` : undefined;
    // trackers of three publishers and a wire service, citing 40 stories between them
    const source = { title: `Tracker row ${i}`, publisher: i % 4 === 0 ? "Same Wire" : `Tracker ${i % 3}`, language: "en", kind: "dataset" };
    const story = { url: `https://news.example/${i % 40}`, title: `Story ${i % 40}` };
    out.push({
      ref: { index: i },
      externalId: `rec-${i}`,
      claim: {
        source: { ...source, ...(text ? { text } : {}), ...(i % 17 === 0 ? { publishedAt: `${year}-06-10` } : {}), cites: [story] },
        excerpt,
        person: {
          name: i % 23 === 5 ? name.toUpperCase() : name,
          aliases: i % 10 === 3 ? [`Q. ${name.split(" ").slice(1).join(" ")}`] : [],
          ...(i % 31 === 0 ? { externalIds: [{ scheme: "wikidata", value: `Q${1000 + (i % PEOPLE.length)}` }] } : {}),
        },
        company: { name: company, aliases: [], ...(i % 19 === 0 ? { kind: "lab", foundedAt: "2015" } : {}) },
        kind,
        ...(kind === "departed" && i % 4 === 1 ? { manner: "resigned" } : {}),
        ...(i % 17 === 0 ? { datePhrase: "this year", dateBasis: "relative_to_published" } : { date: `${year}-${month}` }),
        ...(i % 3 === 0 ? { destination: { name: COMPANIES[(i + 3) % COMPANIES.length], aliases: [] } } : {}),
        ...(i % 8 === 2 ? { reportsTo: { name: PEOPLE[(i + 1) % PEOPLE.length], aliases: [] } } : {}),
        ...(i % 29 === 4 ? { roleCategory: "board", role: "Board member" } : { role: i % 2 ? "Researcher" : "Engineer" }),
        tags: [TAGS[i % TAGS.length], ...(i % 5 === 0 ? [TAGS[(i + 1) % TAGS.length]] : [])],
        recordStatus: version === 1 ? "verified" : "corrected",
      },
    });
  }
  return out;
}

const dataset = (recs: ImportRecord[]): ParsedDataset => ({ format: "departures", records: recs, rejected: [], people: [], companies: [], meta: {} });
const options = (over: Partial<ImportOptions> = {}): ImportOptions => ({
  format: "departures",
  dataset: "bulk-tracker",
  version: "v1",
  fileSha256: "b".repeat(64),
  actor: systemActor("import"),
  ...over,
});

/** What was recorded before the import, the same in both databases: events the file merges into, a claim it repeats. */
async function recordedBefore(db: Db) {
  await ingestClaim(
    db,
    claimInput({
      excerpt: "Recorded before one.",
      person: { name: PEOPLE[0], aliases: [] },
      company: { name: "OpenAI", aliases: [] },
      date: "2020-01",
    }),
  );
  await ingestClaim(
    db,
    claimInput({
      excerpt: "Recorded before two.",
      person: { name: PEOPLE[8], aliases: [] },
      company: { name: "Anthropic", aliases: [] },
      date: "2023-03",
      manner: "fired",
    }),
  );
  await ingestClaim(
    db,
    claimInput({
      source: { title: "Tracker row 2", publisher: "Tracker 2", language: "en", kind: "dataset" },
      excerpt: `${PEOPLE[2]} left ${COMPANIES[14 % COMPANIES.length]} (2).`,
      person: { name: PEOPLE[2], aliases: [] },
      company: { name: COMPANIES[14 % COMPANIES.length], aliases: [] },
      role: "Engineer",
      roleCategory: undefined,
      date: "2022-11",
    }),
  );
}

const withoutTimes = (row: Record<string, unknown>) => {
  const { createdAt: _c, updatedAt: _u, at: _a, ...rest } = row;
  return rest;
};
const json = (text: string | null) => (text ? JSON.parse(text, (k, v) => (k === "createdAt" || k === "updatedAt" ? undefined : v)) : null);

/** Every table the write path keeps, as comparable rows (positions are rebuilt with new ids, so by content). */
async function snapshot(db: Db) {
  const positions = await db.position.findMany({ include: { events: true } });
  return {
    people: (await db.person.findMany({ orderBy: { id: "asc" } })).map(withoutTimes),
    personAliases: await db.personAlias.findMany({ orderBy: { id: "asc" } }),
    companies: (await db.company.findMany({ orderBy: { id: "asc" } })).map(withoutTimes),
    companyAliases: await db.companyAlias.findMany({ orderBy: { id: "asc" } }),
    externalIds: (await db.externalId.findMany({ orderBy: { id: "asc" } })).map(withoutTimes),
    sources: (await db.source.findMany({ orderBy: { id: "asc" } })).map(withoutTimes),
    citations: await db.sourceCitation.findMany({ orderBy: [{ citingId: "asc" }, { citedId: "asc" }] }),
    events: (await db.event.findMany({ orderBy: { id: "asc" } })).map(withoutTimes),
    claims: (await db.claim.findMany({ orderBy: { id: "asc" } })).map(withoutTimes),
    tags: (await db.tag.findMany({ orderBy: { slug: "asc" } })).map((t) => t.slug),
    claimTags: (await db.claimTag.findMany({ include: { tag: true } })).map((t) => `${t.claimId}:${t.tag.slug}`).sort(),
    eventTags: (await db.eventTag.findMany({ include: { tag: true } })).map((t) => `${t.eventId}:${t.tag.slug}`).sort(),
    positions: positions
      .map(({ id: _id, events, ...p }) => JSON.stringify({ ...p, events: events.map((e) => e.eventId).sort((a, b) => a - b) }))
      .sort(),
    rollup: (await db.eventRollup.findMany()).map((r) => `${rollupKeyString({ ...r, grain: r.grain as "period" })}=${r.n}`).sort(),
    changes: (await db.change.findMany({ orderBy: { id: "asc" } })).map((c) => ({
      ...withoutTimes(c),
      before: json(c.before),
      after: json(c.after),
    })),
    batches: (await db.importBatch.findMany({ orderBy: { id: "asc" } })).map((b) => ({ ...withoutTimes(b), report: json(b.report) })),
  };
}

async function exported(db: Db) {
  const out = [];
  for await (const e of allEvents(db)) out.push(e);
  return JSON.parse(JSON.stringify(out), (k, v) => (k === "addedAt" ? undefined : v));
}

/** The rollup equals a recount of the events by the write path's own key function. */
async function expectRollupExact(db: Db) {
  const counts = new Map<string, number>();
  for (const e of await db.event.findMany()) for (const k of rollupKeys(e)) counts.set(rollupKeyString(k), (counts.get(rollupKeyString(k)) ?? 0) + 1);
  const stored = new Map((await db.eventRollup.findMany()).map((r) => [rollupKeyString({ ...r, grain: r.grain as "period" }), r.n]));
  expect([...stored].sort()).toEqual([...counts].sort());
}

describe("bulk import", () => {
  const N = 2 * IMPORT_CHUNK + 37;

  it("stores exactly what importing the records one by one stores: report, rows, export, rollups and counts", async () => {
    await recordedBefore(bulk.db);
    await recordedBefore(reference.db);
    const recs = records(N);
    // one record the write path refuses, in the middle of a chunk: it goes through the per-record path
    recs[40] = { ...recs[40], claim: { ...recs[40].claim, source: { ...(recs[40].claim.source as object), text: "A text without the excerpt." } } };

    // the dry run is the same code rolled back: the same report, nothing stored
    const counts = await rowCounts(bulk.db);
    const dryFast = await importDataset(bulk.db, dataset(recs), options({ dryRun: true }));
    expect(dryFast).toEqual(await importDataset(reference.db, dataset(recs), options({ dryRun: true, perRecord: true })));
    expect(await rowCounts(bulk.db)).toEqual(counts);

    const fast = await importDataset(bulk.db, dataset(recs), options());
    const slow = await importDataset(reference.db, dataset(recs), options({ perRecord: true }));
    expect(fast.claims).toEqual(dryFast.claims);

    expect(fast).toEqual(slow);
    expect(fast.claims.added).toBeGreaterThan(N - 5);
    expect(fast.claims.alreadyRecorded).toBe(1);
    expect(fast.events.merged.length).toBeGreaterThan(0);
    expect(fast.events.created.length).toBeGreaterThan(50);
    expect(fast.rejected).toEqual([expect.objectContaining({ index: 40, externalId: "rec-40", field: "excerpt" })]);
    expect(await snapshot(bulk.db)).toEqual(await snapshot(reference.db));
    expect(await exported(bulk.db)).toEqual(await exported(reference.db));
    for (const status of EVENT_STATUSES)
      expect(await countEvents(bulk.db, { ...DEFAULT_QUERY, status: [status] })).toBe(
        await countEvents(reference.db, { ...DEFAULT_QUERY, status: [status] }),
      );
    expect(await bulk.db.event.count({ where: { status: "disputed" } })).toBeGreaterThan(0);
    await expectRollupExact(bulk.db);
    // the per-record reference imports 537 records twice, one transaction each: minutes on a slow PostgreSQL machine
  }, 360_000);

  it("a re-import changes nothing, a changed record supersedes its claim the same way, and undo brings the totals back", async () => {
    const recs = records(N);
    recs[40] = { ...recs[40], claim: { ...recs[40].claim, source: { ...(recs[40].claim.source as object), text: "A text without the excerpt." } } };
    for (const db of [bulk.db, reference.db]) {
      const again = await importDataset(db, dataset(recs), options());
      expect(again.batchId).toBeNull();
      // all but the refused record and the one already recorded before the first import (it stored no claim)
      expect(again.claims.unchanged).toBe(N - 2);
      expect(again.claims.alreadyRecorded).toBe(1);
      expect(again.claims.added).toBe(0);
    }
    // version 2: a corrected date for one record, one new record, everything else unchanged
    const v2 = [...recs];
    v2[7] = { ...v2[7], claim: { ...v2[7].claim, date: "2019-02" } };
    v2.push(records(N + 1)[N]);
    const totalBefore = await countEvents(bulk.db, DEFAULT_QUERY);
    const fast = await importDataset(bulk.db, dataset(v2), options({ version: "v2" }));
    const slow = await importDataset(reference.db, dataset(v2), options({ version: "v2", perRecord: true }));
    expect(fast).toEqual(slow);
    expect(fast.claims.superseded).toEqual([expect.objectContaining({ externalId: "rec-7" })]);
    expect(fast.claims.added).toBe(2);
    expect(await snapshot(bulk.db)).toEqual(await snapshot(reference.db));

    await undoBatch(bulk.db, fast.batchId!, systemActor("test"));
    expect(await countEvents(bulk.db, DEFAULT_QUERY)).toBe(totalBefore);
    const first = await bulk.db.importBatch.findFirstOrThrow({ where: { datasetVersion: "v1" } });
    await undoBatch(bulk.db, first.id, systemActor("test"));
    expect(await countEvents(bulk.db, DEFAULT_QUERY)).toBe(3);
    await expectRollupExact(bulk.db);
  });

  it("a web write during a bulk import succeeds, and the import's report and counts are unaffected by it", async () => {
    const db = bulk.db;
    const before = await countEvents(db, DEFAULT_QUERY);
    const recs = records(3 * IMPORT_CHUNK).map((r) => ({ ...r, externalId: `web-${r.externalId}` }));
    for (const r of recs) {
      const { text: _text, ...source }: Record<string, unknown> = {
        ...(r.claim.source as Record<string, unknown>),
        title: `Third tracker ${r.ref.index}`,
      };
      r.claim = { ...r.claim, source, excerpt: `${r.claim.excerpt as string} (third file)`, person: { name: `Third ${r.ref.index}`, aliases: [] } };
    }
    let writes = 0;
    let running = true;
    const writer = (async () => {
      for (let i = 0; running; i++) {
        await ingestClaim(
          db,
          claimInput({ person: { name: `Web Writer ${i}`, aliases: [] }, company: { name: "Web Co", aliases: [] }, excerpt: `Web ${i} left.` }),
        );
        writes++;
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
    })();
    const report = await importDataset(db, dataset(recs), options({ dataset: "third" }));
    running = false;
    await writer;
    expect(writes).toBeGreaterThan(0);
    expect(report.claims.added).toBe(recs.length);
    expect(report.events.created).toHaveLength(recs.length);
    expect(await countEvents(db, DEFAULT_QUERY)).toBe(before + recs.length + writes);
    await expectRollupExact(db);
  });
});
