/**
 * Import a dataset as one batch through the write path: every claim linked to its batch and to its record's
 * id in the dataset. New records go through the set-wise path (ingestBulk, ADR 0090), which makes the same
 * decisions as ingestInTransaction for a run of records at once; a record it does not take, and a record seen
 * before, go through ingestInTransaction in a savepoint. A record seen before (same dataset, same id) is a
 * no-op when unchanged and supersedes its earlier claim when changed (the old claim deprecated, never
 * deleted). A dry run does everything inside a transaction that is rolled back and returns the report.
 *
 * A real import commits in chunks (IMPORT_CHUNK records per transaction) so web writes get through
 * meanwhile; if a chunk fails, what earlier chunks wrote is taken back and the batch row removed.
 */
import type { Db, Tx } from "@/lib/db-factory";
import type { ImportFormatName } from "@/lib/domain/vocabulary";
import type { Actor } from "@/lib/ingest/actor";
import { logChange } from "@/lib/ingest/change-log";
import { IngestError } from "@/lib/ingest/ingest-error";
import { ingestBulk } from "@/lib/ingest/ingest-bulk";
import { ingestInTransaction, nothingWritten, type IngestResult, type Written } from "@/lib/ingest/ingest-claim";
import { changeClaimStateIn } from "@/lib/ingest/retract-claim";
import { mergeWritten, undoWritten } from "@/lib/ingest/undo-written";
import { applyDescriptions, type Described } from "./apply-descriptions";
import type { ParsedDataset } from "./record";
import { buildReport, type EventRow } from "./build-report";
import type { ImportReport } from "./report";
import { validateRecords, type ValidRecord } from "./validate-records";

export const IMPORT_CHUNK = 250;
const CHUNK_PAUSE_MS = 20;

export interface ImportOptions {
  format: ImportFormatName;
  dataset: string;
  version?: string;
  licence?: string;
  fileName?: string;
  fileSha256: string;
  dryRun?: boolean;
  retractMissing?: boolean;
  /** every record through the per-record write path (the reference the set-wise path is tested against) */
  perRecord?: boolean;
  actor: Actor;
}

interface Previous {
  id: number;
  externalId: string;
  recordHash: string | null;
  eventId: number;
}

/** What the import has done so far, across chunks. */
interface Progress {
  results: { record: ValidRecord; result: IngestResult }[];
  described: Described[];
  superseded: { externalId: string; oldClaimId: number; newClaimId: number }[];
  unchanged: number;
  /** each existing event as it was before the batch first touched it */
  before: Map<number, EventRow>;
  createdEvents: Set<number>;
  rejected: ImportReport["rejected"];
  missing: ImportReport["missing"];
  written: Written;
  deprecated: number[];
}

class DryRunRollback extends Error {
  constructor(readonly report: ImportReport) {
    super("dry run");
  }
}

const supersedeReason = (o: ImportOptions) => `superseded by ${o.dataset}${o.version ? ` ${o.version}` : ""}`;

/** Run a statement group inside a savepoint: a record that fails leaves nothing behind and the rest go on. */
async function inSavepoint<T>(tx: Tx, run: () => Promise<T>): Promise<T> {
  await tx.$executeRawUnsafe("SAVEPOINT import_record");
  try {
    const value = await run();
    await tx.$executeRawUnsafe("RELEASE SAVEPOINT import_record");
    return value;
  } catch (error) {
    await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT import_record");
    await tx.$executeRawUnsafe("RELEASE SAVEPOINT import_record");
    throw error;
  }
}

async function previousClaims(tx: Tx, dataset: string): Promise<Map<string, Previous>> {
  const rows = await tx.claim.findMany({
    where: { state: "active", externalId: { not: null }, batch: { dataset, status: "applied" } },
    select: { id: true, externalId: true, recordHash: true, eventId: true },
  });
  return new Map(rows.map((r) => [r.externalId!, { ...r, externalId: r.externalId! }]));
}

async function remember(tx: Tx, p: Progress, eventId: number) {
  if (p.before.has(eventId) || p.createdEvents.has(eventId)) return;
  const row = await tx.event.findUnique({ where: { id: eventId } });
  if (row) p.before.set(eventId, row);
}

const provenanceOf = (v: ValidRecord, batchId: number, distinct: boolean) => ({
  batchId,
  externalId: v.record.externalId,
  recordHash: v.hash,
  distinct,
});

