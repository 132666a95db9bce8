"use server";

import { db } from "@/lib/db";
import { accountActor } from "@/lib/ingest/actor";
import { editClaim as editClaimInDb } from "@/lib/ingest/edit-claim";
import { editClaimSchema } from "@/lib/validation/claim";
import type { ActionState } from "./action-state";
import { digits, readClaimFields } from "./claim-form-fields";
import { validatedAction } from "./validated-action";

const FIELDS = ["claimId", "eventId", "translation", "note", "reason"] as const;

/** Edit one claim's translation and note from the event page; the change is logged with before/after values. */
export const editClaim: (previous: ActionState, formData: FormData) => Promise<ActionState> = validatedAction({
  schema: editClaimSchema,
  read: readClaimFields(FIELDS),
  permission: "correct",
  run: async (edit, _values, account) => {
    const result = await editClaimInDb(db, edit, accountActor(account));
    const notice = result.changed ? "edited" : "unchanged";
    return { redirectTo: `/events/${result.eventId}?changed=${notice}&claim=${result.claimId}#claim-${result.claimId}` };
  },
  // The event page the form is on, with this claim's edit form opened again (?edit= tells it from the retract form).
  formPath: (values) => (digits(values.eventId) ? `/events/${values.eventId}?edit=${digits(values.claimId) ?? ""}` : "/changes"),
});
