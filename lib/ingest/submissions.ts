/**
 * Contributors' claims wait for review. A submission stores the validated claim as submitted; an
 * editor accepts it (as is, or edited first) through the one write path, ingestClaim, attributed to the
 * contributor and logged as accepted by the editor, or rejects it with a reason the contributor sees.
 * Until accepted it is not a claim: no public page, feed, export or chart can show it.
 */
import { createHash } from "node:crypto";
import type { Db } from "@/lib/db-factory";
import type { ClaimInput } from "@/lib/validation/claim";
import { parseSubmissionPayload } from "@/lib/validation/submission";
import type { Actor } from "./actor";
import { logChange } from "./change-log";
import { ingestInTransaction, type IngestResult } from "./ingest-claim";
import { IngestError } from "./ingest-error";
import { preflightClaim } from "./preflight";

const dedupKey = (accountId: string, input: ClaimInput) =>
  createHash("sha256")
    .update(`${accountId}\u0000${JSON.stringify(input)}`)
    .digest("hex");

/** Store a contributor's claim for review; the same submission twice (or concurrently) is stored once. */
export async function createSubmission(db: Db, input: ClaimInput, account: { id: string }): Promise<{ id: number; created: boolean }> {
  // Refuse now what review could never accept (an excerpt not in the source's text, an unreadable date).
  const plan = await preflightClaim(db, input);
  if (Object.keys(plan.problems).length > 0) throw new IngestError(plan.problems);
  const key = dedupKey(account.id, input);
  for (let attempt = 1; ; attempt++) {
    const known = await db.submission.findUnique({ where: { dedupKey: key }, select: { id: true } });
    if (known) return { id: known.id, created: false };
    try {
      const created = await db.submission.create({
        data: { payload: JSON.stringify(input), dedupKey: key, accountId: account.id },
        select: { id: true },
      });
      return { id: created.id, created: true };
    } catch (error) {
      if (attempt < 3 && (error as { code?: string }).code === "P2002") continue;
      throw error;
    }
  }
}

export interface AcceptResult extends IngestResult {
  submissionId: number;
}

export async function acceptSubmission(db: Db, id: number, reviewer: Actor, edited?: ClaimInput): Promise<AcceptResult> {
  return db.$transaction(
    async (tx) => {
      const submission = await tx.submission.findUnique({ where: { id }, include: { account: { select: { id: true, name: true } } } });
      if (!submission) throw new IngestError({ submissionId: [`No submission has id ${id}`] });
      if (submission.status !== "pending") throw new IngestError({ submissionId: [`Submission ${id} is already ${submission.status}`] });
      const input = edited ?? parseSubmissionPayload(submission.payload);
      // The claim is the contributor's evidence; the acceptance is the editor's change.
      const result = await ingestInTransaction(tx, input, { accountId: submission.account.id, name: submission.account.name });
      const claimed = await tx.submission.updateMany({
        where: { id, status: "pending" },
        data: {
          status: "accepted",
          reviewerId: reviewer.accountId,
          reviewedAt: new Date(),
          claimId: result.outcome === "duplicate" ? null : result.claimId,
          payload: edited ? JSON.stringify(edited) : submission.payload,
        },
      });
      if (claimed.count === 0) throw new IngestError({ submissionId: [`Submission ${id} was just reviewed by someone else`] });
      await logChange(tx, {
        actor: reviewer,
        action: "accept_submission",
        eventId: result.eventId,
        claimId: result.outcome === "duplicate" ? null : result.claimId,
        summary: `Accepted submission #${id} from ${submission.account.name}${edited ? " (edited)" : ""}${result.outcome === "duplicate" ? ": already recorded" : ""}`,
      });
      return { ...result, submissionId: id };
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
}

export async function rejectSubmission(db: Db, id: number, reviewer: Actor, reason: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const submission = await tx.submission.findUnique({ where: { id }, select: { status: true, account: { select: { name: true } } } });
    if (!submission) throw new IngestError({ submissionId: [`No submission has id ${id}`] });
    const updated = await tx.submission.updateMany({
      where: { id, status: "pending" },
      data: { status: "rejected", reviewerId: reviewer.accountId, reviewedAt: new Date(), reason },
    });
    if (updated.count === 0) throw new IngestError({ submissionId: [`Submission ${id} is already ${submission.status}`] });
    await logChange(tx, {
      actor: reviewer,
      action: "reject_submission",
      eventId: null,
      summary: `Rejected submission #${id} from ${submission.account.name}: ${reason}`,
    });
  });
}
