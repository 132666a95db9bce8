import "server-only";
import { db } from "@/lib/db";
import { eventJsonInclude } from "./event-json";
import { orNotFound } from "./not-found";

export async function getCompanyBySlug(slug: string) {
  const company = await db.company.findUnique({
    where: { slug },
    include: {
      aliases: { orderBy: { id: "asc" } },
      events: { include: eventJsonInclude, orderBy: [{ sortDate: "desc" }, { id: "desc" }] },
      arrivals: { include: eventJsonInclude, orderBy: [{ sortDate: "desc" }, { id: "desc" }] },
      positions: { include: { person: true }, orderBy: [{ startEarliest: "asc" }, { id: "asc" }] },
    },
  });
  return orNotFound(company);
}

/** The company itself (name, aliases), without its events: pages load those a page at a time. */
export async function getCompanyHeader(slug: string) {
  return orNotFound(await db.company.findUnique({ where: { slug }, include: { aliases: { orderBy: { id: "asc" } } } }));
}

/**
 * People with a tenure at the company, split into current (no end on record) and former, each list
 * capped for very large companies, with the full counts.
 */
export async function companyPeople(companyId: number, cap = 200) {
  const where = (current: boolean) => ({ companyId, endText: current ? null : { not: null } });
  const include = { person: { select: { name: true, slug: true } } } as const;
  const [current, former, currentCount, formerCount] = await Promise.all([
    db.position.findMany({ where: where(true), include, orderBy: [{ startEarliest: "asc" }, { id: "asc" }], take: cap }),
    db.position.findMany({ where: where(false), include, orderBy: [{ endEarliest: "desc" }, { id: "desc" }], take: cap }),
    db.position.count({ where: where(true) }),
    db.position.count({ where: where(false) }),
  ]);
  return { current, former, currentCount, formerCount };
}

/** Companies founded by people who left this one, with who founded them and the event that says so. */
export async function companiesFoundedByAlumni(companyId: number) {
  const events = await db.event.findMany({
    where: { companyId, destinationRelation: "founded", destinationId: { not: null }, status: { not: "retracted" } },
    select: {
      id: true,
      dateText: true,
      status: true,
      person: { select: { name: true, slug: true } },
      destination: { select: { name: true, slug: true, foundedAt: true } },
    },
    orderBy: [{ sortDate: "desc" }, { id: "desc" }],
    take: 500,
  });
  const byCompany = new Map<string, { company: NonNullable<(typeof events)[number]["destination"]>; founders: (typeof events)[number][] }>();
  for (const e of events) {
    const entry = byCompany.get(e.destination!.slug) ?? { company: e.destination!, founders: [] };
    entry.founders.push(e);
    byCompany.set(e.destination!.slug, entry);
  }
  return [...byCompany.values()].sort((a, b) => a.company.name.localeCompare(b.company.name));
}
