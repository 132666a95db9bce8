/** POST /api/import/{id}/undo (editors): retract every claim the batch added and restore what it superseded. */
import { requireAccess } from "@/lib/auth/require";
import { db } from "@/lib/db";
import { jsonError } from "@/lib/http/errors";
import { accountActor } from "@/lib/ingest/actor";
import { IngestError } from "@/lib/ingest/ingest-error";
import { undoBatch } from "@/lib/import/undo-batch";
import { idParam } from "@/lib/validation/changes";

export async function POST(request: Request, ctx: RouteContext<"/api/import/[id]/undo">) {
  const access = await requireAccess(request, "correct");
  if (!access.ok) return access.response;
  const id = idParam((await ctx.params).id);
  if (id === null) return jsonError(404, "No such import batch");
  try {
    return Response.json(await undoBatch(db, id, accountActor(access.account)), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof IngestError)
      return jsonError(error.fieldErrors.batchId?.[0]?.startsWith("No import batch") ? 404 : 400, error.message, error.fieldErrors);
    throw error;
  }
}
