"use server";

import { cookies } from "next/headers";
import { db } from "@/lib/db";
import { changeClaimState as changeClaimStateInDb } from "@/lib/ingest/retract-claim";
import { claimStateChangeSchema } from "@/lib/validation/claim";
import type { ActionState } from "./action-state";
import { EDITOR_COOKIE } from "./editor-cookie";
import { validatedAction } from "./validated-action";

const FIELDS = ["claimId", "eventId", "state", "reason", "editor"] as const;
const digits = (v: string | undefined) => (v && /^\d{1,12}$/.test(v) ? v : null);

/** Retract or deprecate one claim from the event page; the event is recomputed and the change logged. */
export const changeClaimState: (previous: ActionState, formData: FormData) => Promise<ActionState> = validatedAction({
  schema: claimStateChangeSchema,
  read: (formData) => {
    const values: Record<string, string> = {};
    for (const name of FIELDS) {
      const v = formData.get(name);
      if (typeof v === "string") values[name] = v;
    }
    const { eventId: _, ...raw } = values;
    return { values, raw };
  },
  run: async (change) => {
    const result = await changeClaimStateInDb(db, change);
    (await cookies()).set(EDITOR_COOKIE, change.editor, { maxAge: 60 * 60 * 24 * 365, sameSite: "lax", httpOnly: true, path: "/" });
    return { redirectTo: `/events/${result.eventId}?changed=${change.state}&claim=${result.claimId}#claim-${result.claimId}` };
  },
  // The event page the form is on, with the form of this claim opened again.
  formPath: (values) => (digits(values.eventId) ? `/events/${values.eventId}?claim=${digits(values.claimId) ?? ""}` : "/changes"),
});
