/**
 * POST /api/submissions/{id}/accept: an editor publishes a pending submission through the one write path,
 * as submitted or, with `{ "claim": … }`, as corrected. 201 with the event and claim.
 */
import { db } from "@/lib/db";
import { requireAccess } from "@/lib/auth/require";
import { jsonError } from "@/lib/http/errors";
import { accountActor } from "@/lib/ingest/actor";
import { IngestError } from "@/lib/ingest/ingest-error";
import { readJsonBody } from "@/lib/ingest/read-json-body";
import { acceptSubmission } from "@/lib/ingest/submissions";
import { idParam } from "@/lib/validation/changes";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { acceptSubmissionSchema } from "@/lib/validation/submission";

export async function POST(request: Request, ctx: RouteContext<"/api/submissions/[id]/accept">) {
  const access = await requireAccess(request, "review");
  if (!access.ok) return access.response;
  const id = idParam((await ctx.params).id);
  if (id === null) return jsonError(404, "No such submission");
  // No body (no Content-Type) accepts the submission as it is; a JSON body may carry the corrected claim.
  const body = request.headers.has("content-type") ? await readJsonBody(request, 256 * 1024) : ({ ok: true, json: {} } as const);
  if (!body.ok) return jsonError(body.status, body.error);
  const parsed = acceptSubmissionSchema.safeParse(body.json ?? {});
  if (!parsed.success) return jsonError(400, "Invalid claim: nothing was stored", fieldErrorsOf(parsed.error));
  try {
    const r = await acceptSubmission(db, id, accountActor(access.account), parsed.data.claim);
    return Response.json({ submissionId: id, outcome: r.outcome, eventId: r.eventId, claimId: r.claimId }, { status: 201 });
  } catch (error) {
    if (error instanceof IngestError) return jsonError(/^No submission/.test(error.message) ? 404 : 400, error.message, error.fieldErrors);
    throw error;
  }
}
