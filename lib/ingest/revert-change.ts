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

export interface RevertResult {
  changeId: number;
  eventId: number | null;
  claimId: number;
}

const snapshotClaim = (json: string | null): { translation?: string | null; note?: string | null; state?: string } =>
  (json ? ((JSON.parse(json) as { claim?: object }).claim ?? {}) : {}) as { translation?: string | null; note?: string | null; state?: string };

export async function revertChange(db: Db, changeId: number, actor: Actor): Promise<RevertResult> {
  return db.$transaction(
    async (tx) => {
      const change = await tx.change.findUnique({ where: { id: changeId }, include: { revertedBy: { select: { id: true } } } });
      if (!change) throw new IngestError({ changeId: [`No change has id ${changeId}`] });
      if (change.revertedBy) throw new IngestError({ changeId: [`Change ${changeId} was already reverted by change ${change.revertedBy.id}`] });
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
