/**
 * Writes to an account's watchlist. Watches are the account's own bookmarks, not evidence: they do not
 * go through lib/ingest and are not in the change log. Following twice is one watch (unique per
 * account, kind and target); unfollowing what is not followed changes nothing.
 */
import type { Db } from "@/lib/db-factory";
import type { WatchKind } from "@/lib/domain/vocabulary";

export interface WatchTarget {
  kind: WatchKind;
  target: string;
  label: string;
}

/** Follow; "seen" starts now, so the watch shows what changes from here on. */
export async function follow(client: Db, accountId: string, w: WatchTarget) {
  return client.watch.upsert({
    where: { accountId_kind_target: { accountId, kind: w.kind, target: w.target } },
    create: { accountId, kind: w.kind, target: w.target, label: w.label },
    update: { label: w.label },
  });
}

export async function unfollow(client: Db, accountId: string, w: Pick<WatchTarget, "kind" | "target">) {
  const { count } = await client.watch.deleteMany({ where: { accountId, kind: w.kind, target: w.target } });
  return count > 0;
}

/** Everything the account follows counts as seen up to `at`. */
export async function markSeen(client: Db, accountId: string, at: Date) {
  await client.watch.updateMany({ where: { accountId, lastSeenAt: { lt: at } }, data: { lastSeenAt: at } });
}
