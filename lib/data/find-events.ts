/**
 * Events matching the browse filters, a page at a time. The page of ids is one SQL statement built here
 * (keyset pagination: `WHERE (sortKey, id) < (last row's values)`, never OFFSET, so page 5,000 costs what
 * page 1 costs); the rows are then loaded in the export's shape. The same WHERE clause serves the count,
 * the CSV stream and the charts, so they always agree with the list. Takes the client as a parameter so
 * the API, the pages, the benchmark and the tests run exactly this code.
 * See docs/decisions/0010-keyset-pagination.md and 0013-browse-sql.md.
 */
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db-factory";
import { dateRange, type IntervalCount } from "@/lib/domain/date-range";
import { normalizeName } from "@/lib/domain/names";
import { EVENT_STATUSES } from "@/lib/domain/vocabulary";
import type { EventWithClaims } from "./event-json";
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
  /** the search's name key, and who it matched (null = too many to list: match in SQL) */
  search: { key: string; personIds: number[] | null; companyIds: number[] | null } | null;
}

/** The statements resolveFilters runs, exported so the benchmark can run the very same SQL. */
export const resolveSql = {
  companies: (slugs: string[]) => sql`SELECT id, slug FROM Company WHERE slug IN (${join(slugs)})`,
  people: (key: string) => sql`SELECT DISTINCT personId AS id FROM PersonAlias WHERE instr(key, ${key}) > 0 LIMIT ${MAX_RESOLVED_MATCHES + 1}`,
  companyAliases: (key: string) =>
    sql`SELECT DISTINCT companyId AS id FROM CompanyAlias WHERE instr(key, ${key}) > 0 LIMIT ${MAX_RESOLVED_MATCHES + 1}`,
};

type Run = <T>(statement: Prisma.Sql) => Promise<T[]>;

/** Slugs to ids and the search to matching people/companies, through any runner (Prisma, or raw in the bench). */
export async function resolveWith(run: Run, f: EventFilters): Promise<ResolvedFilters> {
  const slugs = [...new Set([...f.company, ...f.destination.filter((d) => !d.startsWith("~"))])];
  const key = f.q ? normalizeName(f.q) : "";
  const [companies, people, aliased] = await Promise.all([
    slugs.length ? run<{ id: number; slug: string }>(resolveSql.companies(slugs)) : [],
    key ? run<{ id: number }>(resolveSql.people(key)) : [],
    key ? run<{ id: number }>(resolveSql.companyAliases(key)) : [],
  ]);
  const idsOf = (list: string[]) => companies.filter((c) => list.includes(c.slug)).map((c) => Number(c.id));
  const listed = (rows: { id: number }[]) => (rows.length > MAX_RESOLVED_MATCHES ? null : rows.map((r) => Number(r.id)));
  return {
    ...f,
    companyIds: idsOf(f.company),
    destinationIds: idsOf(f.destination),
    search: key ? { key, personIds: listed(people), companyIds: listed(aliased) } : null,
  };
}

export const resolveFilters = (db: Db, f: EventFilters) => resolveWith((s) => db.$queryRaw(s), f);

const likeContains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const inList = (column: Prisma.Sql, values: readonly (string | number)[]) =>
  values.length === 0 ? sql`0` : values.length === 1 ? sql`${column} = ${values[0]}` : sql`${column} IN (${join(values)})`;

function searchSql(s: NonNullable<ResolvedFilters["search"]>): Prisma.Sql {
  const people = s.personIds ?? sql`SELECT personId FROM PersonAlias WHERE instr(key, ${s.key}) > 0`;
  const companies = s.companyIds ?? sql`SELECT companyId FROM CompanyAlias WHERE instr(key, ${s.key}) > 0`;
  const any = [
    Array.isArray(people) ? (people.length ? inList(sql`e.personId`, people) : null) : sql`e.personId IN (${people})`,
    Array.isArray(companies) ? (companies.length ? inList(sql`e.companyId`, companies) : null) : sql`e.companyId IN (${companies})`,
    Array.isArray(companies) ? (companies.length ? inList(sql`e.destinationId`, companies) : null) : sql`e.destinationId IN (${companies})`,
  ].filter((x): x is Prisma.Sql => x !== null);
  return any.length ? sql`(${join(any, " OR ")})` : sql`0`;
}

/**
 * Statuses written so SQLite picks the right index: one status can drive the (status, sortDate, id)
 * index; the default (all but retracted) and other sets are checked per row (`+` hides the column from
 * the planner) so a sort index still streams rows in order instead of sorting every match.
 */
