/**
 * Undo one logged change through the write path, itself logged (pointing at the change it reverts, so
 * each change is reverted at most once). Adding a claim is undone by retracting it; a retraction or
 * deprecation by restoring the claim; a restore by retracting it again; an edit by writing the previous
 * translation and note back. Event states follow, as always, from the claims.
 */
import type { Db } from "@/lib/db-factory";
import type { Actor } from "./actor";
import { editClaimIn } from "./edit-claim";
import { IngestError } from "./ingest-error";
import { changeClaimStateIn } from "./retract-claim";
import { logChange } from "./change-log";
import { mergeIn, unmergeIn, type MergeSnapshot } from "./merge-entities";
import type { Tx } from "@/lib/db-factory";

export interface RevertResult {
  changeId: number;
  eventId: number | null;
  claimId: number | null;
}

/** A merge is undone by putting the merged record back; a split by merging the split-off record back. */
async function revertEntityChange(
  tx: Tx,
  change: { id: number; action: string; before: string | null; after: string | null; summary: string },
  actor: Actor,
): Promise<RevertResult> {
  let summary: string;
  if (change.action === "split_alias") {
    const after = JSON.parse(change.after ?? "{}") as { kind: "person" | "company"; newId: number };
    const before = JSON.parse(change.before ?? "{}") as { ownerId: number };
    await mergeIn(tx, after.kind, after.newId, before.ownerId);
    summary = `Reverted change #${change.id}: merged the split-off record back`;
  } else {
    const snapshot = JSON.parse(change.before ?? "{}") as MergeSnapshot;
    await unmergeIn(tx, snapshot);
    summary = `Reverted change #${change.id}: ${snapshot.from.name} (${snapshot.from.slug}) is its own record again`;
  }
  const id = await logChange(tx, { actor, action: change.action as "split_alias", eventId: null, summary, revertOfId: change.id });
  return { changeId: id, eventId: null, claimId: null };
}

const snapshotClaim = (json: string | null): { translation?: string | null; note?: string | null; state?: string } =>
  (json ? ((JSON.parse(json) as { claim?: object }).claim ?? {}) : {}) as { translation?: string | null; note?: string | null; state?: string };

export async function revertChange(db: Db, changeId: number, actor: Actor): Promise<RevertResult> {
  return db.$transaction(
    async (tx) => {
      const change = await tx.change.findUnique({ where: { id: changeId }, include: { revertedBy: { select: { id: true } } } });
      if (!change) throw new IngestError({ changeId: [`No change has id ${changeId}`] });
      if (change.revertedBy) throw new IngestError({ changeId: [`Change ${changeId} was already reverted by change ${change.revertedBy.id}`] });
      if (change.action === "merge_people" || change.action === "merge_companies" || change.action === "split_alias")
        return revertEntityChange(tx, change, actor);
      if (change.claimId === null)
        throw new IngestError({ changeId: [`Change ${changeId} (${change.action.replace("_", " ")}) cannot be reverted`] });
      const claimId = change.claimId;
      const reason = `revert of change #${changeId}`;
      switch (change.action) {
        case "create_event":
        case "add_claim":
        case "accept_submission":
        case "restore_claim":
          await changeClaimStateIn(tx, { claimId, state: "retracted", reason }, actor, changeId);
          break;
        case "retract_claim":
        case "deprecate_claim":
          await changeClaimStateIn(tx, { claimId, state: "active", reason }, actor, changeId);
          break;
        case "edit_claim": {
          const before = snapshotClaim(change.before);
          await editClaimIn(tx, { claimId, translation: before.translation ?? undefined, note: before.note ?? undefined, reason }, actor, changeId);
          break;
        }
        default:
          throw new IngestError({ changeId: [`Change ${changeId} (${change.action.replace("_", " ")}) cannot be reverted`] });
      }
      const revert = await tx.change.findUniqueOrThrow({ where: { revertOfId: changeId }, select: { id: true } });
      return { changeId: revert.id, eventId: change.eventId, claimId };
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
}
