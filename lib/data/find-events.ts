/**
 * Events matching the browse filters, a page at a time. The page of ids is one SQL statement built here
 * (keyset pagination: `WHERE (sortKey, id) < (last row's values)`, never OFFSET, so page 5,000 costs what
 * page 1 costs); the rows are then loaded in the export's shape (load-events.ts). The same WHERE clause
 * serves the count, the CSV stream and the charts, so they always agree with the list. Takes the client as
 * a parameter so the API, the pages, the benchmark and the tests run exactly this code, on SQLite or
 * PostgreSQL (the differences live in sql/dialect.ts).
 * See docs/decisions/0010-keyset-pagination.md and 0013-browse-sql.md.
 */
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db-factory";
import { dateRange, type IntervalCount } from "@/lib/domain/date-range";
import { normalizeName } from "@/lib/domain/names";
import { titleWordsOf } from "@/lib/domain/role-categories";
import { EVENT_STATUSES } from "@/lib/domain/vocabulary";
import type { EventWithClaims } from "./event-json";
import { rollupCountSql, rollupDestinationSql, rollupIntervalSql } from "./event-rollups";
import { loadEvents } from "./load-events";
import { forgivingMatches } from "@/lib/search/filter-matches";
import { runner, type Run } from "@/lib/search/run";
import { aliasOwnersSql } from "./sql/alias-match";
import { dialectOf, type Dialect } from "./sql/dialect";
import {
  DESTINATION_FOUNDED,
  DESTINATION_UNKNOWN,
  type Cursor,
  type CursorKey,
  type EventFilters,
  type EventQuery,
  type EventSort,
} from "@/lib/validation/event-filters";

const { sql, join, empty, raw } = Prisma;

// ---- filters → WHERE ----------------------------------------------------------------------------------

/** Above this many alias matches the search stays a subquery instead of an id list. */
const MAX_RESOLVED_MATCHES = 1000;

/** Filters with slugs resolved to ids and the search resolved to the people and companies it names. */
export interface ResolvedFilters extends EventFilters {
  companyIds: number[];
  destinationIds: number[];
  tagIds: number[];
  personIds: number[];
  /** the search's name key, and who it matched (null = too many to list: match in SQL) */
  search: { key: string; personIds: number[] | null; companyIds: number[] | null } | null;
}

/** The statements resolveFilters runs, exported so the benchmark can run the very same SQL. */
export const resolveSql = {
  companies: (slugs: string[]) => sql`SELECT id, slug FROM "Company" WHERE slug IN (${join(slugs)})`,
  tags: (slugs: string[]) => sql`SELECT id FROM "Tag" WHERE slug IN (${join(slugs)})`,
  personSlugs: (slugs: string[]) => sql`SELECT id FROM "Person" WHERE slug IN (${join(slugs)})`,
  people: (d: Dialect, key: string) => aliasOwnersSql(d, "person", key, MAX_RESOLVED_MATCHES + 1),
  companyAliases: (d: Dialect, key: string) => aliasOwnersSql(d, "company", key, MAX_RESOLVED_MATCHES + 1),
};

export type { Run } from "@/lib/search/run";

/** Slugs to ids and the search to matching people/companies, through any runner (Prisma, or raw in the bench). */
export async function resolveWith(run: Run, d: Dialect, f: EventFilters): Promise<ResolvedFilters> {
  const slugs = [...new Set([...f.company, ...f.destination.filter((x) => !x.startsWith("~"))])];
  const key = f.q ? normalizeName(f.q) : "";
  const [companies, people, aliased, persons, tags] = await Promise.all([
    slugs.length ? run<{ id: number; slug: string }>(resolveSql.companies(slugs)) : [],
    key ? run<{ id: number }>(resolveSql.people(d, key)) : [],
    key ? run<{ id: number }>(resolveSql.companyAliases(d, key)) : [],
    f.person.length ? run<{ id: number }>(resolveSql.personSlugs(f.person)) : [],
    f.tag.length ? run<{ id: number }>(resolveSql.tags(f.tag)) : [],
  ]);
  const idsOf = (list: string[]) => companies.filter((c) => list.includes(c.slug)).map((c) => Number(c.id));
  const listed = (rows: { id: number }[]) => (rows.length > MAX_RESOLVED_MATCHES ? null : rows.map((r) => Number(r.id)));
  const withUnits = (ids: number[]) => (f.units ? relatedCompanies(run, ids) : Promise.resolve(ids));
  // no spelling on record contains the search: the forgiving matches (word order, kana variant, typo)
  const forgiven = key && people.length === 0 && aliased.length === 0 ? await forgivingMatches(run, d, f.q!) : null;
  return {
    ...f,
    companyIds: await withUnits(idsOf(f.company)),
    destinationIds: await withUnits(idsOf(f.destination)),
    tagIds: tags.map((t) => Number(t.id)),
    personIds: persons.map((p) => Number(p.id)),
    search: key ? { key, ...(forgiven ?? { personIds: listed(people), companyIds: listed(aliased) }) } : null,
  };
}

