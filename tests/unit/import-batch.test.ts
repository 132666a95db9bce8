/**
 * Importing a dataset as a batch: the dry run stores nothing and says what would happen, the import
 * links every claim to its batch and record id, a second import of the same file changes nothing, a
 * changed record supersedes its earlier claim, a missing one is listed, and undo restores the timeline.
 */
import { describe, expect, it } from "vitest";
import { countEvents } from "@/lib/data/find-events";
import { DEFAULT_QUERY } from "@/lib/validation/event-filters";
import { systemActor } from "@/lib/ingest/actor";
import { ingestClaim } from "@/lib/ingest/ingest-claim";
import { importDataset, type ImportOptions } from "@/lib/import/import-dataset";
import type { ImportRecord, ParsedDataset } from "@/lib/import/record";
import { undoBatch } from "@/lib/import/undo-batch";
import { claimInput } from "../factories/claims";
import { rowCounts } from "../helpers/row-counts";
import { useTestDb } from "../helpers/test-db";

const { db } = useTestDb();

const tracker = (name: string) => ({
  title: `Tracker profile: ${name}`,
  publisher: "Test Tracker",
  language: "en",
  kind: "dataset",
  cites: [{ url: `https://news.example/${encodeURIComponent(name)}`, title: `${name} leaves` }],
});

function record(index: number, name: string, over: Record<string, unknown> = {}): ImportRecord {
  return {
    ref: { index },
    externalId: `rec-${name}`,
    claim: {
      source: tracker(name),
      excerpt: `${name} left over safety concerns.`,
      person: { name, aliases: [] },
      company: { name: "OpenAI", aliases: [] },
      kind: "departed",
      date: "2024-05",
      tags: ["Safety concerns"],
      recordStatus: "confirmed",
      ...over,
    },
  };
}

const dataset = (records: ImportRecord[]): ParsedDataset => ({ format: "departures", records, rejected: [], people: [], companies: [], meta: {} });
const options = (over: Partial<ImportOptions> = {}): ImportOptions => ({
  format: "departures",
  dataset: "test-tracker",
  version: "v1",
  fileSha256: "a".repeat(64),
  actor: systemActor("import"),
  ...over,
});

