/**
 * Counts and chart aggregates read from the EventRollup table (kept exact by lib/ingest/rollups.ts inside
 * every write transaction) instead of from every matching event. Each grain answers the filters it has
 * dimensions for; for any other filter (a search, a title, a date bound that is not a whole month, a tag…)
 * `rollupWhere` answers null and the caller runs the exact query over the events.
 * See docs/decisions/0075-event-rollups.md.
 */
import { Prisma } from "@/generated/prisma/client";
import { dateRange } from "@/lib/domain/date-range";
import type { RollupGrain } from "@/lib/domain/event-rollup-keys";
import { EVENT_STATUSES } from "@/lib/domain/vocabulary";
import { DESTINATION_FOUNDED, DESTINATION_UNKNOWN, FILTER_KEYS } from "@/lib/validation/event-filters";
import type { ResolvedFilters } from "./find-events";

const { sql, join } = Prisma;

/**
 * Filters a rollup grain reads; any other non-empty filter sends the request to the exact query. A role
 * filter is not among them: it also matches the words of an event's title (lib/domain/role-categories.ts,
 * ADR 0066), which the rollup, counted by recorded category, cannot see. So only the period grain keeps a
 * role category (its chart stacks by it); the destination and total grains have none (migration 0011).
 */
const ROLLUP_FILTERS = new Set<string>(["company", "kind", "status", "destination", "from", "to"]);

const isEmpty = (v: unknown) => v === undefined || v === null || v === "" || v === false || (Array.isArray(v) && v.length === 0);

const inList = (column: Prisma.Sql, values: readonly (string | number)[]) =>
  values.length === 0 ? sql`FALSE` : values.length === 1 ? sql`${column} = ${values[0]}` : sql`${column} IN (${join(values)})`;

/** "2024-03" when `day` is the first of its month (a lower bound a month prefix states exactly). */
function monthStarting(day: string): string | null {
  return /^\d{4}-\d{2}-01$/.test(day) ? day.slice(0, 7) : null;
}

/** "2024-03" when `day` is the last of its month (an upper bound a month prefix states exactly). */
function monthEnding(day: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
  return Number(m[3]) === last ? day.slice(0, 7) : null;
}

/**
 * The WHERE clause over `"EventRollup" r` giving exactly the events `f` matches, at `grain`; null when
 * that grain cannot answer these filters.
 */
export function rollupWhere(f: ResolvedFilters, grain: RollupGrain): Prisma.Sql | null {
  // the filters only: a page's sort, size or cursor (findEvents passes the whole query) selects nothing
  for (const key of FILTER_KEYS) if (!ROLLUP_FILTERS.has(key) && !isEmpty(f[key])) return null;
  const parts: Prisma.Sql[] = [sql`r."grain" = ${grain}`];
  parts.push(f.company.length ? inList(sql`r."companyId"`, f.companyIds) : sql`r."companyId" = 0`);
  if (f.kind.length) parts.push(inList(sql`r."kind"`, f.kind));
  if (f.status.length !== EVENT_STATUSES.length) parts.push(inList(sql`r."status"`, f.status));
  if (f.destination.length) {
    if (grain !== "destination") return null;
    const any: Prisma.Sql[] = [];
    if (f.destinationIds.length) any.push(inList(sql`r."destinationId"`, f.destinationIds));
    if (f.destination.includes(DESTINATION_FOUNDED)) any.push(sql`r."relation" = 'founded'`);
    if (f.destination.includes(DESTINATION_UNKNOWN)) any.push(sql`r."destinationId" = 0`);
    parts.push(any.length ? sql`(${join(any, " OR ")})` : sql`FALSE`);
  }
  if (f.from || f.to) {
    if (grain !== "period") return null;
    const range = dateRange(f.from, f.to);
    // containment, as in find-events.ts: on whole months, a month prefix compares as the day would
    if (range.earliest) {
      const from = monthStarting(range.earliest);
      if (!from) return null;
      parts.push(sql`r."earliest" >= ${from}`);
    }
    if (range.latest) {
      const to = monthEnding(range.latest);
      if (!to) return null;
      parts.push(sql`r."earliest" <> '' AND r."earliest" <= ${to} AND r."latest" <> '' AND r."latest" <= ${to}`);
    }
  }
  return join(parts, " AND ");
}

/** The count of matching events from the smallest grain that can answer, or null (count the events). */
export function rollupCountSql(f: ResolvedFilters): Prisma.Sql | null {
  for (const grain of ["total", "destination", "period"] as const) {
    const where = rollupWhere(f, grain);
    if (where) return sql`SELECT COALESCE(SUM(r."n"), 0) AS n, (SELECT MAX(id) FROM "Event") AS size FROM "EventRollup" r WHERE ${where}`;
  }
  return null;
}

/** intervalCounts' statement from the period grain, or null. */
export function rollupIntervalSql(f: ResolvedFilters): Prisma.Sql | null {
  const where = rollupWhere(f, "period");
  return where
    ? sql`SELECT r."earliest" AS earliest, r."latest" AS latest, r."roleCategory" AS category, SUM(r."n") AS n
      FROM "EventRollup" r WHERE ${where} GROUP BY r."earliest", r."latest", r."roleCategory"`
    : null;
}

/** destinationCounts' two statements from the destination grain, or null. */
export function rollupDestinationSql(f: ResolvedFilters, limit: number): { top: Prisma.Sql; totals: Prisma.Sql } | null {
  const where = rollupWhere(f, "destination");
  if (!where) return null;
  const founded = sql`SUM(CASE WHEN r."relation" = 'founded' THEN r."n" ELSE 0 END)`;
  return {
    top: sql`SELECT r."destinationId" AS id, SUM(r."n") AS n, ${founded} AS founded FROM "EventRollup" r
      WHERE ${where} AND r."destinationId" <> 0 GROUP BY r."destinationId" ORDER BY SUM(r."n") DESC, r."destinationId" LIMIT ${limit}`,
    totals: sql`SELECT SUM(CASE WHEN r."destinationId" <> 0 THEN r."n" ELSE 0 END) AS known, ${founded} AS founded,
      SUM(CASE WHEN r."destinationId" = 0 THEN r."n" ELSE 0 END) AS unknown FROM "EventRollup" r WHERE ${where}`,
  };
}