/**
 * The companies and every company related to them: units (part_of, at any depth, and their parents' other
 * units are NOT included: "left Google" includes DeepMind, "left DeepMind" does not include Google) and
 * renames in either direction (Twitter and X are one organization under two names).
 */
async function relatedCompanies(run: Run, ids: number[]): Promise<number[]> {
  const all = new Set(ids);
  let frontier = ids;
  for (let depth = 0; frontier.length > 0 && depth < 10; depth++) {
    const rows = await run<{ a: number; b: number }>(
      sql`SELECT "fromId" AS a, "toId" AS b FROM "CompanyRelation" WHERE "toId" IN (${join(frontier)}) OR ("fromId" IN (${join(frontier)}) AND kind = 'renamed_to')`,
    );
    const next: number[] = [];
    for (const r of rows) {
      for (const id of [Number(r.a), Number(r.b)]) {
        if (!all.has(id)) {
          all.add(id);
          next.push(id);
        }
      }
    }
    frontier = next;
  }
  return [...all];
}

export const resolveFilters = (db: Db, f: EventFilters) => resolveWith(runner(db), dialectOf(db), f);

const inList = (column: Prisma.Sql, values: readonly (string | number)[]) =>
  values.length === 0 ? sql`FALSE` : values.length === 1 ? sql`${column} = ${values[0]}` : sql`${column} IN (${join(values)})`;

function searchSql(d: Dialect, s: NonNullable<ResolvedFilters["search"]>): Prisma.Sql {
  const any: Prisma.Sql[] = [];
  const match = (column: Prisma.Sql, ids: number[] | null, owner: "person" | "company") => {
    if (ids === null) any.push(sql`${column} IN (${aliasOwnersSql(d, owner, s.key)})`);
    else if (ids.length) any.push(inList(column, ids));
  };
  match(sql`e."personId"`, s.personIds, "person");
  match(sql`e."companyId"`, s.companyIds, "company");
  match(sql`e."destinationId"`, s.companyIds, "company");
  return any.length ? sql`(${join(any, " OR ")})` : sql`FALSE`;
}

/**
 * Statuses written so SQLite picks the right index: one status can drive the (status, sortDate, id)
 * index; the default (all but retracted) and other sets are checked per row (`unindexed`) so a sort
 * index still streams rows in order instead of sorting every match. Null when every status is wanted.
 */
function statusSql(d: Dialect, statuses: readonly string[]): Prisma.Sql | null {
  if (statuses.length === EVENT_STATUSES.length) return null;
  if (statuses.length === 1) return sql`e.status = ${statuses[0]}`;
  const missing = EVENT_STATUSES.filter((s) => !statuses.includes(s));
  if (missing.length === 1) return sql`e.status <> ${missing[0]}`;
  return sql`${d.unindexed(sql`e.status`)} IN (${join(statuses)})`;
}

/**
 * How a page is read when SQLite needs telling (Dialect.handPlanned). A title search matching a large
 * share of the events is answered fastest by walking the sort order's index and checking each row's
 * title (the first page is found after a few hundred rows); a rare one by the title index and a sort of
 * its few matches. `walkSortIndex` says which, decided from the match count (`titlePlan`).
 */
export interface PagePlan {
  walkSortIndex: boolean;
}
const INDEXED: PagePlan = { walkSortIndex: false };

