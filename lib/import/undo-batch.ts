/**
 * Undo an import batch through the normal write path: every claim it added is retracted (kept, with the
 * reason), every claim it superseded or retracted is active again, each event recomputed; the batch is
 * marked undone and the undo logged. Afterwards the public timeline, counts and statuses are as before.
 * Runs in chunks so a large batch never holds the write lock for long; running it again finishes the job.
 */
import type { Db } from "@/lib/db-factory";
import type { Actor } from "@/lib/ingest/actor";
import { logChange } from "@/lib/ingest/change-log";
import { IngestError } from "@/lib/ingest/ingest-error";
import { changeClaimStateIn } from "@/lib/ingest/retract-claim";
import type { ImportReport } from "./report";

const CHUNK = 250;
const TX = { timeout: 600_000, maxWait: 60_000 };

export interface UndoResult {
  batchId: number;
  retracted: number;
  restored: number;
}

export async function undoBatch(db: Db, batchId: number, actor: Actor): Promise<UndoResult> {
  const batch = await db.importBatch.findUnique({ where: { id: batchId } });
  if (!batch) throw new IngestError({ batchId: [`No import batch has id ${batchId}`] });
  if (batch.status === "undone") throw new IngestError({ batchId: [`Batch ${batchId} was already undone on ${batch.undoneAt?.toISOString()}`] });
  const reason = `undo of import batch ${batchId} (${batch.dataset}${batch.datasetVersion ? ` ${batch.datasetVersion}` : ""})`;

  const added = await db.claim.findMany({ where: { batchId, state: "active" }, select: { id: true }, orderBy: { id: "asc" } });
  const report = batch.report ? (JSON.parse(batch.report) as ImportReport) : null;
  const earlier = [
    ...(report?.claims.superseded.map((s) => s.oldClaimId) ?? []),
    ...(report?.missing.filter((m) => m.retracted).map((m) => m.claimId) ?? []),
  ];

  let retracted = 0;
  let restored = 0;
  for (let i = 0; i < added.length; i += CHUNK) {
    const chunk = added.slice(i, i + CHUNK);
    await db.$transaction(async (tx) => {
      for (const c of chunk) {
        const now = await tx.claim.findUnique({ where: { id: c.id }, select: { state: true } });
        if (now?.state !== "active") continue;
        await changeClaimStateIn(tx, { claimId: c.id, state: "retracted", reason }, actor);
        retracted++;
      }
    }, TX);
  }
  await db.$transaction(async (tx) => {
    for (const id of earlier) {
      // only what this batch set aside: a claim an editor retracted since stays retracted
      const now = await tx.claim.findUnique({ where: { id }, select: { state: true, stateReason: true } });
      if (!now || now.state === "active" || !/^(superseded by|no longer in) /.test(now.stateReason ?? "")) continue;
      await changeClaimStateIn(tx, { claimId: id, state: "active", reason }, actor);
      restored++;
    }
    await tx.importBatch.update({ where: { id: batchId }, data: { status: "undone", undoneAt: new Date() } });
    await logChange(tx, {
      actor,
      action: "undo_batch",
      eventId: null,
      summary: `Undid import batch ${batchId} (${batch.dataset}${batch.datasetVersion ? ` ${batch.datasetVersion}` : ""}): ${retracted} claims retracted, ${restored} restored`,
      before: { batchId, status: "applied" },
      after: { batchId, status: "undone" },
    });
  }, TX);
  return { batchId, retracted, restored };
}