describe("importDataset", () => {
  it("a dry run stores nothing and reports who it would match, create, merge and dispute", async () => {
    await ingestClaim(
      db,
      claimInput({ person: { name: "Jan Leike", aliases: ["ヤン・ライケ"] }, excerpt: "Leike resigned", date: "2024-05", manner: "resigned" }),
    );
    const before = await rowCounts(db);
    const batches = await db.importBatch.count();
    const report = await importDataset(
      db,
      dataset([record(0, "Jan Leike", { manner: "fired" }), record(1, "Nova Quill"), record(2, "", {})]),
      options({ dryRun: true }),
    );
    expect(await rowCounts(db)).toEqual(before);
    expect(await db.importBatch.count()).toBe(batches);
    expect(report.dryRun).toBe(true);
    expect(report.people.matched).toEqual([expect.objectContaining({ name: "Jan Leike", by: "exact_alias" })]);
    expect(report.people.created.map((p) => p.name)).toEqual(["Nova Quill"]);
    expect(report.events.merged).toHaveLength(1);
    expect(report.events.disputed).toEqual([expect.objectContaining({ person: "Jan Leike", fields: ["manner"] })]);
    expect(report.events.created).toHaveLength(1);
    expect(report.rejected.length).toBeGreaterThan(0);
    expect(report.rejected.every((r) => r.index === 2 && r.field === "person.name")).toBe(true);
  });

  it("imports as a batch, a second identical import changes nothing, and undo brings the timeline back", async () => {
    const totalBefore = await countEvents(db, DEFAULT_QUERY);
    const file = dataset([record(0, "Ada Brook"), record(1, "Cy Dorn")]);
    const first = await importDataset(db, file, options());
    expect(first.batchId).toEqual(expect.any(Number));
    expect(first.claims.added).toBe(2);
    const claims = await db.claim.findMany({ where: { batchId: first.batchId! }, include: { tags: { include: { tag: true } } } });
    expect(claims.map((c) => c.externalId).sort()).toEqual(["rec-Ada Brook", "rec-Cy Dorn"]);
    expect(claims.every((c) => c.recordStatus === "confirmed" && c.tags[0]?.tag.slug === "safety-concerns")).toBe(true);
    expect(await countEvents(db, DEFAULT_QUERY)).toBe(totalBefore + 2);

    const counts = await rowCounts(db);
    const second = await importDataset(db, file, options());
    expect(second.claims).toMatchObject({ added: 0, unchanged: 2, superseded: [] });
    expect({ ...(await rowCounts(db)), changes: 0 }).toEqual({ ...counts, changes: 0 });

    const undo = await undoBatch(db, first.batchId!, systemActor("import"));
    expect(undo.retracted).toBe(2);
    expect(await countEvents(db, DEFAULT_QUERY)).toBe(totalBefore);
    const batch = await db.importBatch.findUniqueOrThrow({ where: { id: first.batchId! } });
    expect(batch.status).toBe("undone");
    await expect(undoBatch(db, first.batchId!, systemActor("import"))).rejects.toThrow();
  });

  it("a changed record supersedes its earlier claim, which is deprecated, never deleted; a missing one is listed", async () => {
    const v1 = await importDataset(db, dataset([record(0, "Eli Fenn"), record(1, "Gia Hart")]), options({ dataset: "corrections", version: "v1" }));
    const old = await db.claim.findFirstOrThrow({ where: { batchId: v1.batchId!, externalId: "rec-Eli Fenn" } });
    const v2 = await importDataset(db, dataset([record(0, "Eli Fenn", { date: "2024-06" })]), options({ dataset: "corrections", version: "v2" }));
    expect(v2.claims.superseded).toEqual([{ externalId: "rec-Eli Fenn", oldClaimId: old.id, newClaimId: expect.any(Number) }]);
    expect(v2.missing).toEqual([expect.objectContaining({ externalId: "rec-Gia Hart", retracted: false })]);
    expect(v2.events.changed).toEqual([
      expect.objectContaining({ person: "Eli Fenn", changes: [{ field: "date", before: "2024-05", after: "2024-06" }] }),
    ]);
    const kept = await db.claim.findUniqueOrThrow({ where: { id: old.id } });
    expect(kept).toMatchObject({ state: "deprecated", stateReason: "superseded by corrections v2" });
    const event = await db.event.findUniqueOrThrow({ where: { id: old.eventId } });
    expect(event).toMatchObject({ dateText: "2024-06", status: "reported" });

    // undoing v2 brings v1's claim back
    await undoBatch(db, v2.batchId!, systemActor("import"));
    expect((await db.claim.findUniqueOrThrow({ where: { id: old.id } })).state).toBe("active");
    expect((await db.event.findUniqueOrThrow({ where: { id: old.eventId } })).dateText).toBe("2024-05");
  });

  it("--retract-missing retracts records no longer in the dataset", async () => {
    await importDataset(db, dataset([record(0, "Ivo Jain"), record(1, "Kai Lund")]), options({ dataset: "shrinking", version: "1" }));
    const v2 = await importDataset(db, dataset([record(0, "Ivo Jain")]), options({ dataset: "shrinking", version: "2", retractMissing: true }));
    expect(v2.missing).toEqual([expect.objectContaining({ externalId: "rec-Kai Lund", retracted: true })]);
    const claim = await db.claim.findUniqueOrThrow({ where: { id: v2.missing[0].claimId } });
    expect(claim).toMatchObject({ state: "retracted", stateReason: "no longer in shrinking 2" });
  });

  it("a record the write path refuses is rejected with its place in the file and the rest are imported", async () => {
    const report = await importDataset(
      db,
      dataset([record(0, "Lia Moss"), record(1, "Max Nye", { source: { ...tracker("Max Nye"), text: "Some other text" } })]),
      options({ dataset: "partial" }),
    );
    expect(report.claims.added).toBe(1);
    expect(report.rejected).toEqual([expect.objectContaining({ index: 1, externalId: "rec-Max Nye", field: "excerpt" })]);
  });
});
