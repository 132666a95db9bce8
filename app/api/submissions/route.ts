/**
 * GET /api/submissions?status=pending|accepted|rejected&limit=: for editors, the review queue with what
 * accepting each would do; for contributors, their own submissions (with any rejection reason).
 */
import { db } from "@/lib/db";
import { requireAccess } from "@/lib/auth/require";
import { can } from "@/lib/auth/roles";
import { listSubmissions } from "@/lib/data/submissions";
import { json, parseQuery } from "@/lib/http/respond";
import { submissionListSchema } from "@/lib/validation/submission";

export async function GET(request: Request) {
  const access = await requireAccess(request, "submit", { write: false });
  if (!access.ok) return access.response;
  const parsed = parseQuery(submissionListSchema, new URL(request.url).searchParams);
  if (!parsed.ok) return parsed.response;
  const mine = !can(access.account.role, "review");
  const submissions = await listSubmissions(db, { ...parsed.data, accountId: mine ? access.account.id : undefined });
  return json({ submissions });
}
