/**
 * The org chart of a large company, counted without reading its people's rows: who may hold a position on
 * a day, grouped by role. A day is counted in memory from the company's tenures' compact rows (rosterFrom
 * over readTenureTable, read once per version of the tenures: lib/data/tenure-memo.ts; 3–10 ms for the
 * benchmark's 35,533 tenures); rosterOf is the same rule in SQL on the covering index Position_roster_idx
 * (migration 0012; 25–90 ms a day), kept as the tests' reference, and rosterPage reads one page of a
 * group in name order with that SQL. Only the people drawn are read in full (lib/data/org.ts). The same
 * SQL on SQLite and PostgreSQL. See docs/decisions/0091-large-org-charts.md, 0092 and 0093.
 *
 * The rules are those of snapshot() (lib/domain/org-chart.ts), so the counts are the whole chart's:
 *  - a tenure may be held on `day` unless it certainly starts later or has certainly ended (mayHold);
 *  - a person's node is their most recently started tenure of the day (`rn = 1` below: newestFirst);
 *  - the drawn structure is everyone with a recorded manager who is there that day, those managers, and
 *    anyone whose title may name the chief executive (unless more than MAX_CHIEF_EXECUTIVES do: then
 *    no one is drawn on top); everyone else is counted in their role group.
 */
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db-factory";
import { LEAVE_KINDS } from "@/lib/domain/org-chart";

const { sql, join } = Prisma;

/** A group's key: its role category, "" when none is on record. */
export type RoleGroupKey = string;

/** Tenure p may be held on `day` (the test snapshot() makes, widened where a date column is missing). */
export const mayHold = (day: string) =>
  sql`((p."startText" IS NULL OR p."startEarliest" IS NULL OR p."startEarliest" <= ${day})
    AND (p."endText" IS NULL OR p."endLatest" IS NULL OR p."endLatest" > ${day}))`;

/** Each person's node of the day: their most recently started tenure that may be held on it. */
const chosen = (companyId: number, day: string) => sql`
  SELECT * FROM (
    SELECT p."personId" AS pid, COALESCE(CAST(p."roleCategory" AS TEXT), '') AS grp, p."reportsToPersonId" AS mgr, p."title" AS title,
      ROW_NUMBER() OVER (PARTITION BY p."personId" ORDER BY COALESCE(p."startEarliest", '') DESC, p."id" DESC) AS rn
    FROM "Position" p WHERE p."companyId" = ${companyId} AND p."scope" = 'company' AND ${mayHold(day)}
  ) held WHERE rn = 1`;

/** Past this many people titled as chief executive on one day, they are counted in their group, not drawn on top. */
export const MAX_CHIEF_EXECUTIVES = 10;

/** A title that may name the chief executive: a superset of isChiefExecutiveTitle (lib/domain/org-tree.ts). */
const chiefTitle = sql`(LOWER(c.title) LIKE '%ceo%' OR LOWER(c.title) LIKE '%chief executive%')`;

/** The structure drawn in full: reporting lines among the people there, and the chief executive(s). */
const structured = sql`
  SELECT c.pid FROM c WHERE (c.mgr IS NOT NULL AND c.mgr <> c.pid AND c.mgr IN (SELECT pid FROM c))
    OR c.pid IN (SELECT mgr FROM c WHERE mgr IS NOT NULL AND mgr <> pid)
    OR (${chiefTitle} AND (SELECT COUNT(*) FROM c WHERE ${chiefTitle}) <= ${MAX_CHIEF_EXECUTIVES})`;

export interface Roster {
  /** people on the day */
  total: number;
  /** the people drawn in full: reporting lines and possible chief executives */
  structured: number[];
  /** everyone else, counted by role group, in ROLE_CATEGORIES order is up to the caller */
  groups: Map<RoleGroupKey, number>;
}

/** Who is on the chart of `day`: the structure by person, the rest counted by role group. One query. */
export async function rosterOf(client: Db, companyId: number, day: string): Promise<Roster> {
  const rows = await client.$queryRaw<{ pid: bigint | number | null; grp: string | null; n: bigint | number | null }[]>(sql`
    WITH c AS MATERIALIZED (${chosen(companyId, day)}), s AS MATERIALIZED (${structured})
    SELECT s.pid AS pid, NULL AS grp, NULL AS n FROM s
    UNION ALL
    SELECT NULL AS pid, c.grp AS grp, COUNT(*) AS n FROM c WHERE c.pid NOT IN (SELECT pid FROM s) GROUP BY c.grp`);
  const roster: Roster = { total: 0, structured: [], groups: new Map() };
  for (const r of rows) {
    if (r.pid !== null) roster.structured.push(Number(r.pid));
    else roster.groups.set(r.grp ?? "", Number(r.n));
  }
  roster.total = roster.structured.length + [...roster.groups.values()].reduce((a, b) => a + b, 0);
  return roster;
}

