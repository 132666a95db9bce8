/**
 * The statements that narrow every alias on record to a few candidates for a query, through an index:
 * on SQLite the FTS5 trigram tables over the folded keys (`PersonAliasSearch`, `CompanyAliasSearch`), on
 * PostgreSQL the pg_trgm indexes over `search_fold("key")` (both migration 0008_search_keys). Nothing
 * here ranks finely: match.ts judges each candidate. See docs/decisions/0070-one-forgiving-search.md.
 */
import { Prisma } from "@/generated/prisma/client";
import { likeContains, type Dialect } from "@/lib/data/sql/dialect";

const { sql, join, raw } = Prisma;
type Sql = Prisma.Sql;

export type Owner = "person" | "company";

const TABLES = {
  person: { alias: raw(`"PersonAlias"`), owner: raw(`"Person"`), fk: raw(`"personId"`), fts: raw(`"PersonAliasSearch"`) },
  company: { alias: raw(`"CompanyAlias"`), owner: raw(`"Company"`), fk: raw(`"companyId"`), fts: raw(`"CompanyAliasSearch"`) },
} as const;

/** One candidate alias with its owner. */
export interface CandidateRow {
  id: number;
  name: string;
  slug: string;
  aliasId: number;
  alias: string;
  key: string;
}

const codePoints = (s: string) => [...s].length;
/** FTS5's trigram tokenizer answers phrases of three characters or more. */
const trigramable = (s: string) => codePoints(s) >= 3;
const phrase = (s: string) => `"${s.replaceAll('"', '""')}"`;

/** The distinct trigrams of each word (words shorter than three characters have none). */
export function trigramsOf(words: string[]): string[] {
  const grams = new Set<string>();
  for (const w of words) {
    const cp = [...w];
    for (let i = 0; i + 3 <= cp.length; i++) grams.add(cp.slice(i, i + 3).join(""));
  }
  return [...grams];
}

/** Aliases (ids) whose folded key contains every one of `keys`, exact and prefix matches of `first` first. */
function containingIds(d: Dialect, owner: Owner, keys: string[], cap: number): Sql {
  const { alias, fts } = TABLES[owner];
  const first = keys[0];
  if (d.provider === "sqlite") {
    const indexed = keys.filter(trigramable);
    const scanned = keys.filter((k) => !trigramable(k));
    const where = [
      ...(indexed.length ? [sql`${fts} MATCH ${indexed.map(phrase).join(" AND ")}`] : []),
      ...scanned.map((k) => sql`instr(s."fold", ${k}) > 0`),
    ];
    return sql`SELECT s.rowid AS id FROM ${fts} s WHERE ${join(where, " AND ")}
      ORDER BY s."fold" = ${first} DESC, instr(s."fold", ${first}) = 1 DESC, length(s."fold"), s.rowid LIMIT ${cap}`;
  }
  const fold = sql`search_fold(a."key")`;
  return sql`SELECT a.id AS id FROM ${alias} a WHERE ${join(
    keys.map((k) => sql`${fold} LIKE ${likeContains(k)} ESCAPE '\\'`),
    " AND ",
  )}
    ORDER BY ${fold} = ${first} DESC, strpos(${fold}, ${first}) = 1 DESC, length(${fold}), a.id LIMIT ${cap}`;
}

/** An alias's folded key, read before its owner (the typo stage judges many and keeps few). */
export interface FoldRow {
  aliasId: number;
  fold: string;
}

/** Aliases whose folded key contains any of `pieces` (each three characters or more), unordered. */
function foldsContainingAny(d: Dialect, owner: Owner, pieces: string[], cap: number): Sql {
  const { alias, fts } = TABLES[owner];
  if (d.provider === "sqlite") {
    return sql`SELECT s.rowid AS "aliasId", s."fold" FROM ${fts} s WHERE ${fts} MATCH ${pieces.map(phrase).join(" OR ")} LIMIT ${cap}`;
  }
  const fold = sql`search_fold(a."key")`;
  return sql`SELECT a.id AS "aliasId", ${fold} AS "fold" FROM ${alias} a WHERE ${join(
    pieces.map((p) => sql`${fold} LIKE ${likeContains(p)} ESCAPE '\\'`),
    " OR ",
  )} LIMIT ${cap}`;
}

