/**
 * GET /api/changes: the change log as JSON.
 *
 * - Browsing (no `since`/`after`): newest first; `before=<id>` pages back (`nextBefore`); `account`,
 *   `action`, `until` narrow it.
 * - The delta feed for mirrors (`since=<ISO time>` and/or `after=<change id>`): every change strictly
 *   after that instant (and after that id), oldest first, `limit` (≤ 200) at a time; `nextAfter` is the
 *   id to pass as `after` for the next page, and `next` that page's URL (null on the last page). A
 *   mirror keeps the last id it applied and asks `?after=<id>` from then on. `before` cannot be combined.
 * Bad params → 400 `{ error, fieldErrors }`. Public, like the /changes page.
 */
import { db } from "@/lib/db";
import { listChanges } from "@/lib/data/changes";
import { badRequest, json, parseQuery } from "@/lib/http/respond";
import { changeListSchema } from "@/lib/validation/changes";

export async function GET(request: Request) {
  const url = new URL(request.url);
  const parsed = parseQuery(changeListSchema, url.searchParams);
  if (!parsed.ok) return parsed.response;
  const { account, since, after, ...rest } = parsed.data;
  const delta = since !== undefined || after !== undefined;
  if (delta && rest.before !== undefined) {
    return badRequest({ before: ["before pages back newest first; with since or after, page on with after"] });
  }
  const { changes, nextBefore, nextAfter } = await listChanges(db, {
    ...rest,
    accountId: account,
    ...(delta ? { after: since, afterId: after, order: "oldest" as const } : {}),
  });
  const next = new URLSearchParams(url.searchParams);
  if (nextAfter !== null) next.set("after", String(nextAfter));
  if (nextBefore !== null) next.set("before", String(nextBefore));
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
      nextAfter,
      next: nextAfter !== null || nextBefore !== null ? `/api/changes?${next}` : null,
    },
    { cache: "no-store" },
  );
}
