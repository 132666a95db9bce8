/**
 * GET /api/changes?limit=&before=&account=&action=&since=&until=: the change log as JSON, newest first,
 * `before` (an id) pages back. Public, like the /changes page.
 */
import { db } from "@/lib/db";
import { listChanges } from "@/lib/data/changes";
import { jsonError } from "@/lib/http/errors";
import { changeListSchema } from "@/lib/validation/changes";
import { fieldErrorsOf } from "@/lib/validation/field-errors";

export async function GET(request: Request) {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = changeListSchema.safeParse(params);
  if (!parsed.success) return jsonError(400, "Invalid query", fieldErrorsOf(parsed.error));
  const { account, ...rest } = parsed.data;
  const { changes, nextBefore } = await listChanges(db, { ...rest, accountId: account });
  return Response.json(
    {
      changes: changes.map((c) => ({
        id: c.id,
        at: c.at.toISOString(),
        action: c.action,
        summary: c.summary,
        by: c.account ? { id: c.account.id, name: c.account.name } : { system: c.editor },
        eventId: c.event?.id ?? null,
        claimId: c.claimId,
        revertOf: c.revertOfId,
        revertedBy: c.revertedById,
        fields: c.fields,
      })),
      nextBefore,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}
