import "server-only";
import { db } from "@/lib/db";
import type { Db } from "@/lib/db-factory";
import { orNotFound } from "./not-found";

/** The company itself (name, aliases), without its events: pages load those a page at a time. */
export async function getCompanyHeader(slug: string) {
  return orNotFound(await db.company.findUnique({ where: { slug }, include: { aliases: { orderBy: { id: "asc" } } } }));
}

const tenureSelect = { id: true, title: true, scope: true, startText: true, endText: true } as const;

/**
 * People with a tenure at the company, each counted once however many tenures and titles they had:
 * current staff (a company tenure with no end on record), former staff (company tenures, all ended) and
 * board members (board seats are their own tenures, listed apart; a board seat does not make anyone staff).
 * Each list is capped for very large companies, with the full counts; each person carries their tenures.
 */
export async function companyPeople(client: Db, companyId: number, cap = 200) {
  const open = { companyId, scope: "company", endText: null } as const;
  const ended = { companyId, scope: "company", endText: { not: null } } as const;
  const where = {
    current: { positions: { some: open } },
    former: { positions: { some: ended, none: open } },
    board: { positions: { some: { companyId, scope: "board" } } },
  } as const;
  const list = (kind: keyof typeof where) =>
    client.person.findMany({
      where: where[kind],
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: cap,
      select: {
        id: true,
        name: true,
        slug: true,
        positions: {
          where: kind === "board" ? { companyId, scope: "board" } : { companyId, scope: "company" },
          orderBy: [{ startEarliest: "asc" }, { id: "asc" }],
          select: tenureSelect,
        },
      },
    });
  const [current, former, board, currentCount, formerCount, boardCount] = await Promise.all([
    list("current"),
    list("former"),
    list("board"),
    client.person.count({ where: where.current }),
    client.person.count({ where: where.former }),
    client.person.count({ where: where.board }),
  ]);
  return { current, former, board, currentCount, formerCount, boardCount };
}

export type CompanyPerson = Awaited<ReturnType<typeof companyPeople>>["current"][number];

/** Companies founded by people who left this one, with who founded them and the event that says so. */
export async function companiesFoundedByAlumni(companyId: number) {
  // the founded companies from the event rollup first, so the events are found on the company's browse
  // index (which holds destinationId) instead of by reading every event of a large company
  const founded = await db.eventRollup.findMany({
    where: { grain: "destination", companyId, relation: "founded", destinationId: { not: 0 }, status: { not: "retracted" } },
    select: { destinationId: true },
    distinct: ["destinationId"],
  });
  if (founded.length === 0) return [];
  const events = await db.event.findMany({
    where: {
      companyId,
      destinationRelation: "founded",
      destinationId: { in: founded.map((r) => r.destinationId) },
      status: { not: "retracted" },
    },
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
