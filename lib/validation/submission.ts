import { z } from "zod";
import { claimInputSchema, LIMITS, type ClaimInput } from "./claim";

/** A stored submission's claim, parsed again with the current schema (stored JSON is data, never trusted as typed). */
export function parseSubmissionPayload(payload: string): ClaimInput {
  return claimInputSchema.parse(JSON.parse(payload));
}

/** POST /api/submissions/{id}/reject */
export const rejectSubmissionSchema = z.object({
  reason: z.string().trim().min(1, "A reason is required: the contributor sees it").max(LIMITS.note, `A reason is at most ${LIMITS.note} characters`),
});

/** POST /api/submissions/{id}/accept: optionally the claim as the editor corrected it */
export const acceptSubmissionSchema = z.object({ claim: claimInputSchema.optional() });

/** GET /api/submissions */
export const submissionListSchema = z.object({
  status: z.enum(["pending", "accepted", "rejected"]).default("pending"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
