/**
 * Every import format end to end on a database holding the seed: the dry run changes no table and names
 * the seed people it would match; the import creates no second record for them, keeps every source URL
 * and makes the tags filterable; exports carry each record; a second import changes nothing; the
 * corrected version supersedes; undo brings GET /api/events's total back.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { eventToJson } from "@/lib/data/event-json";
import { findEvents } from "@/lib/data/find-events";
import { IMPORT_FORMATS, type ImportFormatName } from "@/lib/domain/vocabulary";
import { systemActor } from "@/lib/ingest/actor";
import { ingestFiles } from "@/lib/ingest/ingest-file";
import { importDataset } from "@/lib/import/import-dataset";
import { readDatasetFile } from "@/lib/import/read-dataset";
import { undoBatch } from "@/lib/import/undo-batch";
import { parseEventQuery } from "@/lib/validation/event-filters";
import { rowCounts } from "../helpers/row-counts";
import { useTestDb } from "../helpers/test-db";

const { db } = useTestDb();
const SEED = path.join(process.cwd(), "prisma", "seed", "data");
const FIXTURES = path.join(process.cwd(), "tests", "fixtures", "import");
const actor = systemActor("import");

async function total(qs = "status=all") {
  const parsed = parseEventQuery(new URLSearchParams(qs));
  if (!parsed.ok) throw new Error("bad query");
  return findEvents(db, { ...parsed.query, limit: 200 });
}

function read(format: ImportFormatName, version: "v1" | "v2") {
  const ext = format === "csv" ? "csv" : "json";
  return readDatasetFile(path.join(FIXTURES, format, `${version}.${ext}`), {
    format,
    mappingFile: format === "csv" ? path.join(FIXTURES, "csv", "mapping.json") : undefined,
  });
}

const optionsFor = (r: ReturnType<typeof read>, version: string) => ({
  format: r.format,
  dataset: `test-${r.format}`,
  version,
  fileSha256: r.sha256,
  actor,
});

/** Every source URL the records name: their sources' and the documents those cite. */
function sourceUrls(parsed: ReturnType<typeof read>["parsed"]): string[] {
  const urls = parsed.records.flatMap((r) => {
    const source = r.claim.source as { url?: string; cites?: (string | { url?: string })[] };
    return [source.url, ...(source.cites ?? []).map((c) => (typeof c === "string" ? c : c.url))];
  });
  return [...new Set(urls.filter((u): u is string => typeof u === "string"))];
}

beforeAll(async () => {
  const files = fs
    .readdirSync(SEED)
    .filter((f) => f.endsWith(".json"))
    .map((f) => path.join(SEED, f));
  const outcome = await ingestFiles(db, files, systemActor("seed"));
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
});

describe.each(IMPORT_FORMATS.map((f) => [f]))("import of the %s fixtures", (format) => {
  it("dry run, import, re-import, correction and undo", async () => {
    const seedPeople = new Set((await db.person.findMany({ select: { id: true } })).map((p) => p.id));
    const before = await rowCounts(db);
    const batchesBefore = await db.importBatch.count();
    const publicTotal = (await total("")).total;
    const v1 = read(format, "v1");
    expect(v1.parsed.records.length).toBeGreaterThan(0);

    const dry = await importDataset(db, v1.parsed, { ...optionsFor(v1, "v1"), dryRun: true });
    expect(await rowCounts(db)).toEqual(before);
    expect(await db.importBatch.count()).toBe(batchesBefore);
    expect(dry.people.matched.length).toBeGreaterThan(0);
    expect(dry.people.matched.every((p) => seedPeople.has(p.id))).toBe(true);

    const imported = await importDataset(db, v1.parsed, optionsFor(v1, "v1"));
    expect(imported.batchId).toEqual(expect.any(Number));
    expect(imported.people.matched.map((p) => p.id).sort()).toEqual(dry.people.matched.map((p) => p.id).sort());
    expect(imported.claims.added).toBe(dry.claims.added);
    // no second record for anyone already in the seed
    const names = await db.person.findMany({ select: { name: true } });
    expect(new Set(names.map((n) => n.name)).size).toBe(names.length);

    // every source URL in the file is recorded, and the export carries each record
    const recorded = new Set((await db.source.findMany({ select: { url: true } })).map((s) => s.url));
    const wanted = sourceUrls(v1.parsed);
    expect(wanted.length).toBeGreaterThan(0);
    for (const url of wanted) expect(recorded, url).toContain(url);
    const exported = (await total()).events.map(eventToJson).flatMap((e) => e.claims);
    const ids = new Set(exported.filter((c) => c.batch?.id === imported.batchId).map((c) => c.externalId));
    expect(ids.size).toBe(imported.claims.added);

    // tags are filterable
    const tags = await db.tag.findMany({ where: { claims: { some: { claim: { batchId: imported.batchId! } } } } });
    for (const tag of tags) expect((await total(`tag=${encodeURIComponent(tag.slug)}`)).total).toBeGreaterThan(0);

    // a second import changes nothing
    const counts = await rowCounts(db);
    const again = await importDataset(db, v1.parsed, optionsFor(v1, "v1"));
    expect(again).toMatchObject({ batchId: null, claims: { added: 0, superseded: [] } });
    expect(again.claims.unchanged).toBe(imported.claims.added);
    expect(await rowCounts(db)).toEqual(counts);

    // the corrected version supersedes what changed and lists what it dropped
    const v2 = read(format, "v2");
    const corrected = await importDataset(db, v2.parsed, optionsFor(v2, "v2"));
    expect(corrected.claims.superseded.length).toBeGreaterThan(0);
    expect(corrected.missing.length).toBeGreaterThan(0);
    for (const s of corrected.claims.superseded)
      expect(await db.claim.findUniqueOrThrow({ where: { id: s.oldClaimId } })).toMatchObject({
        state: "deprecated",
        stateReason: `superseded by test-${format} v2`,
      });

    // undo both: the public timeline is as before the import
    await undoBatch(db, corrected.batchId!, actor);
    await undoBatch(db, imported.batchId!, actor);
    expect((await total("")).total).toBe(publicTotal);
  });
});