function statusSql(statuses: readonly string[]): Prisma.Sql {
  if (statuses.length === EVENT_STATUSES.length) return sql`1`;
  if (statuses.length === 1) return sql`e.status = ${statuses[0]}`;
  const missing = EVENT_STATUSES.filter((s) => !statuses.includes(s));
  if (missing.length === 1) return sql`e.status <> ${missing[0]}`;
  return sql`+e.status IN (${join(statuses)})`;
}

/** The WHERE clause over `Event e` for a set of filters; `1` when nothing is filtered. */
export function eventWhereSql(f: ResolvedFilters): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (f.company.length) parts.push(inList(sql`e.companyId`, f.companyIds));
  // A title search reads the table row anyway; seeking a low-cardinality index (role, kind) and then
  // fetching a quarter of the table row by row is far slower than one scan, so `+` hides them then.
  const seek = f.title ? sql`+` : empty;
  if (f.role.length) parts.push(inList(sql`${seek}e.roleCategory`, f.role));
  if (f.title) parts.push(sql`e.role LIKE ${likeContains(f.title)} ESCAPE '\\'`);
  if (f.kind.length) parts.push(inList(sql`${seek}e.kind`, f.kind));
  if (f.destination.length) {
    const any: Prisma.Sql[] = [];
    if (f.destinationIds.length) any.push(inList(sql`e.destinationId`, f.destinationIds));
    if (f.destination.includes(DESTINATION_FOUNDED)) any.push(sql`e.destinationRelation = 'founded'`);
    if (f.destination.includes(DESTINATION_UNKNOWN)) any.push(sql`e.destinationId IS NULL`);
    parts.push(any.length ? sql`(${join(any, " OR ")})` : sql`0`);
  }
  const range = dateRange(f.from, f.to);
  // Containment, as fallsWithin in lib/domain/date-range.ts: the date's whole interval inside the range.
  // sortDate is dateEarliest ('' when unknown, which no bound admits); `sortDate <= latest` is implied by
  // `dateLatest <= latest` but lets SQLite bound its index range.
  if (range.earliest) parts.push(sql`e.sortDate >= ${range.earliest}`);
  if (range.latest) parts.push(sql`e.sortDate <= ${range.latest} AND e.sortDate <> '' AND e.dateLatest <= ${range.latest}`);
  const status = statusSql(f.status);
  if (status.sql !== "1") parts.push(status);
  if (f.search) parts.push(searchSql(f.search));
  return parts.length ? join(parts, " AND ") : sql`1`;
}