/**
 * Role categories: the one a claim recorded, or a title naming the category's work in so many words
 * (a "Researcher" filed under safety & policy is under research too; lib/domain/role-categories.ts).
 */
function roleSql(d: Dialect, roles: readonly string[], hidden: (column: Prisma.Sql) => Prisma.Sql): Prisma.Sql {
  const recorded = inList(hidden(sql`e."roleCategory"`), roles);
  const words = [...new Set(roles.flatMap(titleWordsOf))];
  if (!words.length) return recorded;
  const titles = join(
    words.map((w) => d.rolesContaining(w)),
    " UNION ",
  );
  return sql`(${recorded} OR ${hidden(sql`e.role`)} IN (${titles}))`;
}

/** The conditions over `Event e` for a set of filters (ANDed); empty when nothing is filtered. */
function conditions(d: Dialect, f: ResolvedFilters, plan: PagePlan = INDEXED, page = false): Prisma.Sql[] {
  const parts: Prisma.Sql[] = [];
  if (f.person.length) parts.push(inList(sql`e."personId"`, f.personIds));
  if (f.company.length) parts.push(inList(sql`e."companyId"`, f.companyIds));
  // With a title search the title index (or, for common titles, the sort index) drives: seeking a
  // low-cardinality index (role category, kind) and fetching a quarter of the table is far slower.
  const hidden = (column: Prisma.Sql) => (f.title ? d.unindexed(column) : column);
  // A page walks the sort index and checks the role per row (a category is a broad share of the events:
  // the page fills after a few hundred rows); otherwise SQLite unions both role indexes (MULTI-INDEX OR)
  // and sorts every match. Counts and charts read every match anyway, so they keep the indexes.
  if (f.role.length) parts.push(roleSql(d, f.role, page ? d.unindexed : hidden));
  if (f.title) {
    const role = plan.walkSortIndex ? d.unindexed(sql`e.role`) : sql`e.role`;
    parts.push(sql`${role} IN (${d.rolesContaining(f.title)})`);
  }
  if (f.kind.length) parts.push(inList(hidden(sql`e.kind`), f.kind));
  if (f.tag.length)
    parts.push(
      f.tagIds.length ? sql`EXISTS (SELECT 1 FROM "EventTag" et WHERE et."eventId" = e.id AND ${inList(sql`et."tagId"`, f.tagIds)})` : sql`FALSE`,
    );
  if (f.destination.length) {
    const any: Prisma.Sql[] = [];
    if (f.destinationIds.length) any.push(inList(sql`e."destinationId"`, f.destinationIds));
    if (f.destination.includes(DESTINATION_FOUNDED)) any.push(sql`e."destinationRelation" = 'founded'`);
    if (f.destination.includes(DESTINATION_UNKNOWN)) any.push(sql`e."destinationId" IS NULL`);
    parts.push(any.length ? sql`(${join(any, " OR ")})` : sql`FALSE`);
  }
  const range = dateRange(f.from, f.to);
  // Containment, as fallsWithin in lib/domain/date-range.ts: the date's whole interval inside the range.
  // sortDate is dateEarliest ('' when unknown, which no bound admits); `sortDate <= latest` is implied by
  // `dateLatest <= latest` but lets the planner bound its index range.
  if (range.earliest) parts.push(sql`e."sortDate" >= ${range.earliest}`);
  if (range.latest) parts.push(sql`e."sortDate" <= ${range.latest} AND e."sortDate" <> '' AND e."dateLatest" <= ${range.latest}`);
  const status = statusSql(d, f.status);
  if (status) parts.push(status);
  if (f.search) parts.push(searchSql(d, f.search));
  return parts;
}

/** The WHERE clause over `Event e` for a set of filters; TRUE when nothing is filtered. */
export function eventWhereSql(d: Dialect, f: ResolvedFilters, plan?: PagePlan): Prisma.Sql {
  const parts = conditions(d, f, plan);
  return parts.length ? join(parts, " AND ") : sql`TRUE`;
}

/**
 * The count statement, with the table's size beside it (for titlePlan: MAX(id) is one index seek). From
 * the rollup when it can answer the filters (a few rows summed, exact: event-rollups.ts); else, with no
 * filter but the default status, two cheap counts replace a scan of every matching row.
 */
