/** POST /api/submissions/{id}/reject with `{ "reason" }`: an editor declines a submission; the contributor sees why. */
import { db } from "@/lib/db";
import { requireAccess } from "@/lib/auth/require";
import { jsonError } from "@/lib/http/errors";
import { accountActor } from "@/lib/ingest/actor";
import { IngestError } from "@/lib/ingest/ingest-error";
import { readJsonBody } from "@/lib/ingest/read-json-body";
import { rejectSubmission } from "@/lib/ingest/submissions";
import { idParam } from "@/lib/validation/changes";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { rejectSubmissionSchema } from "@/lib/validation/submission";

export async function POST(request: Request, ctx: RouteContext<"/api/submissions/[id]/reject">) {
  const access = await requireAccess(request, "review");
  if (!access.ok) return access.response;
  const id = idParam((await ctx.params).id);
  if (id === null) return jsonError(404, "No such submission");
  const body = await readJsonBody(request, 16 * 1024);
  if (!body.ok) return jsonError(body.status, body.error);
  const parsed = rejectSubmissionSchema.safeParse(body.json);
  if (!parsed.success) return jsonError(400, "A reason is required", fieldErrorsOf(parsed.error));
  try {
    await rejectSubmission(db, id, accountActor(access.account), parsed.data.reason);
    return Response.json({ submissionId: id, status: "rejected" });
  } catch (error) {
    if (error instanceof IngestError) return jsonError(/^No submission/.test(error.message) ? 404 : 400, error.message, error.fieldErrors);
    throw error;
  }
}