/** Aliases sharing the most trigrams with a short word (too short to cut into indexable pieces). */
function foldsSharingTrigrams(d: Dialect, owner: Owner, grams: string[], cap: number): Sql {
  const { alias, fts } = TABLES[owner];
  if (d.provider === "sqlite") {
    return sql`SELECT s.rowid AS "aliasId", s."fold" FROM ${fts} s WHERE ${fts} MATCH ${grams.map(phrase).join(" OR ")} ORDER BY rank LIMIT ${cap}`;
  }
  const fold = sql`search_fold(a."key")`;
  const has = grams.map((g) => sql`${fold} LIKE ${likeContains(g)} ESCAPE '\\'`);
  const shared = join(
    grams.map((g) => sql`(CASE WHEN strpos(${fold}, ${g}) > 0 THEN 1 ELSE 0 END)`),
    " + ",
  );
  return sql`SELECT a.id AS "aliasId", ${fold} AS "fold" FROM ${alias} a WHERE ${join(has, " OR ")} ORDER BY ${shared} DESC, length(${fold}), a.id LIMIT ${cap}`;
}

/** Aliases whose key (as stored) starts with `key`, through the key's B-tree index: for one or two characters. */
function prefixIds(d: Dialect, owner: Owner, key: string, cap: number): Sql {
  const { alias } = TABLES[owner];
  const upper = `${key}\u{10FFFF}`;
  const recheck = d.provider === "sqlite" ? Prisma.empty : sql`AND strpos(a."key", ${key}) = 1`;
  return sql`SELECT a.id AS id FROM ${alias} a WHERE a."key" >= ${key} AND a."key" < ${upper} ${recheck} ORDER BY a."key", a.id LIMIT ${cap}`;
}

function withOwners(owner: Owner, ids: Sql): Sql {
  const { alias, owner: table, fk } = TABLES[owner];
  return sql`SELECT o.id, o.name, o.slug, a.id AS "aliasId", a.name AS alias, a."key" FROM ${alias} a
    JOIN ${table} o ON o.id = a.${fk} WHERE a.id IN (${ids})`;
}

export const candidatesSql = {
  /** folded key contains every key given (the whole query; or each word, in any order) */
  containing: (d: Dialect, owner: Owner, keys: string[], cap: number) => withOwners(owner, containingIds(d, owner, keys, cap)),
  /** folded key contains any one of the words (each long enough to mean something) */
  anyWord: (d: Dialect, owner: Owner, words: string[], cap: number) =>
    withOwners(
      owner,
      d.provider === "sqlite" && words.every(trigramable)
        ? sql`SELECT s.rowid FROM ${TABLES[owner].fts} s WHERE ${TABLES[owner].fts} MATCH ${words.map(phrase).join(" OR ")} LIMIT ${cap}`
        : sql`SELECT u.id FROM (${join(
            words.map((w) => sql`SELECT * FROM (${containingIds(d, owner, [w], cap)}) w${raw(String(words.indexOf(w)))}`),
            " UNION ",
          )}) u`,
    ),
  /** key as stored starts with a short query */
  prefix: (d: Dialect, owner: Owner, key: string, cap: number) => withOwners(owner, prefixIds(d, owner, key, cap)),
  /** folded keys containing one of the pieces of a word: candidates for a typo */
  foldsContainingAny,
  /** folded keys sharing trigrams with a short word: candidates for a typo */
  foldsSharingTrigrams,
  /** the aliases given, with their owners */
  byIds: (owner: Owner, ids: number[]) => withOwners(owner, ids.length ? join(ids) : sql`NULL`),
};
