/**
 * What an account follows and what changed since it last looked. A watch's changes are the change-log
 * entries (events created or edited, claims added, retracted, deprecated, restored, reverts) of the
 * events it covers: a person's, a company's (left or gone to), or a timeline filter's, found with the
 * timeline's own WHERE builder. Retracted events count, so a retraction is never missed.
 */
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db-factory";
import { EVENT_STATUSES, type WatchKind } from "@/lib/domain/vocabulary";
import { DEFAULT_QUERY, DEFAULT_STATUSES, filtersOf, parseEventQuery, type EventFilters } from "@/lib/validation/event-filters";
import { listChanges, type ChangeView } from "./changes";
import { eventWhereSql, resolveFilters } from "./find-events";
import { dialectOf } from "./sql/dialect";

const { sql, join } = Prisma;

export interface WatchRow {
  id: number;
  kind: WatchKind;
  target: string;
  label: string;
  lastSeenAt: Date;
  createdAt: Date;
}

export async function watchesOf(client: Db, accountId: string): Promise<WatchRow[]> {
  return client.watch.findMany({ where: { accountId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

export async function isFollowing(client: Db, accountId: string, kind: WatchKind, target: string): Promise<boolean> {
  return (await client.watch.count({ where: { accountId, kind, target } })) > 0;
}

/** The page a watch is about. */
export function watchHref(w: Pick<WatchRow, "kind" | "target">): string {
  if (w.kind === "person") return `/people/${encodeURIComponent(w.target)}`;
  if (w.kind === "company") return `/companies/${encodeURIComponent(w.target)}`;
  return w.target ? `/?${w.target}` : "/";
}

const EVERYTHING: EventFilters = { ...filtersOf(DEFAULT_QUERY), status: [...EVENT_STATUSES] };

/**
 * The events a watch covers, as timeline filters (any of them). A filter's default status (all but
 * retracted) is widened to every status, so an event retracted after it was followed still shows its
 * retraction; null when a stored filter no longer parses.
 */
export function watchFilters(w: Pick<WatchRow, "kind" | "target">): EventFilters[] | null {
  if (w.kind === "person") return [{ ...EVERYTHING, person: [w.target] }];
  if (w.kind === "company")
    return [
      { ...EVERYTHING, company: [w.target] },
      { ...EVERYTHING, destination: [w.target] },
    ];
  const parsed = parseEventQuery(new URLSearchParams(w.target));
  if (!parsed.ok) return null;
  const f = filtersOf(parsed.query);
  const widened = f.status.length === DEFAULT_STATUSES.length && DEFAULT_STATUSES.every((s) => f.status.includes(s));
  return [widened ? { ...f, status: [...EVERYTHING.status] } : f];
}

/** Most change ids looked at per watch; the page says "more" beyond the ones it lists. */
const SCAN = 200;

export interface WatchChanges {
  changes: ChangeView[];
  /** changes since it was last seen (at most SCAN counted) */
  count: number;
  more: boolean;
}

/** The changes to a watch's events after `since` (its lastSeenAt), newest first. */
export async function watchChanges(client: Db, w: Pick<WatchRow, "kind" | "target">, since: Date, limit = 20): Promise<WatchChanges> {
  const none = { changes: [], count: 0, more: false };
  const filters = watchFilters(w);
  if (!filters) return none;
  // the time bound as an id bound (ids grow with time), so the statement below needs no DateTime
  // literal in either dialect; listChanges then applies the exact instant
  const first = await client.change.findFirst({ where: { at: { gt: since } }, orderBy: { id: "asc" }, select: { id: true } });
  if (!first) return none;
  const d = dialectOf(client);
  const wheres = await Promise.all(filters.map(async (f) => sql`(${eventWhereSql(d, await resolveFilters(client, f))})`));
  const rows = await client.$queryRaw<{ id: number }[]>(sql`
    SELECT c.id AS id FROM "Change" c JOIN "Event" e ON e.id = c."eventId"
    WHERE c.id >= ${first.id} AND (${join(wheres, " OR ")}) ORDER BY c.id DESC LIMIT ${SCAN}`);
  if (rows.length === 0) return none;
  const { changes } = await listChanges(client, { ids: rows.map((r) => Number(r.id)), after: since, limit });
  return { changes, count: rows.length, more: rows.length > changes.length };
}
