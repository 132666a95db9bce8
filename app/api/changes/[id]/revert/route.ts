/** POST /api/changes/{id}/revert: an editor undoes one change through the write path; the revert is logged. */
import { db } from "@/lib/db";
import { requireAccess } from "@/lib/auth/require";
import { jsonError } from "@/lib/http/errors";
import { accountActor } from "@/lib/ingest/actor";
import { IngestError } from "@/lib/ingest/ingest-error";
import { revertChange } from "@/lib/ingest/revert-change";
import { idParam } from "@/lib/validation/changes";

export async function POST(request: Request, ctx: RouteContext<"/api/changes/[id]/revert">) {
  const access = await requireAccess(request, "correct");
  if (!access.ok) return access.response;
  const id = idParam((await ctx.params).id);
  if (id === null) return jsonError(404, "No such change");
  try {
    const result = await revertChange(db, id, accountActor(access.account));
    return Response.json({ reverted: id, change: result.changeId, eventId: result.eventId, claimId: result.claimId }, { status: 201 });
  } catch (error) {
    if (error instanceof IngestError) {
      const missing = /^No change has id/.test(error.message);
      return jsonError(missing ? 404 : 400, error.message, error.fieldErrors);
    }
    throw error;
  }
}
