/**
 * GET /api/changes?limit=&before=&account=&action=&since=&until=: the change log as JSON, newest first,
 * `before` (an id) pages back. Public, like the /changes page.
 */
import { db } from "@/lib/db";
import { listChanges } from "@/lib/data/changes";
import { json, parseQuery } from "@/lib/http/respond";
import { changeListSchema } from "@/lib/validation/changes";

export async function GET(request: Request) {
  const parsed = parseQuery(changeListSchema, new URL(request.url).searchParams);
  if (!parsed.ok) return parsed.response;
  const { account, ...rest } = parsed.data;
  const { changes, nextBefore } = await listChanges(db, { ...rest, accountId: account });
  return json(
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
    { cache: "no-store" },
  );
}