/** What the report needs from a stored record: the event it created, or the event as it was before the batch touched it. */
function recordResult(p: Progress, v: ValidRecord, result: IngestResult, prev?: Previous) {
  if (result.outcome === "created") p.createdEvents.add(result.eventId);
  else if (result.eventBefore && !p.before.has(result.eventId) && !p.createdEvents.has(result.eventId))
    p.before.set(result.eventId, result.eventBefore);
  if (prev) {
    p.deprecated.push(prev.id);
    p.superseded.push({ externalId: v.record.externalId, oldClaimId: prev.id, newClaimId: result.claimId });
  }
  p.results.push({ record: v, result });
  mergeWritten(p.written, result.written);
}

/**
 * A chunk of records: runs of new records go through the set-wise path (ingestBulk) up to a record it does
 * not take, which goes through the per-record path (its rejection is then the same); a record seen before
 * (unchanged, or superseding its earlier claim) goes through importOne.
 */
async function importChunk(tx: Tx, chunk: ValidRecord[], previous: Map<string, Previous>, batchId: number, o: ImportOptions, p: Progress) {
  for (let i = 0; i < chunk.length;) {
    if (o.perRecord || previous.has(chunk[i].record.externalId)) {
      await importOne(tx, chunk[i], previous.get(chunk[i].record.externalId), batchId, o, p);
      i++;
      continue;
    }
    let end = i;
    while (end < chunk.length && !previous.has(chunk[end].record.externalId)) end++;
    const run = chunk.slice(i, end);
    const { results, handled } = await ingestBulk(
      tx,
      run.map((v) => ({ input: v.claim, provenance: provenanceOf(v, batchId, false) })),
      o.actor,
    );
    results.forEach((result, k) => recordResult(p, run[k], result));
    i += handled;
    if (handled < run.length) await importOne(tx, chunk[i++], undefined, batchId, o, p);
  }
}

async function importOne(tx: Tx, v: ValidRecord, prev: Previous | undefined, batchId: number, o: ImportOptions, p: Progress) {
  if (prev && prev.recordHash === v.hash) {
    p.unchanged++;
    return;
  }
  try {
    await inSavepoint(tx, async () => {
      if (prev) {
        await remember(tx, p, prev.eventId);
        await changeClaimStateIn(tx, { claimId: prev.id, state: "deprecated", reason: supersedeReason(o) }, o.actor);
      }
      const result = await ingestInTransaction(tx, v.claim, o.actor, provenanceOf(v, batchId, !!prev));
      recordResult(p, v, result, prev);
    });
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    for (const [field, messages] of Object.entries(error.fieldErrors))
      for (const message of messages) p.rejected.push({ ...v.record.ref, externalId: v.record.externalId, field, message });
  }
}

async function retractMissing(tx: Tx, o: ImportOptions, missing: Previous[], p: Progress) {
  for (const m of missing) {
    const retract = !!o.retractMissing;
    if (retract) {
      await remember(tx, p, m.eventId);
      await changeClaimStateIn(
        tx,
        { claimId: m.id, state: "retracted", reason: `no longer in ${o.dataset}${o.version ? ` ${o.version}` : ""}` },
        o.actor,
      );
      p.deprecated.push(m.id);
    }
    p.missing.push({ externalId: m.externalId, claimId: m.id, retracted: retract });
  }
}

async function createBatch(tx: Tx, o: ImportOptions, records: number) {
  return tx.importBatch.create({
    data: {
      dataset: o.dataset,
      datasetVersion: o.version ?? null,
      licence: o.licence ?? null,
      format: o.format === "warning-collective" ? "warning_collective" : o.format,
      fileName: o.fileName ?? null,
      fileSha256: o.fileSha256,
      accountId: o.actor.accountId,
      editor: o.actor.name,
      recordCount: records,
    },
    select: { id: true },
  });
}

const wroteNothing = (p: Progress) =>
  p.deprecated.length === 0 &&
  Object.values(p.written).every((ids) => ids.length === 0) &&
  p.described.every((d) => !d.resolved.created && d.resolved.aliasIds.length === 0 && d.resolved.externalIdIds.length === 0);

