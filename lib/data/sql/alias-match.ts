/**
 * Alias SQL shared by the reads: every owner whose alias key (normalized name, lib/domain/names.ts)
 * contains a key, unranked and unbounded, for the browse filter (find-events), and every spelling of
 * some owners. Ranked, forgiving search is lib/search. See docs/decisions/0004-name-keys.md.
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
