/**
 * Retract, deprecate or restore a claim: the claim stays, with its new state and the reason; the event is
 * recomputed from the claims then active (status, best date, destination, positions) and the change is
 * logged with the before and after values, all in one transaction. Nothing is deleted.
 */
import type { Db, Tx } from "@/lib/db-factory";
import type { ClaimState } from "@/lib/domain/vocabulary";
import type { Actor } from "./actor";
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
function eventSnapshot(e: {
  status: string;
  dateText: string | null;
  destinationId: number | null;
  role: string | null;
  claimCount: number;
  sourceCount: number;
}) {
  return {
    status: e.status,
    dateText: e.dateText,
    destinationId: e.destinationId,
    role: e.role,
    claimCount: e.claimCount,
    sourceCount: e.sourceCount,
  };
}

export interface ClaimStateRequest {
  claimId: number;
  /** "active" restores a retracted or deprecated claim */
  state: ClaimState;
  reason: string;
}

const ACTION = { retracted: "retract_claim", deprecated: "deprecate_claim", active: "restore_claim" } as const;
const VERB = { retracted: "Retracted", deprecated: "Deprecated", active: "Restored" } as const;

/** In the caller's transaction (a revert runs it inside its own). */
export async function changeClaimStateIn(tx: Tx, change: ClaimStateRequest, actor: Actor, revertOfId?: number): Promise<ClaimStateResult> {
  const claim = await tx.claim.findUnique({ where: { id: change.claimId }, include: { event: true } });
  if (!claim) throw new IngestError({ claimId: [`No claim has id ${change.claimId}`] });
  // Only a claim in another state changes, so two editors retracting at once log one change.
  const updated = await tx.claim.updateMany({
    where: { id: claim.id, state: change.state === "active" ? { not: "active" } : "active" },
    data: { state: change.state, stateReason: change.state === "active" ? null : change.reason },
  });
  if (updated.count === 0) {
    // read again: a concurrent change may have committed since the first read
    const now = (await tx.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { state: true } })).state;
    throw new IngestError({ state: [`This claim is already ${now}`] });
  }
  await recomputeEvent(tx, claim.eventId);
  const after = await tx.event.findUniqueOrThrow({ where: { id: claim.eventId } });
  await logChange(tx, {
    actor,
    action: ACTION[change.state],
    eventId: claim.eventId,
    claimId: claim.id,
    summary: `${VERB[change.state]} claim #${claim.id}: ${change.reason}`,
    before: { claim: { state: claim.state, stateReason: claim.stateReason }, event: eventSnapshot(claim.event) },
    after: { claim: { state: change.state, stateReason: change.state === "active" ? null : change.reason }, event: eventSnapshot(after) },
    revertOfId,
  });
  return { eventId: claim.eventId, claimId: claim.id, status: after.status };
}

export async function changeClaimState(db: Db, change: ClaimStateRequest, actor: Actor): Promise<ClaimStateResult> {
  return db.$transaction((tx) => changeClaimStateIn(tx, change, actor), { timeout: 30_000, maxWait: 30_000 });
}
