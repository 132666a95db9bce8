/**
 * Retract or deprecate a claim: the claim stays, with its new state and the reason; the event is
 * recomputed from the claims still active (status, best date, destination, positions) and the change
 * is logged with the before and after values, all in one transaction. Nothing is deleted.
 */
import type { Db } from "@/lib/db-factory";
import type { ClaimStateChange } from "@/lib/validation/claim";
import { logChange } from "./change-log";
import { IngestError } from "./ingest-error";
import { recomputeEvent } from "./recompute-event";

export interface ClaimStateResult {
  eventId: number;
  claimId: number;
  /** the event's status once the claim no longer counts */
  status: string;
}

/** The fields of an event a reader of the change log cares about. */
function eventSnapshot(e: { status: string; dateText: string | null; destinationId: number | null; role: string | null; claimCount: number; sourceCount: number }) {
  return { status: e.status, dateText: e.dateText, destinationId: e.destinationId, role: e.role, claimCount: e.claimCount, sourceCount: e.sourceCount };
}

export async function changeClaimState(db: Db, change: ClaimStateChange): Promise<ClaimStateResult> {
  return db.$transaction(
    async (tx) => {
      const claim = await tx.claim.findUnique({ where: { id: change.claimId }, include: { event: true } });
      if (!claim) throw new IngestError({ claimId: [`No claim has id ${change.claimId}`] });
      // Only an active claim changes state, so two editors retracting at once log one change.
      const updated = await tx.claim.updateMany({
        where: { id: claim.id, state: "active" },
        data: { state: change.state, stateReason: change.reason },
      });
      if (updated.count === 0) throw new IngestError({ state: [`This claim is already ${claim.state}`] });
      await recomputeEvent(tx, claim.eventId);
      const after = await tx.event.findUniqueOrThrow({ where: { id: claim.eventId } });
      await logChange(tx, {
        editor: change.editor,
        action: change.state === "retracted" ? "retract_claim" : "deprecate_claim",
        eventId: claim.eventId,
        claimId: claim.id,
        summary: `${change.state === "retracted" ? "Retracted" : "Deprecated"} claim #${claim.id}: ${change.reason}`,
        before: { claim: { state: claim.state, stateReason: claim.stateReason }, event: eventSnapshot(claim.event) },
        after: { claim: { state: change.state, stateReason: change.reason }, event: eventSnapshot(after) },
      });
      return { eventId: claim.eventId, claimId: claim.id, status: after.status };
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
}