/**
 * A company's tenures with the columns the roster and the change index test, one row each, read once per
 * version of the tenures (lib/data/tenure-memo.ts): a day's roster is then counted in memory (rosterFrom:
 * 3–10 ms for the benchmark's 35,533 tenures, where rosterOf's query takes 25–90 ms for each new day).
 */
export interface TenureRow {
  id: number;
  pid: number;
  /** role group: the role category, "" when none */
  grp: RoleGroupKey;
  mgr: number | null;
  title: string | null;
  /** held from: startEarliest, "" when there is no lower bound (no start on record or no earliest day) */
  from: string;
  /** certainly ended by: endLatest, null when open or unbounded */
  until: string | null;
  /** the order of "most recently started": startEarliest, "" when none */
  start: string;
  /** the four bounds, for the change index */
  bounds: (string | null)[];
}

export async function readTenureTable(client: Db, companyId: number): Promise<TenureRow[]> {
  const rows = await client.$queryRaw<
    {
      id: bigint | number;
      pid: bigint | number;
      grp: string | null;
      mgr: bigint | number | null;
      title: string | null;
      st: string | null;
      a: string | null;
      b: string | null;
      et: string | null;
      c: string | null;
      d: string | null;
    }[]
  >(sql`
    SELECT p."id" AS id, p."personId" AS pid, CAST(p."roleCategory" AS TEXT) AS grp, p."reportsToPersonId" AS mgr, p."title" AS title,
      p."startText" AS st, p."startEarliest" AS a, p."startLatest" AS b, p."endText" AS et, p."endEarliest" AS c, p."endLatest" AS d
    FROM "Position" p WHERE p."companyId" = ${companyId} AND p."scope" = 'company'`);
  return rows.map((r) => ({
    id: Number(r.id),
    pid: Number(r.pid),
    grp: r.grp ?? "",
    mgr: r.mgr === null ? null : Number(r.mgr),
    title: r.title,
    from: r.st === null || r.a === null ? "" : r.a,
    until: r.et === null || r.d === null ? null : r.d,
    start: r.a ?? "",
    bounds: [r.a, r.b, r.c, r.d],
  }));
}

/** chiefTitle's test: a title that may name the chief executive. */
const mayNameChief = (title: string | null) => {
  const t = title?.toLowerCase();
  return !!t && (t.includes("ceo") || t.includes("chief executive"));
};

/** rosterOf from the company's tenures in memory: the same rule, the same people and counts. */
export function rosterFrom(tenures: TenureRow[], day: string): Roster {
  const chosen = new Map<number, TenureRow>();
  for (const t of tenures) {
    // mayHold
    if (t.from > day || (t.until !== null && t.until <= day)) continue;
    const best = chosen.get(t.pid);
    if (!best || t.start > best.start || (t.start === best.start && t.id > best.id)) chosen.set(t.pid, t);
  }
  const managers = new Set<number>();
  let chiefs = 0;
  for (const c of chosen.values()) {
    if (c.mgr !== null && c.mgr !== c.pid) managers.add(c.mgr);
    if (mayNameChief(c.title)) chiefs++;
  }
  const roster: Roster = { total: chosen.size, structured: [], groups: new Map() };
  for (const c of chosen.values()) {
    const inStructure =
      (c.mgr !== null && c.mgr !== c.pid && chosen.has(c.mgr)) || managers.has(c.pid) || (chiefs <= MAX_CHIEF_EXECUTIVES && mayNameChief(c.title));
    if (inStructure) roster.structured.push(c.pid);
    else roster.groups.set(c.grp, (roster.groups.get(c.grp) ?? 0) + 1);
  }
  return roster;
}

/** One page of a role group on `day`, outside the structure, in name order. */
export async function rosterPage(client: Db, companyId: number, day: string, group: RoleGroupKey, offset: number, limit: number): Promise<number[]> {
  const rows = await client.$queryRaw<{ pid: bigint | number }[]>(sql`
    WITH c AS MATERIALIZED (${chosen(companyId, day)}), s AS MATERIALIZED (${structured})
    SELECT c.pid AS pid FROM c JOIN "Person" pe ON pe."id" = c.pid
    WHERE c.grp = ${group} AND c.pid NOT IN (SELECT pid FROM s)
    ORDER BY pe."name", pe."id" LIMIT ${limit} OFFSET ${offset}`);
  return rows.map((r) => Number(r.pid));
}