export function countSql(d: Dialect, f: ResolvedFilters): Prisma.Sql {
  const fromRollup = rollupCountSql(f);
  if (fromRollup) return fromRollup;
  const size = sql`(SELECT MAX(id) FROM "Event") AS size`;
  const hidden = EVENT_STATUSES.filter((s) => !f.status.includes(s));
  if (conditions(d, { ...f, status: [...EVENT_STATUSES] }).length === 0 && hidden.length === 1) {
    return sql`SELECT (SELECT COUNT(*) FROM "Event") - (SELECT COUNT(*) FROM "Event" WHERE status = ${hidden[0]}) AS n, ${size}`;
  }
  return sql`SELECT COUNT(*) AS n, ${size} FROM "Event" e WHERE ${eventWhereSql(d, f)}`;
}

export interface CountRow {
  n: bigint | number;
  size: bigint | number | null;
}

/**
 * Walk the sort index when it finds a page sooner than the title index finds every match: walking reads
 * about size/matches rows per row of the page, the title index reads every match, so walk when
 * matches² > take × size (at 500k events: from about 5,000 matches for a page of 50).
 */
export function titlePlan(d: Dialect, f: ResolvedFilters, count: CountRow, take: number): PagePlan {
  const n = Number(count.n);
  return { walkSortIndex: d.handPlanned && !!f.title && n * n > take * Number(count.size ?? 0) };
}

// ---- sorts and keyset pages -----------------------------------------------------------------------------

interface PageRow {
  id: number;
  sortDate: string;
  name?: string;
  entityId?: number;
}

interface SortPlan {
  desc: boolean;
  /** the person or company joined for name sorts */
  entity?: { table: "Person" | "Company"; fk: "personId" | "companyId" };
}

const SORTS: Record<EventSort, SortPlan> = {
  newest: { desc: true },
  oldest: { desc: false },
  person: { desc: false, entity: { table: "Person", fk: "personId" } },
  person_desc: { desc: true, entity: { table: "Person", fk: "personId" } },
  company: { desc: false, entity: { table: "Company", fk: "companyId" } },
  company_desc: { desc: true, entity: { table: "Company", fk: "companyId" } },
};

const keyOf = (sort: EventSort, r: PageRow): CursorKey =>
  SORTS[sort].entity ? [String(r.name), Number(r.entityId), r.sortDate, Number(r.id)] : [r.sortDate, Number(r.id)];

/**
 * Whether a name sort should walk people/companies in name order (SQLite keeps a CROSS JOIN's order):
 * right when most events match, since the first page is then found after a few names; wrong for a
 * selective filter, where sorting the few matches is cheaper than walking every name.
 */
const walkNames = (f: ResolvedFilters, plan: PagePlan) =>
  !f.person.length && !f.company.length && !f.destination.length && !f.search && !f.from && !f.to && (!f.title || plan.walkSortIndex);

function pageStatement(d: Dialect, f: ResolvedFilters, plan: PagePlan, sort: EventSort, after: CursorKey | null, take: number, extra?: Prisma.Sql) {
  const sortPlan = SORTS[sort];
  const dir = sortPlan.desc ? sql`DESC` : sql`ASC`;
  const cmp = sortPlan.desc ? sql`<` : sql`>`;
  const where = [...conditions(d, f, plan, true), ...(extra ? [extra] : [])];
  if (!sortPlan.entity) {
    if (after) where.push(sql`(e."sortDate", e.id) ${cmp} (${after[0]}, ${after[1]})`);
    return sql`SELECT e.id AS id, e."sortDate" AS "sortDate" FROM "Event" e WHERE ${where.length ? join(where, " AND ") : sql`TRUE`}
      ORDER BY e."sortDate" ${dir}, e.id ${dir} LIMIT ${take}`;
  }
  const name = d.byName(sql`x.name`);
  if (after) {
    // the first comparison alone lets SQLite seek in the name index; the row value decides ties
    where.push(sql`${name} ${sortPlan.desc ? sql`<=` : sql`>=`} ${after[0]}`);
    where.push(sql`(${name}, x.id, e."sortDate", e.id) ${cmp} (${join([...after])})`);
  }
  const { table, fk } = sortPlan.entity;
  // CROSS JOIN (condition in WHERE, which both databases accept) fixes SQLite's join order; PostgreSQL
  // plans a cross join with a join condition like any inner join
  const from = walkNames(f, plan) ? raw(`"${table}" x CROSS JOIN "Event" e`) : raw(`"Event" e JOIN "${table}" x ON x.id = e."${fk}"`);
  if (walkNames(f, plan)) where.push(raw(`e."${fk}" = x.id`));
  return sql`SELECT e.id AS id, e."sortDate" AS "sortDate", x.name AS name, x.id AS "entityId" FROM ${from}
    WHERE ${join(where, " AND ")} ORDER BY ${name} ${dir}, x.id ${dir}, e."sortDate" ${dir}, e.id ${dir} LIMIT ${take}`;
}

