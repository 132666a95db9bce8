import "server-only";
import { db } from "@/lib/db";
import type { Db } from "@/lib/db-factory";
import { orNotFound } from "./not-found";

/** The company itself (name, aliases), without its events: pages load those a page at a time. */
export async function getCompanyHeader(slug: string) {
  return orNotFound(
    await db.company.findUnique({
      where: { slug },
      include: {
        aliases: { orderBy: { id: "asc" } },
        externalIds: { orderBy: { id: "asc" } },
        relations: { include: { to: { select: { name: true, slug: true } } } },
        relatedFrom: { include: { from: { select: { name: true, slug: true } } } },
      },
    }),
  );
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

/**
 * Where the people who left this company went: every destination on record with the departures that
 * name it (who, joined or founded, the event that says so), most departures first, the companies they
 * founded apart; and how many departures name no destination. Retracted events are left out, as on the
 * timeline. Capped at `cap` departures with a destination (the counts stay exact).
 */
export async function alumniNetwork(client: Db, companyId: number, cap = 500) {
  const where = { companyId, kind: "departed", status: { not: "retracted" } } as const;
  const [events, withDestination, unknown] = await Promise.all([
    client.event.findMany({
      where: { ...where, destinationId: { not: null } },
      select: {
        id: true,
        dateText: true,
        status: true,
        destinationRelation: true,
        person: { select: { name: true, slug: true } },
        destination: { select: { name: true, slug: true, foundedAt: true } },
      },
      orderBy: [{ sortDate: "desc" }, { id: "desc" }],
      take: cap,
    }),
    client.event.count({ where: { ...where, destinationId: { not: null } } }),
    client.event.count({ where: { ...where, destinationId: null } }),
  ]);
  type Move = (typeof events)[number];
  const byCompany = new Map<string, { company: NonNullable<Move["destination"]>; joined: Move[]; founded: Move[] }>();
  for (const e of events) {
    const entry = byCompany.get(e.destination!.slug) ?? { company: e.destination!, joined: [], founded: [] };
    (e.destinationRelation === "founded" ? entry.founded : entry.joined).push(e);
    byCompany.set(e.destination!.slug, entry);
  }
  const destinations = [...byCompany.values()].sort(
    (a, b) => b.joined.length + b.founded.length - (a.joined.length + a.founded.length) || a.company.name.localeCompare(b.company.name),
  );
  return {
    destinations,
    /** companies founded by alumni, by name */
    founded: destinations.filter((d) => d.founded.length > 0).sort((a, b) => a.company.name.localeCompare(b.company.name)),
    withDestination,
    unknown,
    shown: events.length,
  };
}

export type AlumniNetwork = Awaited<ReturnType<typeof alumniNetwork>>;
