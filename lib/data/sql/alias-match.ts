/**
 * The one alias search: people or companies whose alias keys (normalized names, lib/domain/names.ts)
 * contain a key. The browse filter (find-events), the lookup API (lookup) and the claim form's
 * suggestions (suggest) all match and rank through here, so a spelling found by one is found by all.
 * See docs/decisions/0004-name-keys.md.
 */
import { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/lib/db-factory";
import type { Dialect } from "./dialect";

const { sql, join, raw } = Prisma;

export type AliasOwner = "person" | "company";

const TABLES = {
  person: { alias: raw(`"PersonAlias"`), owner: raw(`"Person"`), fk: raw(`"personId"`) },
  company: { alias: raw(`"CompanyAlias"`), owner: raw(`"Company"`), fk: raw(`"companyId"`) },
} as const;

/** Ids of the owners with an alias key containing `key`; `limit` caps the rows read. */
export function aliasOwnersSql(d: Dialect, owner: AliasOwner, key: string, limit?: number): Prisma.Sql {
  const { alias, fk } = TABLES[owner];
  return sql`SELECT DISTINCT a.${fk} AS id FROM ${alias} a WHERE ${d.contains(sql`a."key"`, key)}
    ${limit === undefined ? Prisma.empty : sql`LIMIT ${limit}`}`;
}

export interface AliasKeys {
  /** the whole query's key: what ranks ("" when it is too short to rank by) */
  whole: string;
  /** further keys that also match (words of the query), ranked after every match of the whole */
  words: string[];
}

export interface BestAlias {
  id: number;
  name: string;
  slug: string;
  /** the alias (as written) that ranked best for this owner */
  matched: string;
  /** 0 the key itself, 1 a prefix of it, 2 inside it, 3 only a word of the query matched */
  rank: number;
}

/**
 * Each matching owner once, with its best-ranked alias (ties: the alias recorded first), ordered by rank,
 * then by name in code-point order, then id: the same order on both databases.
 */
export function bestAliasSql(d: Dialect, owner: AliasOwner, keys: AliasKeys, limit: number): Prisma.Sql {
  const { alias, owner: table, fk } = TABLES[owner];
  const key = sql`a."key"`;
  const all = [keys.whole, ...keys.words].filter(Boolean);
  const rank = keys.whole
    ? sql`CASE WHEN ${key} = ${keys.whole} THEN 0 WHEN ${d.startsWith(key, keys.whole)} THEN 1 WHEN ${d.contains(key, keys.whole)} THEN 2 ELSE 3 END`
    : sql`3`;
  return sql`SELECT b.id, b.name, b.slug, b.matched, b.rank FROM (
      SELECT m.*, ROW_NUMBER() OVER (PARTITION BY m.id ORDER BY m.rank, m."aliasId") AS nth FROM (
        SELECT o.id, o.name, o.slug, a.name AS matched, a.id AS "aliasId", ${rank} AS rank
        FROM ${alias} a JOIN ${table} o ON o.id = a.${fk}
        WHERE ${
          all.length
            ? join(
                all.map((k) => d.contains(key, k)),
                " OR ",
              )
            : sql`FALSE`
        }
      ) m
    ) b WHERE b.nth = 1 ORDER BY b.rank, ${d.byName(sql`b.name`)}, b.id LIMIT ${limit}`;
}

/** Every spelling on record for each owner, in the order recorded (lookup and suggestions list them). */
export async function spellingsOf(tx: Tx, owner: AliasOwner, ids: number[]): Promise<Map<number, string[]>> {
  const spellings = new Map<number, string[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return spellings;
  const { alias, fk } = TABLES[owner];
  const rows = await tx.$queryRaw<{ owner: number; name: string }[]>(
    sql`SELECT a.${fk} AS owner, a.name FROM ${alias} a WHERE a.${fk} IN (${join(ids)}) ORDER BY a.id`,
  );
  for (const r of rows) spellings.get(Number(r.owner))?.push(r.name);
  return spellings;
}
