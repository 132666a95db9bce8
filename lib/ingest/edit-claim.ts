/**
 * Edit a claim's English translation and editor note: the only parts of a claim that are the editors'
 * own words rather than evidence. The excerpt, source and asserted facts are never edited (retract or
 * deprecate and add a new claim instead), so the event needs no recomputing. The edit and its change-log
 * entry (before/after values) land in one transaction; an edit that changes nothing logs nothing.
 */
import type { Db, Tx } from "@/lib/db-factory";
import type { EditClaim } from "@/lib/validation/claim";
import type { Actor } from "./actor";
import { logChange } from "./change-log";
import { IngestError } from "./ingest-error";

export interface EditClaimResult {
  eventId: number;
  claimId: number;
  /** false when the submitted values were already stored */
  changed: boolean;
}

export async function editClaim(db: Db, edit: EditClaim, actor: Actor): Promise<EditClaimResult> {
  return db.$transaction((tx) => editClaimIn(tx, edit, actor), { timeout: 30_000, maxWait: 30_000 });
}

/** In the caller's transaction (a revert runs it inside its own). */
export async function editClaimIn(tx: Tx, edit: EditClaim, actor: Actor, revertOfId?: number): Promise<EditClaimResult> {
  const claim = await tx.claim.findUnique({ where: { id: edit.claimId } });
  if (!claim) throw new IngestError({ claimId: [`No claim has id ${edit.claimId}`] });
  const before = { translation: claim.translation, note: claim.note };
  // An empty field clears the value.
  const after = { translation: edit.translation || null, note: edit.note || null };
  if (before.translation === after.translation && before.note === after.note) {
    return { eventId: claim.eventId, claimId: claim.id, changed: false };
  }
  await tx.claim.update({ where: { id: claim.id }, data: after });
  const what = [before.translation !== after.translation && "translation", before.note !== after.note && "note"].filter(Boolean).join(" and ");
  await logChange(tx, {
    actor,
    revertOfId,
    action: "edit_claim",
    eventId: claim.eventId,
    claimId: claim.id,
    summary: `Edited the ${what} of claim #${claim.id}${edit.reason ? `: ${edit.reason}` : ""}`,
    // Nested like a retraction's snapshot, so the change log reads both the same way.
    before: { claim: before },
    after: { claim: after },
  });
  return { eventId: claim.eventId, claimId: claim.id, changed: true };
}
