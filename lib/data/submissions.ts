/**
 * Submissions for review: pending ones with what each would do (the event it would join or create, the
 * people and companies it would create), through the same preflight ingest uses; and a contributor's own.
 */
import type { Db } from "@/lib/db-factory";
import type { SubmissionStatus } from "@/generated/prisma/client";
import { preflightClaim, type Preflight } from "@/lib/ingest/preflight";
import type { ClaimInput } from "@/lib/validation/claim";
import { parseSubmissionPayload } from "@/lib/validation/submission";

export interface SubmissionView {
  id: number;
  status: SubmissionStatus;
  createdAt: Date;
  reviewedAt: Date | null;
  reason: string | null;
  claimId: number | null;
  /** the event the accepted claim joined */
  eventId: number | null;
  account: { id: string; name: string };
  reviewer: { name: string } | null;
  claim: ClaimInput;
  /** pending only: what accepting would do */
  plan: Pick<Preflight, "candidates" | "suggestedEventId" | "recorded" | "problems" | "creates"> | null;
}

export async function listSubmissions(db: Db, filter: { status?: SubmissionStatus; accountId?: string; limit?: number }): Promise<SubmissionView[]> {
  const rows = await db.submission.findMany({
    where: { status: filter.status, accountId: filter.accountId },
    orderBy: { id: filter.status === "pending" ? "asc" : "desc" },
    take: Math.min(filter.limit ?? 50, 200),
    include: { account: { select: { id: true, name: true } }, reviewer: { select: { name: true } }, claim: { select: { eventId: true } } },
  });
  return Promise.all(
    rows.map(async (r) => {
      const claim = parseSubmissionPayload(r.payload);
      const plan =
        r.status === "pending"
          ? await preflightClaim(db, claim).then((p) => ({
              candidates: p.candidates.slice(0, 5),
              suggestedEventId: p.suggestedEventId,
              recorded: p.recorded,
              problems: p.problems,
              creates: p.creates,
            }))
          : null;
      return {
        id: r.id,
        status: r.status,
        createdAt: r.createdAt,
        reviewedAt: r.reviewedAt,
        reason: r.reason,
        claimId: r.claimId,
        eventId: r.claim?.eventId ?? null,
        account: r.account,
        reviewer: r.reviewer,
        claim,
        plan,
      };
    }),
  );
}
