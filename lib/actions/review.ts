"use server";

/** The review queue's and the change log's buttons: accept (optionally corrected), reject, revert. */
import { db } from "@/lib/db";
import { accountActor } from "@/lib/ingest/actor";
import { revertChange } from "@/lib/ingest/revert-change";
import { acceptSubmission, rejectSubmission } from "@/lib/ingest/submissions";
import { reviewAcceptSchema, reviewRejectSchema, revertSchema } from "@/lib/validation/review";
import { parseSubmissionPayload } from "@/lib/validation/submission";
import type { ActionState } from "./action-state";
import { readClaimFields } from "./claim-form-fields";
import { validatedAction } from "./validated-action";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

export const acceptSubmissionAction: Action = validatedAction({
  schema: reviewAcceptSchema,
  read: readClaimFields(["submissionId", "kind", "manner", "role", "date", "dateBasis", "translation", "note", "edited"]),
  permission: "review",
  run: async ({ submissionId, ...corrections }, values, account) => {
    let edited;
    if (values.edited === "on") {
      const submission = await db.submission.findUnique({ where: { id: submissionId }, select: { payload: true } });
      if (submission) {
        const claim = parseSubmissionPayload(submission.payload);
        const set = Object.fromEntries(Object.entries(corrections).filter(([, v]) => v !== undefined));
        edited = { ...claim, ...set };
      }
    }
    const r = await acceptSubmission(db, submissionId, accountActor(account), edited);
    return { redirectTo: `/events/${r.eventId}?added=${r.outcome}&claim=${r.claimId}#claim-${r.claimId}` };
  },
  formPath: () => "/review",
});

export const rejectSubmissionAction: Action = validatedAction({
  schema: reviewRejectSchema,
  read: readClaimFields(["submissionId", "reason"]),
  permission: "review",
  run: async ({ submissionId, reason }, _values, account) => {
    await rejectSubmission(db, submissionId, accountActor(account), reason);
    return { redirectTo: `/review?rejected=${submissionId}` };
  },
  formPath: () => "/review",
});

export const revertChangeAction: Action = validatedAction({
  schema: revertSchema,
  read: readClaimFields(["changeId"]),
  permission: "correct",
  run: async ({ changeId }, _values, account) => {
    const r = await revertChange(db, changeId, accountActor(account));
    return { redirectTo: `/changes?reverted=${changeId}#change-${r.changeId}` };
  },
  formPath: () => "/changes",
});