async function finish(tx: Tx, batchId: number, o: ImportOptions, parsed: ParsedDataset, p: Progress): Promise<ImportReport> {
  if (wroteNothing(p)) {
    // a re-import of an unchanged dataset leaves no trace: no batch, no change log entry
    await tx.importBatch.delete({ where: { id: batchId } });
    return buildReport(tx, { batchId: null, options: o, parsed, progress: p });
  }
  const report = await buildReport(tx, { batchId, options: o, parsed, progress: p });
  await tx.importBatch.update({
    where: { id: batchId },
    data: {
      claimsAdded: report.claims.added,
      claimsSuperseded: report.claims.superseded.length,
      claimsUnchanged: report.claims.unchanged,
      recordsRejected: new Set(report.rejected.map((r) => r.index)).size,
      report: JSON.stringify(report),
    },
  });
  await logChange(tx, {
    actor: o.actor,
    action: "import_batch",
    eventId: null,
    summary: `Imported batch ${batchId}: ${o.dataset}${o.version ? ` ${o.version}` : ""}, ${parsed.records.length} records (${report.claims.added} claims added, ${report.claims.superseded.length} superseded, ${report.claims.unchanged} unchanged, ${report.rejected.length} problems)`,
    after: { batchId, dataset: o.dataset, version: o.version ?? null },
  });
  return report;
}

function emptyProgress(parsed: ParsedDataset, rejected: ImportReport["rejected"]): Progress {
  return {
    results: [],
    described: [],
    superseded: [],
    unchanged: 0,
    before: new Map(),
    createdEvents: new Set(),
    rejected: [...parsed.rejected.map((r) => ({ ...r.ref, field: r.field, message: r.message })), ...rejected],
    missing: [],
    written: nothingWritten(),
    deprecated: [],
  };
}

function missingOf(previous: Map<string, Previous>, parsed: ParsedDataset): Previous[] {
  const present = new Set(parsed.records.map((r) => r.externalId));
  return [...previous.values()].filter((prev) => !present.has(prev.externalId));
}

const TX = { timeout: 600_000, maxWait: 60_000 };

export async function importDataset(db: Db, parsed: ParsedDataset, o: ImportOptions): Promise<ImportReport> {
  const { valid, rejected } = validateRecords(parsed.records);
  const p = emptyProgress(parsed, rejected);

  if (o.dryRun) {
    try {
      await db.$transaction(async (tx) => {
        const batch = await createBatch(tx, o, parsed.records.length);
        const previous = await previousClaims(tx, o.dataset);
        p.described = await applyDescriptions(tx, parsed.people, parsed.companies);
        for (let start = 0; start < valid.length; start += IMPORT_CHUNK)
          await importChunk(tx, valid.slice(start, start + IMPORT_CHUNK), previous, batch.id, o, p);
        await retractMissing(tx, o, missingOf(previous, parsed), p);
        const report = await buildReport(tx, { batchId: null, options: o, parsed, progress: p });
        throw new DryRunRollback({ ...report, dryRun: true });
      }, TX);
    } catch (error) {
      if (error instanceof DryRunRollback) return error.report;
      throw error;
    }
    throw new Error("unreachable: a dry run always rolls back");
  }

  const batch = await db.$transaction((tx) => createBatch(tx, o, parsed.records.length));
  try {
    const previous = await db.$transaction((tx) => previousClaims(tx, o.dataset));
    p.described = await db.$transaction((tx) => applyDescriptions(tx, parsed.people, parsed.companies), TX);
    for (let start = 0; start < valid.length; start += IMPORT_CHUNK) {
      const chunk = valid.slice(start, start + IMPORT_CHUNK);
      await db.$transaction(async (tx) => {
        await importChunk(tx, chunk, previous, batch.id, o, p);
      }, TX);
      // let writes that queued behind this chunk (a form, the API) take the write lock before the next one
      await new Promise((resolve) => setTimeout(resolve, CHUNK_PAUSE_MS));
    }
    return await db.$transaction(async (tx) => {
      await retractMissing(tx, o, missingOf(previous, parsed), p);
      return finish(tx, batch.id, o, parsed, p);
    }, TX);
  } catch (error) {
    await rollBackBatch(db, batch.id, p, o.actor);
    throw error;
  }
}

/** A failed import leaves nothing: its rows go, the claims it deprecated are active again. */
async function rollBackBatch(db: Db, batchId: number, p: Progress, actor: Actor) {
  await undoWritten(db, p.written);
  await db.$transaction(async (tx) => {
    for (const id of p.deprecated) {
      const claim = await tx.claim.findUnique({ where: { id }, select: { state: true } });
      if (claim && claim.state !== "active") await changeClaimStateIn(tx, { claimId: id, state: "active", reason: "import failed" }, actor);
    }
    await tx.importBatch.deleteMany({ where: { id: batchId } });
  }, TX);
}
