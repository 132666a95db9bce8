"use server";

import { cookies } from "next/headers";
import { db } from "@/lib/db";
import { editClaim as editClaimInDb } from "@/lib/ingest/edit-claim";
import { editClaimSchema } from "@/lib/validation/claim";
import type { ActionState } from "./action-state";
import { EDITOR_COOKIE } from "./editor-cookie";
import { validatedAction } from "./validated-action";

const FIELDS = ["claimId", "eventId", "translation", "note", "reason", "editor"] as const;
const digits = (v: string | undefined) => (v && /^\d{1,12}$/.test(v) ? v : null);

/** Edit one claim's translation and note from the event page; the change is logged with before/after values. */
export const editClaim: (previous: ActionState, formData: FormData) => Promise<ActionState> = validatedAction({
  schema: editClaimSchema,
  read: (formData) => {
    const values: Record<string, string> = {};
    for (const name of FIELDS) {
      const v = formData.get(name);
      if (typeof v === "string") values[name] = v;
    }
    const { eventId: _, ...raw } = values;
    return { values, raw };
  },
  run: async (edit) => {
    const result = await editClaimInDb(db, edit);
    (await cookies()).set(EDITOR_COOKIE, edit.editor, { maxAge: 60 * 60 * 24 * 365, sameSite: "lax", httpOnly: true, path: "/" });
    const notice = result.changed ? "edited" : "unchanged";
    return { redirectTo: `/events/${result.eventId}?changed=${notice}&claim=${result.claimId}#claim-${result.claimId}` };
  },
  // The event page the form is on, with this claim's edit form opened again (?edit= tells it from the retract form).
  formPath: (values) => (digits(values.eventId) ? `/events/${values.eventId}?edit=${digits(values.claimId) ?? ""}` : "/changes"),
});
