/**
 * Talent flows: departures matching the timeline's filters, counted per (company left, destination).
 * The WHERE clause is the timeline's own (find-events.ts), with the kind fixed to departures, so every
 * count here is exactly what the timeline lists when a band's link is followed.
 */
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db-factory";
import type { FlowCompany, FlowPair } from "@/lib/domain/flow-layout";
import type { EventFilters } from "@/lib/validation/event-filters";
import { eventWhereSql, resolveFilters } from "./find-events";
import { dialectOf } from "./sql/dialect";

const { sql } = Prisma;

/** A move, as the flows count it: a departure (where the person went is its destination, if any). */
export const FLOW_KINDS: EventFilters["kind"] = ["departed"];

/** The filters whose departures make the flows: the timeline's filters, kind set to departures. */
export const flowFilters = (filters: EventFilters): EventFilters => ({ ...filters, kind: FLOW_KINDS });

type Counted = bigint | number;

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Every (company left, destination or none) pair with its number of departures, most first. */
export async function flowPairs(db: Db, filters: EventFilters): Promise<FlowPair[]> {
  const where = eventWhereSql(dialectOf(db), await resolveFilters(db, flowFilters(filters)));
  const rows = await db.$queryRaw<{ fromId: number; toId: number | null; n: Counted; founded: Counted }[]>(sql`
    SELECT e."companyId" AS "fromId", e."destinationId" AS "toId", COUNT(*) AS n,
      COUNT(*) FILTER (WHERE e."destinationRelation" = 'founded') AS founded
    FROM "Event" e WHERE ${where} GROUP BY e."companyId", e."destinationId"`);
  const ids = [...new Set(rows.flatMap((r) => [Number(r.fromId), ...(r.toId === null ? [] : [Number(r.toId)])]))];
  const companies = new Map<number, FlowCompany>();
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = await db.company.findMany({ where: { id: { in: ids.slice(i, i + 1000) } }, select: { id: true, slug: true, name: true } });
    for (const c of chunk) companies.set(c.id, { slug: c.slug, name: c.name });
  }
  return rows
    .map((r) => ({
      from: companies.get(Number(r.fromId))!,
      to: r.toId === null ? null : companies.get(Number(r.toId))!,
      n: Number(r.n),
      founded: Number(r.founded),
    }))
    .sort((a, b) => b.n - a.n || byCodePoint(a.from.slug, b.from.slug) || byCodePoint(a.to?.slug ?? "~", b.to?.slug ?? "~"));
}
