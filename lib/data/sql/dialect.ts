/**
 * The few pieces of SQL that SQLite and PostgreSQL spell differently, behind one small interface, so the
 * browse, lookup and suggestion queries are written once. Everything outside this file is portable SQL:
 * quoted identifiers, TRUE/FALSE, COUNT(*) FILTER, row-value comparisons, window functions.
 * The dialect is chosen by the client (`dialectOf(db)`), never by reading the URL again. See ADR 0013.
 */
import { Prisma } from "@/generated/prisma/client";
import { providerOf, type Db, type Provider, type Tx } from "@/lib/db-factory";

const { sql, join, raw } = Prisma;
type Sql = Prisma.Sql;

export interface Dialect {
  readonly provider: Provider;
  /**
   * Whether the statements carry hand-chosen plans. SQLite has no statistics for the values it is asked
   * about, so the browse SQL hides indexes from it (`unindexed`) and picks a plan from the match count;
   * PostgreSQL's cost-based planner does that itself.
   */
  readonly handPlanned: boolean;
  /** `column` contains `key` byte for byte (name keys are normalized already: no case folding wanted). */
  contains(column: Sql, key: string): Sql;
  /** `column` starts with `key`, byte for byte. */
  startsWith(column: Sql, key: string): Sql;
  /**
   * `SELECT "role" FROM "EventRole" …`: the titles on record containing `text`, case-insensitively,
   * found through the title index (FTS5 trigram on SQLite, pg_trgm on PostgreSQL; migration 0004).
   */
  rolesContaining(text: string): Sql;
  /** The column, hidden from SQLite's index choice (`+col`); unchanged on PostgreSQL. */
  unindexed(column: Sql): Sql;
  /** A name for ORDER BY and keyset comparisons: code-point order whatever the database's collation. */
  byName(column: Sql): Sql;
  /** A JSON object from key/value pairs. */
  jsonObject(pairs: [key: string, value: Sql][]): Sql;
  /** A JSON array aggregate of `element` in `orderBy` order; `[]` when there are no rows. */
  jsonArray(element: Sql, orderBy: Sql): Sql;
  /** A DateTime column as the ISO-8601 UTC text `new Date()` reads back. */
  jsonDate(column: Sql): Sql;
  /** A JSON value as text, so both drivers hand back a string to JSON.parse. */
  jsonText(value: Sql): Sql;
}

/** `%text%` for LIKE/ILIKE with the wildcards in `text` taken literally (ESCAPE '\'). */
export const likeContains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The trigram index answers substrings of three characters or more; shorter ones scan the titles. */
const TRIGRAM = 3;
const trigramSearchable = (text: string) => [...text].length >= TRIGRAM;

const sqlite: Dialect = {
  provider: "sqlite",
  handPlanned: true,
  contains: (column, key) => sql`instr(${column}, ${key}) > 0`,
  startsWith: (column, key) => sql`instr(${column}, ${key}) = 1`,
  // A quoted FTS5 phrase over trigrams is a case-folded substring match; inside the quotes only `"` is special.
  rolesContaining: (text) =>
    trigramSearchable(text)
      ? sql`SELECT "role" FROM "EventRoleSearch" WHERE "EventRoleSearch" MATCH ${`"${text.replaceAll('"', '""')}"`}`
      : sql`SELECT "role" FROM "EventRole" WHERE "role" LIKE ${likeContains(text)} ESCAPE '\\'`,
  unindexed: (column) => sql`+${column}`,
  // BINARY, SQLite's default collation, compares UTF-8 bytes: code-point order already
  byName: (column) => column,
  jsonObject: (pairs) => sql`json_object(${join(pairs.map(([k, v]) => sql`${raw(`'${k}'`)}, ${v}`))})`,
  jsonArray: (element, orderBy) => sql`json_group_array(${element} ORDER BY ${orderBy})`,
  jsonDate: (column) => column,
  jsonText: (value) => value,
};

const postgresql: Dialect = {
  provider: "postgresql",
  handPlanned: false,
  // LIKE rather than strpos(): the trigram index on alias keys (migration 0006) serves LIKE '%…%'
  contains: (column, key) => sql`${column} LIKE ${likeContains(key)} ESCAPE '\\'`,
  startsWith: (column, key) => sql`strpos(${column}, ${key}) = 1`,
  // pg_trgm's GIN index serves ILIKE for three characters or more and falls back to a scan below that
  rolesContaining: (text) => sql`SELECT "role" FROM "EventRole" WHERE "role" ILIKE ${likeContains(text)} ESCAPE '\\'`,
  unindexed: (column) => column,
  byName: (column) => sql`${column} COLLATE "C"`,
  // row_to_json over a one-row subselect rather than json_build_object, which takes at most 100
  // arguments (50 columns); both measured the same. Outer columns are visible inside the subselect.
  jsonObject: (pairs) => sql`(SELECT row_to_json(r) FROM (SELECT ${join(pairs.map(([k, v]) => sql`${v} AS ${raw(`"${k}"`)}`))}) r)`,
  jsonArray: (element, orderBy) => sql`COALESCE(json_agg(${element} ORDER BY ${orderBy}), '[]'::json)`,
  // Prisma stores DateTime as UTC in `timestamp(3)` (no zone): say so, or JavaScript reads it as local time
  jsonDate: (column) => sql`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  jsonText: (value) => sql`(${value})::text`,
};

const DIALECTS: Record<Provider, Dialect> = { sqlite, postgresql };

export const dialectFor = (provider: Provider): Dialect => DIALECTS[provider];

/** The dialect of a client made by createDb, or of a transaction client inside one. */
export const dialectOf = (db: Db | Tx): Dialect => DIALECTS[providerOf(db)];