/**
 * Everyone whose place on the chart can differ between `from` and `to` (from < to): a tenure with a
 * bound in (from, to], a leave or return dated there, and the people recorded as reporting to any of
 * them (their manager may have come or gone). Everyone else is on both charts exactly as before.
 */
export async function peopleChangedBetween(client: Db, companyId: number, from: string, to: string): Promise<number[]> {
  const inRange = (column: string) => sql`(${Prisma.raw(column)} > ${from} AND ${Prisma.raw(column)} <= ${to})`;
  const rows = await client.$queryRaw<{ pid: bigint | number }[]>(sql`
    WITH a AS MATERIALIZED (
      SELECT p."personId" AS pid FROM "Position" p WHERE p."companyId" = ${companyId} AND p."scope" = 'company'
        AND (${join(['p."startEarliest"', 'p."startLatest"', 'p."endEarliest"', 'p."endLatest"'].map(inRange), " OR ")})
      UNION
      -- the leaves picked on the company's browse index alone (it covers every column tested), then their people
      SELECT e."personId" AS pid FROM "Event" e WHERE e."id" IN (
        SELECT e."id" FROM "Event" e WHERE e."companyId" = ${companyId} AND e."kind" IN (${join(LEAVE_KINDS)})
          AND e."status" <> 'retracted' AND (${inRange('e."sortDate"')} OR ${inRange('e."dateLatest"')}))
    )
    SELECT pid FROM a
    UNION
    SELECT p."personId" AS pid FROM "Position" p WHERE p."companyId" = ${companyId} AND p."scope" = 'company' AND p."reportsToPersonId" IN (SELECT pid FROM a)`);
  return rows.map((r) => Number(r.pid));
}

/**
 * Everything peopleChangedBetween asks, read once per version of the company's tenures (lib/data/tenure-memo.ts):
 * every day a tenure is bounded on or a leave or return is dated on, with the person, in day order, and who
 * is recorded as reporting to whom. The same rule as peopleChangedBetween, answered in memory for any two days.
 */
export interface ChangeIndex {
  /** [day, person] for each bound of each company tenure and each live leave's two dates, by day */
  days: string[];
  people: number[];
  /** the people recorded as reporting to each manager, on any company tenure */
  reports: Map<number, number[]>;
}

/** The change index of the company's tenures (read here unless given: readTenureTable) and its live leaves. */
export async function readChangeIndex(client: Db, companyId: number, table?: TenureRow[]): Promise<ChangeIndex> {
  const [tenures, leaves] = await Promise.all([
    table ?? readTenureTable(client, companyId),
    client.$queryRaw<{ pid: bigint | number; a: string | null; b: string | null }[]>(sql`
      SELECT e."personId" AS pid, e."sortDate" AS a, e."dateLatest" AS b FROM "Event" e WHERE e."id" IN (
        SELECT e."id" FROM "Event" e WHERE e."companyId" = ${companyId} AND e."kind" IN (${join(LEAVE_KINDS)}) AND e."status" <> 'retracted')`),
  ]);
  const pairs: [string, number][] = [];
  const reports = new Map<number, number[]>();
  for (const t of tenures) {
    const pid = t.pid;
    for (const day of t.bounds) if (day) pairs.push([day, pid]);
    if (t.mgr !== null) {
      const list = reports.get(t.mgr);
      if (list) list.push(pid);
      else reports.set(t.mgr, [pid]);
    }
  }
  for (const l of leaves) for (const day of [l.a, l.b]) if (day) pairs.push([day, Number(l.pid)]);
  pairs.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  return { days: pairs.map((p) => p[0]), people: pairs.map((p) => p[1]), reports };
}

/** peopleChangedBetween(from, to) from the index: the same people (any order). */
export function changedBetween(index: ChangeIndex, from: string, to: string): number[] {
  // the first day after `from`, then every day up to `to`
  let lo = 0;
  let hi = index.days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (index.days[mid] <= from) lo = mid + 1;
    else hi = mid;
  }
  const changed = new Set<number>();
  for (let i = lo; i < index.days.length && index.days[i] <= to; i++) changed.add(index.people[i]);
  const out = new Set(changed);
  for (const pid of changed) for (const report of index.reports.get(pid) ?? []) out.add(report);
  return [...out];
}
