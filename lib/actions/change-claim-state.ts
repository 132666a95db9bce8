"use server";

import { db } from "@/lib/db";
import { accountActor } from "@/lib/ingest/actor";
import { changeClaimState as changeClaimStateInDb } from "@/lib/ingest/retract-claim";
import { claimStateChangeSchema } from "@/lib/validation/claim";
import type { ActionState } from "./action-state";
import { digits, readClaimFields } from "./claim-form-fields";
import { validatedAction } from "./validated-action";

const FIELDS = ["claimId", "eventId", "state", "reason"] as const;

/** Retract or deprecate one claim from the event page; the event is recomputed and the change logged. */
export const changeClaimState: (previous: ActionState, formData: FormData) => Promise<ActionState> = validatedAction({
  schema: claimStateChangeSchema,
  read: readClaimFields(FIELDS),
  permission: "correct",
  run: async (change, _values, account) => {
    const result = await changeClaimStateInDb(db, change, accountActor(account));
    return { redirectTo: `/events/${result.eventId}?changed=${change.state}&claim=${result.claimId}#claim-${result.claimId}` };
  },
  // The event page the form is on, with the form of this claim opened again.
  formPath: (values) => (digits(values.eventId) ? `/events/${values.eventId}?claim=${digits(values.claimId) ?? ""}` : "/changes"),
});