/**
 * The statements that produce one page of ids, in order. "oldest" reads dated events first and then the
 * undated ones, so unknown dates come last in both directions; that takes two statements.
 */
export function pageSql(
  d: Dialect,
  f: ResolvedFilters,
  sort: EventSort,
  cursor: Cursor | undefined,
  take: number,
  plan: PagePlan = INDEXED,
): Prisma.Sql[] {
  const after = cursor?.key ?? null;
  if (sort !== "oldest") return [pageStatement(d, f, plan, sort, after, take)];
  const undated = (afterId: number | null) =>
    sql`SELECT e.id AS id, e."sortDate" AS "sortDate" FROM "Event" e WHERE ${join([...conditions(d, f, plan, true), sql`e."sortDate" = ''`], " AND ")}
      ${afterId ? sql`AND e.id > ${afterId}` : empty} ORDER BY e.id ASC LIMIT ${take}`;
  if (after && after[0] === "") return [undated(Number(after[1]))];
  return [pageStatement(d, f, plan, sort, after, take, sql`e."sortDate" <> ''`), undated(null)];
}

/** Runs the page statements in order until the page (plus one row, to know if there is a next) is full. */
async function pageWith(run: Run, d: Dialect, f: ResolvedFilters, sort: EventSort, cursor: Cursor | undefined, limit: number, plan: PagePlan) {
  const rows: PageRow[] = [];
  for (const statement of pageSql(d, f, sort, cursor, limit + 1, plan)) {
    if (rows.length > limit) break;
    rows.push(...(await run<PageRow>(statement)).slice(0, limit + 1 - rows.length));
  }
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor: Cursor | null = rows.length > limit && last ? { sort, key: keyOf(sort, last) } : null;
  return { ids: page.map((r) => Number(r.id)), nextCursor };
}

export type PageQuery = Pick<EventQuery, keyof EventFilters | "sort" | "cursor" | "limit">;

/**
 * One page of ids and the total, through any runner: findEvents and the benchmark's raw-SQL side run
 * exactly this. The count and the page run together, except where the count chooses the page's plan.
 */
export async function browseWith(run: Run, d: Dialect, f: ResolvedFilters, query: Pick<PageQuery, "sort" | "cursor" | "limit">) {
  const counted = run<CountRow>(countSql(d, f));
  const plan = d.handPlanned && f.title ? titlePlan(d, f, (await counted)[0], query.limit) : INDEXED;
  const [page, [count]] = await Promise.all([pageWith(run, d, f, query.sort, query.cursor, query.limit, plan), counted]);
  return { ...page, total: Number(count.n) };
}

// ---- the queries the app calls ----------------------------------------------------------------------------

export interface EventPage {
  events: EventWithClaims[];
  nextCursor: Cursor | null;
  total: number;
}

/** One page of events matching the query, the cursor for the next page (null on the last) and the total. */
export async function findEvents(db: Db, query: PageQuery): Promise<EventPage> {
  const d = dialectOf(db);
  const { ids, nextCursor, total } = await browseWith(runner(db), d, await resolveFilters(db, query), query);
  return { events: await loadEvents(db, ids), nextCursor, total };
}