/** The count statement. With no filter but the default status, two cheap counts replace a 500k-row scan. */
export function countSql(f: ResolvedFilters): Prisma.Sql {
  const where = eventWhereSql(f);
  const onlyStatus = eventWhereSql({ ...f, status: [...EVENT_STATUSES] }).sql === "1";
  const hidden = EVENT_STATUSES.filter((s) => !f.status.includes(s));
  if (onlyStatus && hidden.length === 1) {
    return sql`SELECT (SELECT COUNT(*) FROM Event) - (SELECT COUNT(*) FROM Event WHERE status = ${hidden[0]}) AS n`;
  }
  return sql`SELECT COUNT(*) AS n FROM Event e WHERE ${where}`;
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
 * Whether a name sort should walk people/companies in name order (CROSS JOIN fixes SQLite's join order):
 * right when most events match, since the first page is then found after a few names; wrong for a
 * selective filter, where sorting the few matches is cheaper than walking every name.
 */
const walkNames = (f: ResolvedFilters) => !f.company.length && !f.destination.length && !f.search && !f.from && !f.to;

function pageStatement(f: ResolvedFilters, where: Prisma.Sql, sort: EventSort, after: CursorKey | null, take: number, extra?: Prisma.Sql) {
  const plan = SORTS[sort];
  const dir = plan.desc ? sql`DESC` : sql`ASC`;
  const cmp = plan.desc ? sql`<` : sql`>`;
  const conditions = [where, ...(extra ? [extra] : [])];
  if (!plan.entity) {
    if (after) conditions.push(sql`(e.sortDate, e.id) ${cmp} (${after[0]}, ${after[1]})`);
    return sql`SELECT e.id AS id, e.sortDate AS sortDate FROM Event e WHERE ${join(conditions, " AND ")}
      ORDER BY e.sortDate ${dir}, e.id ${dir} LIMIT ${take}`;
  }
  if (after) {
    // the first comparison alone lets SQLite seek in the name index; the row value decides ties
    conditions.push(sql`x.name ${plan.desc ? sql`<=` : sql`>=`} ${after[0]}`);
    conditions.push(sql`(x.name, x.id, e.sortDate, e.id) ${cmp} (${join([...after])})`);
  }
  const { table, fk } = plan.entity;
  const from = raw(walkNames(f) ? `${table} x CROSS JOIN Event e ON e.${fk} = x.id` : `Event e JOIN ${table} x ON x.id = e.${fk}`);
  return sql`SELECT e.id AS id, e.sortDate AS sortDate, x.name AS name, x.id AS entityId FROM ${from}
    WHERE ${join(conditions, " AND ")} ORDER BY x.name ${dir}, x.id ${dir}, e.sortDate ${dir}, e.id ${dir} LIMIT ${take}`;
}

/**
 * The statements that produce one page of ids, in order. "oldest" reads dated events first and then the
 * undated ones, so unknown dates come last in both directions; that takes two statements.
 */
export function pageSql(f: ResolvedFilters, sort: EventSort, cursor: Cursor | undefined, take: number): Prisma.Sql[] {
  const where = eventWhereSql(f);
  const after = cursor?.key ?? null;
  if (sort !== "oldest") return [pageStatement(f, where, sort, after, take)];
  const undated = (afterId: number | null) =>
    sql`SELECT e.id AS id, e.sortDate AS sortDate FROM Event e WHERE ${where} AND e.sortDate = ''
      ${afterId ? sql`AND e.id > ${afterId}` : empty} ORDER BY e.id ASC LIMIT ${take}`;
  if (after && after[0] === "") return [undated(Number(after[1]))];
  return [pageStatement(f, where, sort, after, take, sql`e.sortDate <> ''`), undated(null)];
}

/** Runs the page statements in order until the page (plus one row, to know if there is a next) is full. */
export async function pageWith(run: Run, f: ResolvedFilters, sort: EventSort, cursor: Cursor | undefined, limit: number) {
  const rows: PageRow[] = [];
  for (const statement of pageSql(f, sort, cursor, limit + 1)) {
    if (rows.length > limit) break;
    rows.push(...(await run<PageRow>(statement)).slice(0, limit + 1 - rows.length));
  }
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor: Cursor | null = rows.length > limit && last ? { sort, key: keyOf(sort, last) } : null;
  return { ids: page.map((r) => Number(r.id)), nextCursor };
}

// ---- loading rows ---------------------------------------------------------------------------------------

// Rows are assembled as JSON inside SQLite, one text value per event: the same objects Prisma's
// `include: eventJsonInclude` returns (tests/unit/find-events.test.ts compares them), at a fraction of
// the cost of materialising five relations through the client. Column lists come from the generated
// client, so a new column is loaded without touching this. Needs SQLite >= 3.44 (ORDER BY in aggregates).
const DATE_FIELDS = new Set(["createdAt", "updatedAt"]);
const columns = (alias: string, fields: Record<string, string>) =>
  raw(Object.keys(fields).map((f) => `'${f}', ${alias}."${f}"`).join(", "));
const aliasesOf = (table: "PersonAlias" | "CompanyAlias", fk: "personId" | "companyId", owner: string) =>
  raw(`(SELECT json_group_array(json_object('id', a.id, '${fk}', a."${fk}", 'name', a.name, 'key', a.key) ORDER BY a.id)
    FROM "${table}" a WHERE a."${fk}" = ${owner})`);
const companyJson = (alias: string, idColumn: string) =>
  sql`(SELECT json_object(${columns(alias, Prisma.CompanyScalarFieldEnum)}, 'aliases', ${aliasesOf("CompanyAlias", "companyId", `${alias}.id`)})
    FROM Company ${raw(alias)} WHERE ${raw(alias)}.id = ${raw(idColumn)})`;

export function loadSql(ids: number[]): Prisma.Sql {
  return sql`SELECT json_object(${columns("e", Prisma.EventScalarFieldEnum)},
    'person', (SELECT json_object(${columns("p", Prisma.PersonScalarFieldEnum)}, 'aliases', ${aliasesOf("PersonAlias", "personId", "p.id")})
      FROM Person p WHERE p.id = e.personId),
    'company', ${companyJson("c", "e.companyId")},
    'destination', ${companyJson("d", "e.destinationId")},
    'claims', (SELECT json_group_array(json_object(${columns("cl", Prisma.ClaimScalarFieldEnum)},
        'source', (SELECT json_object(${columns("s", Prisma.SourceScalarFieldEnum)}) FROM Source s WHERE s.id = cl.sourceId),
        'destination', (SELECT json_object('name', cd.name, 'slug', cd.slug) FROM Company cd WHERE cd.id = cl.destinationId)
      ) ORDER BY cl.id) FROM Claim cl WHERE cl.eventId = e.id)
  ) AS json FROM Event e WHERE e.id IN (${join(ids)})`;
}

const revive = (key: string, value: unknown) => (DATE_FIELDS.has(key) && typeof value === "string" ? new Date(value) : value);

/** Parse the rows loadSql returns, in the order of `ids`. */
export function parseLoaded(rows: { json: string }[], ids: number[]): EventWithClaims[] {
  const byId = new Map<number, EventWithClaims>();
  for (const r of rows) {
    const e = JSON.parse(r.json, revive) as EventWithClaims;
    byId.set(e.id, e);
  }
  return ids.map((id) => byId.get(id)).filter((e): e is EventWithClaims => e !== undefined);
}

/** Full rows (person, company, destination with aliases; claims with sources) for ids, in the order given. */
export async function loadEvents(db: Db, ids: number[]): Promise<EventWithClaims[]> {
  if (ids.length === 0) return [];
  return parseLoaded(await db.$queryRaw<{ json: string }[]>(loadSql(ids)), ids);
}

// ---- the queries the app calls ----------------------------------------------------------------------------

export interface EventPage {
  events: EventWithClaims[];
  nextCursor: Cursor | null;
  total: number;
}

export type PageQuery = Pick<EventQuery, keyof EventFilters | "sort" | "cursor" | "limit">;

const runner = (db: Db): Run => (s) => db.$queryRaw(s);

/** One page of events matching the query, the cursor for the next page (null on the last) and the total. */
export async function findEvents(db: Db, query: PageQuery): Promise<EventPage> {
  const f = await resolveFilters(db, query);
  const [{ ids, nextCursor }, [count]] = await Promise.all([
    pageWith(runner(db), f, query.sort, query.cursor, query.limit),
    db.$queryRaw<{ n: bigint | number }[]>(countSql(f)),
  ]);
  return { events: await loadEvents(db, ids), nextCursor, total: Number(count.n) };
}

export async function countEvents(db: Db, filters: EventFilters): Promise<number> {
  const [row] = await db.$queryRaw<{ n: bigint | number }[]>(countSql(await resolveFilters(db, filters)));
  return Number(row.n);
}

/** Every matching event, newest first, read a keyset page at a time so memory stays flat (CSV export). */
export async function* eachMatchingEvent(db: Db, filters: EventFilters, pageSize = 200): AsyncGenerator<EventWithClaims> {
  const f = await resolveFilters(db, filters);
  let cursor: Cursor | undefined;
  for (;;) {
    const page = await pageWith(runner(db), f, "newest", cursor, pageSize);
    yield* await loadEvents(db, page.ids);
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}

// ---- aggregates for charts --------------------------------------------------------------------------------

/** Matching events counted by date interval (month prefixes) and role category, for countByPeriod. */
export async function intervalCounts(db: Db, filters: EventFilters): Promise<IntervalCount[]> {
  const where = eventWhereSql(await resolveFilters(db, filters));
  const rows = await db.$queryRaw<{ earliest: string; latest: string | null; category: string | null; n: bigint | number }[]>(sql`
    SELECT substr(e.sortDate, 1, 7) AS earliest, substr(e.dateLatest, 1, 7) AS latest, e.roleCategory AS category, COUNT(*) AS n
    FROM Event e WHERE ${where} GROUP BY 1, 2, 3`);
  return rows.map((r) => ({ earliest: r.earliest || null, latest: r.latest, category: r.category, n: Number(r.n) }));
}

export interface DestinationCounts {
  /** the most frequent destinations, most first */
  top: { slug: string; name: string; n: number; founded: number }[];
  /** matches with a destination on record, those founded by the person, and those with none */
  withDestination: number;
  founded: number;
  unknown: number;
}

export async function destinationCounts(db: Db, filters: EventFilters, limit = 10): Promise<DestinationCounts> {
  const where = eventWhereSql(await resolveFilters(db, filters));
  const [top, [totals]] = await Promise.all([
    db.$queryRaw<{ id: number; n: bigint | number; founded: bigint | number }[]>(sql`
      SELECT e.destinationId AS id, COUNT(*) AS n, SUM(e.destinationRelation = 'founded') AS founded
      FROM Event e WHERE ${where} AND e.destinationId IS NOT NULL
      GROUP BY e.destinationId ORDER BY n DESC, e.destinationId LIMIT ${limit}`),
    db.$queryRaw<{ known: bigint | number | null; founded: bigint | number | null; unknown: bigint | number | null }[]>(sql`
      SELECT SUM(e.destinationId IS NOT NULL) AS known, SUM(e.destinationRelation = 'founded') AS founded,
        SUM(e.destinationId IS NULL) AS unknown FROM Event e WHERE ${where}`),
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
