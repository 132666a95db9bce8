/**
 * People and companies by any spelling on record, for the lookup APIs and the timeline's "names matching
 * the search": the one forgiving search (lib/search: any script, case, width, word order, kana variants,
 * typos), each hit with its other spellings and its number of events. See docs/decisions/0004-name-keys.md
 * and 0070-one-forgiving-search.md.
 */
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db-factory";
import { searchNames, type NameMatch } from "@/lib/search/search";
import { runner } from "@/lib/search/run";
import { spellingsOf, type AliasOwner } from "./sql/alias-match";
import { byCodePoint } from "./sql/code-point-order";
import { dialectOf } from "./sql/dialect";

export const LOOKUP_MAX = 50;

export interface LookupHit {
  name: string;
  slug: string;
  /** every other spelling on record */
  aliases: string[];
  /** the spelling the query matched */
  matched: string;
  /** why it matched (exact, prefix, substring, token_order, kana_variant, typo) */
  reason: NameMatch["reason"];
  /** events about the person, or at/to the company */
  eventCount: number;
}

/** Events per id: about the person, or at and to the company. */
type EventCounts = (db: Db, ids: number[]) => Promise<Map<number, number>>;

const personEvents: EventCounts = async (db, ids) =>
  new Map(
    (await db.event.groupBy({ by: ["personId"], where: { personId: { in: ids } }, _count: { _all: true } })).map((c) => [c.personId, c._count._all]),
  );

const companyEvents: EventCounts = async (db, ids) => {
  const [left, arrived] = await Promise.all([
    db.event.groupBy({ by: ["companyId"], where: { companyId: { in: ids } }, _count: { _all: true } }),
    db.event.groupBy({ by: ["destinationId"], where: { destinationId: { in: ids } }, _count: { _all: true } }),
  ]);
  const counts = new Map(left.map((c) => [c.companyId, c._count._all]));
  for (const c of arrived) if (c.destinationId !== null) counts.set(c.destinationId, (counts.get(c.destinationId) ?? 0) + c._count._all);
  return counts;
};

async function lookup(db: Db, owner: AliasOwner, q: string, limit: number, eventCounts: EventCounts): Promise<LookupHit[]> {
  const rows = await searchNames(runner(db), dialectOf(db), q, { type: owner, limit: Math.min(limit, LOOKUP_MAX), wholeQueryOnly: true });
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [spellings, counts] = await Promise.all([spellingsOf(db, owner, ids), eventCounts(db, ids)]);
  return rows.map((r) => ({
    name: r.name,
    slug: r.slug,
    aliases: (spellings.get(r.id) ?? []).filter((name) => name !== r.name),
    matched: r.matched,
    reason: r.reason,
    eventCount: counts.get(r.id) ?? 0,
  }));
}

export const lookupPeople = (db: Db, q: string, limit = 10) => lookup(db, "person", q, limit, personEvents);

export const lookupCompanies = (db: Db, q: string, limit = 10) => lookup(db, "company", q, limit, companyEvents);

export interface CompanyOption {
  slug: string;
  name: string;
}

/**
 * Companies to offer in the filter form: those that people left (`left`) or went to (`destination`),
 * by name, capped so the form stays usable on a large database, plus any already selected.
 */
export async function companyOptions(db: Db, side: "left" | "destination", selected: string[], limit = 300): Promise<CompanyOption[]> {
  const column = Prisma.raw(side === "left" ? `"companyId"` : `"destinationId"`);
  const rows = await db.$queryRaw<CompanyOption[]>(Prisma.sql`
    SELECT c.slug, c.name FROM "Company" c
    WHERE EXISTS (SELECT 1 FROM "Event" e WHERE e.${column} = c.id) ${selected.length ? Prisma.sql`OR c.slug IN (${Prisma.join(selected)})` : Prisma.empty}
    ORDER BY ${dialectOf(db).byName(Prisma.sql`c.name`)}, c.id LIMIT ${limit}`);
  const missing = selected.filter((s) => !rows.some((r) => r.slug === s));
  if (missing.length === 0) return rows;
  const extra = await db.company.findMany({ where: { slug: { in: missing } }, select: { slug: true, name: true } });
  return [...rows, ...extra].sort((a, b) => byCodePoint(a.name, b.name));
}