export async function countEvents(db: Db, filters: EventFilters): Promise<number> {
  const [row] = await db.$queryRaw<CountRow[]>(countSql(dialectOf(db), await resolveFilters(db, filters)));
  return Number(row.n);
}

/** Every matching event, newest first, read a keyset page at a time so memory stays flat (CSV export). */
export async function* eachMatchingEvent(db: Db, filters: EventFilters, pageSize = 200): AsyncGenerator<EventWithClaims> {
  const d = dialectOf(db);
  const f = await resolveFilters(db, filters);
  const plan = d.handPlanned && f.title ? titlePlan(d, f, (await db.$queryRaw<CountRow[]>(countSql(d, f)))[0], pageSize) : INDEXED;
  let cursor: Cursor | undefined;
  for (;;) {
    const page = await pageWith(runner(db), d, f, "newest", cursor, pageSize, plan);
    yield* await loadEvents(db, page.ids);
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}

// ---- aggregates for charts --------------------------------------------------------------------------------

/**
 * Matching events counted by date interval (month prefixes) and role category, for countByPeriod: from
 * the rollup's period grain when it can answer the filters, else over the matching events.
 */
export async function intervalCounts(db: Db, filters: EventFilters): Promise<IntervalCount[]> {
  const f = await resolveFilters(db, filters);
  const statement =
    rollupIntervalSql(f) ??
    sql`SELECT substr(e."sortDate", 1, 7) AS earliest, substr(e."dateLatest", 1, 7) AS latest, e."roleCategory" AS category, COUNT(*) AS n
    FROM "Event" e WHERE ${eventWhereSql(dialectOf(db), f)} GROUP BY 1, 2, 3`;
  const rows = await db.$queryRaw<{ earliest: string; latest: string | null; category: string | null; n: bigint | number }[]>(statement);
  // the rollup spells "none" as "" where the events have NULL
  return rows.map((r) => ({ earliest: r.earliest || null, latest: r.latest || null, category: r.category || null, n: Number(r.n) }));
}

export interface DestinationCounts {
  /** the most frequent destinations, most first */
  top: { slug: string; name: string; n: number; founded: number }[];
  /** matches with a destination on record, those founded by the person, and those with none */
  withDestination: number;
  founded: number;
  unknown: number;
}

type Counted = bigint | number | null;

/** The most frequent destinations and the totals: from the rollup's destination grain when it can answer, else over the events. */
export async function destinationCounts(db: Db, filters: EventFilters, limit = 10): Promise<DestinationCounts> {
  const f = await resolveFilters(db, filters);
  const statements = rollupDestinationSql(f, limit) ?? destinationSql(eventWhereSql(dialectOf(db), f), limit);
  const [top, [totals]] = await Promise.all([
    db.$queryRaw<{ id: number; n: bigint | number; founded: bigint | number }[]>(statements.top),
    db.$queryRaw<{ known: Counted; founded: Counted; unknown: Counted }[]>(statements.totals),
  ]);
  const companies = await db.company.findMany({ where: { id: { in: top.map((t) => Number(t.id)) } }, select: { id: true, slug: true, name: true } });
  return {
    top: top.map((t) => {
      const c = companies.find((x) => x.id === Number(t.id))!;
      return { slug: c.slug, name: c.name, n: Number(t.n), founded: Number(t.founded) };
    }),
    withDestination: Number(totals?.known ?? 0),
    founded: Number(totals?.founded ?? 0),
    unknown: Number(totals?.unknown ?? 0),
  };
}

function destinationSql(where: Prisma.Sql, limit: number) {
  const founded = sql`COUNT(*) FILTER (WHERE e."destinationRelation" = 'founded')`;
  return {
    top: sql`SELECT e."destinationId" AS id, COUNT(*) AS n, ${founded} AS founded
      FROM "Event" e WHERE ${where} AND e."destinationId" IS NOT NULL
      GROUP BY e."destinationId" ORDER BY n DESC, e."destinationId" LIMIT ${limit}`,
    totals: sql`SELECT COUNT(*) FILTER (WHERE e."destinationId" IS NOT NULL) AS known, ${founded} AS founded,
        COUNT(*) FILTER (WHERE e."destinationId" IS NULL) AS unknown FROM "Event" e WHERE ${where}`,
  };
}
