import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db-factory";
import { inIds } from "@/lib/db/id-list";
import { orNotFound } from "./not-found";
import { byTenureVersion } from "./tenure-memo";

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

const { sql, join } = Prisma;

interface Tenure {
  id: number;
  title: string | null;
  scope: string;
  startText: string | null;
  endText: string | null;
}

/**
 * These people (in name order) with their tenures of this scope here, earliest first. The tenures are
 * read by person and filtered here: asked by company too, SQLite walks the company's 35,000 tenures by
 * its (companyId, startEarliest) index for the order (99 ms) instead of 50 people's few (1 ms).
 */
async function withTenures(client: Db, companyId: number, scope: "company" | "board", ids: number[]) {
  if (ids.length === 0) return [];
  const [people, tenures] = await Promise.all([
    client.$queryRaw<{ id: number; name: string; slug: string }[]>(
      sql`SELECT p."id", p."name", p."slug" FROM "Person" p WHERE p."id" ${inIds(client, ids)} ORDER BY p."name", p."id"`,
    ),
    client.$queryRaw<(Tenure & { personId: number; companyId: number; startEarliest: string | null })[]>(
      sql`SELECT x."id", x."personId", x."companyId", x."title", CAST(x."scope" AS TEXT) AS "scope", x."startText", x."endText", x."startEarliest"
        FROM "Position" x WHERE x."personId" ${inIds(client, ids)}`,
    ),
  ]);
  const byPerson = new Map<number, Tenure[]>();
  // earliest start first (none on record first), then by id, on both databases alike
  const start = (t: { startEarliest: string | null }) => t.startEarliest ?? "";
  const earliestFirst = (a: (typeof tenures)[number], b: (typeof tenures)[number]) =>
    start(a) < start(b) ? -1 : start(a) > start(b) ? 1 : Number(a.id) - Number(b.id);
  for (const t of tenures.filter((t) => Number(t.companyId) === companyId && t.scope === scope).sort(earliestFirst)) {
    const list = byPerson.get(Number(t.personId)) ?? [];
    list.push({ id: Number(t.id), title: t.title, scope: t.scope, startText: t.startText, endText: t.endText });
    byPerson.set(Number(t.personId), list);
  }
  return people.map((p) => ({ id: Number(p.id), name: p.name, slug: p.slug, positions: byPerson.get(Number(p.id)) ?? [] }));
}

/**
 * People with a tenure at the company, each counted once however many tenures and titles they had:
 * current staff (a company tenure with no end on record), former staff (company tenures, all ended) and
 * board members (board seats are their own tenures, listed apart; a board seat does not make anyone staff).
 * Each list is read a page at a time (PEOPLE_PAGE, in name order), with the full counts; each person carries their tenures.
 * Read from the company's positions (its index), not by testing every person for a tenure here.
 */
export type PeopleListKind = "current" | "former" | "board";
/** People per page of each list. */
export const PEOPLE_PAGE = 50;

/** A page is read by walking people in name order when that reads fewer rows than sorting every member. */
const WALK_AT_MOST = 20_000;

export async function companyPeople(
  client: Db,
  companyId: number,
  pages: Partial<Record<PeopleListKind, number>> = {},
  cap = PEOPLE_PAGE,
  /** walk the name index or sort the members; unset: whichever reads fewer rows */
  walk?: boolean,
) {
  // a tenure here of this scope (open: with no end on record; false: ended; undefined: either), as tenure x
  const tenure = (scope: "company" | "board", open?: boolean) =>
    sql`x."companyId" = ${companyId} AND x."scope" = ${scope}${open === undefined ? sql`` : open ? sql` AND x."endText" IS NULL` : sql` AND x."endText" IS NOT NULL`}`;
  const held = (scope: "company" | "board", open?: boolean) => sql`SELECT x."personId" FROM "Position" x WHERE ${tenure(scope, open)}`;
  const members = {
    current: held("company", true),
    former: sql`${held("company", false)} EXCEPT ${held("company", true)}`,
    board: held("board"),
  };
  // the same sets, tested person by person (for walking the people's name index)
  const has = (scope: "company" | "board", open?: boolean) =>
    sql`EXISTS (SELECT 1 FROM "Position" x WHERE x."personId" = p.id AND ${tenure(scope, open)})`;
  const isMember = {
    current: has("company", true),
    former: sql`${has("company", false)} AND NOT ${has("company", true)}`,
    board: has("board"),
  };
  // about how many people there are (ids are never reused, so at least that many): an index lookup, not a count
  const [everyone] = await client.$queryRaw<{ n: bigint | number | null }[]>(sql`SELECT MAX(id) AS n FROM "Person"`);
  // the three counts, each person once, in one pass over the company's tenures
  const flag = (test: Prisma.Sql) => sql`SUM(CASE WHEN ${test} THEN 1 ELSE 0 END)`;
  // (66 ms over a 35,000-tenure company: remembered until its tenures change, lib/data/tenure-memo.ts)
  const counted = await byTenureVersion(client, companyId, "peopleCounts", async () => {
    const [row] = await client.$queryRaw<Record<PeopleListKind, bigint | number | null>[]>(sql`
      SELECT ${flag(sql`o > 0`)} AS "current", ${flag(sql`o = 0 AND e > 0`)} AS "former", ${flag(sql`b > 0`)} AS "board"
      FROM (SELECT "personId", ${flag(sql`"scope" = 'company' AND "endText" IS NULL`)} AS o, ${flag(sql`"scope" = 'company' AND "endText" IS NOT NULL`)} AS e,
        ${flag(sql`"scope" = 'board'`)} AS b FROM "Position" WHERE "companyId" = ${companyId} GROUP BY "personId") t`);
    return { current: Number(row?.current ?? 0), former: Number(row?.former ?? 0), board: Number(row?.board ?? 0) };
  });
  const group = async (kind: keyof typeof members) => {
    const offset = (Math.max(1, pages[kind] ?? 1) - 1) * cap;
    const n = counted[kind];
    // a large company's first pages: walk everyone in name order until the page is full (reads about
    // (offset + cap) / share of people); else sort the members (reads each member once)
    const walked = n > 0 ? ((offset + cap) * Number(everyone?.n ?? 0)) / n : Infinity;
    const ids =
      n === 0
        ? []
        : await client.$queryRaw<{ id: number }[]>(
            (walk ?? walked <= Math.max(WALK_AT_MOST, n))
              ? sql`SELECT p.id FROM "Person" p WHERE ${isMember[kind]} ORDER BY p.name, p.id LIMIT ${cap} OFFSET ${offset}`
              : sql`SELECT p.id FROM "Person" p WHERE p.id IN (${members[kind]}) ORDER BY p.name, p.id LIMIT ${cap} OFFSET ${offset}`,
          );
    const people = await withTenures(
      client,
      companyId,
      kind === "board" ? "board" : "company",
      ids.map((r) => Number(r.id)),
    );
    return { people, count: n, first: offset + 1 };
  };
  const [current, former, board] = await Promise.all([group("current"), group("former"), group("board")]);
  return {
    current: current.people,
    former: former.people,
    board: board.people,
    currentCount: current.count,
    formerCount: former.count,
    boardCount: board.count,
    /** the place of each list's first person shown (1 on the first page) */
    first: { current: current.first, former: former.first, board: board.first },
  };
}

export type CompanyPerson = Awaited<ReturnType<typeof companyPeople>>["current"][number];

interface AlumniMove {
  id: number;
  dateText: string | null;
  status: string;
  person: { name: string; slug: string };
}

interface AlumniDestination {
  company: { id: number; name: string; slug: string; foundedAt: string | null };
  /** the newest departures that joined it / founded it (up to `names` each) and how many there are */
  joined: AlumniMove[];
  founded: AlumniMove[];
  joinedCount: number;
  foundedCount: number;
}

/**
 * Where the people who left this company went: the destinations on record, most departures first, with
 * exact counts of those who joined and those who founded each (from the event rollup, kept in the write
 * transaction) and the newest few of them by name, each linked to the event that says so; the companies
 * alumni founded; how many departures name no destination. Retracted events are left out, as on the
 * timeline. At most `destinations` companies are listed in each list (the counts cover them all).
 */
export async function alumniNetwork(client: Db, companyId: number, { destinations: maxListed = 20, names = 3 } = {}) {
  const counts = await client.$queryRaw<{ id: number; relation: string; n: bigint | number }[]>(
    sql`SELECT r."destinationId" AS id, r."relation" AS relation, SUM(r."n") AS n FROM "EventRollup" r
    WHERE r."grain" = 'destination' AND r."companyId" = ${companyId} AND r."kind" = 'departed' AND r."status" <> 'retracted'
    GROUP BY r."destinationId", r."relation"`,
  );
  let unknown = 0;
  const byId = new Map<number, Omit<AlumniDestination, "company"> & { id: number }>();
  for (const row of counts) {
    const id = Number(row.id);
    const n = Number(row.n);
    if (id === 0) {
      unknown += n;
      continue;
    }
    const d = byId.get(id) ?? { id, joined: [], founded: [], joinedCount: 0, foundedCount: 0 };
    if (row.relation === "founded") d.foundedCount += n;
    else d.joinedCount += n;
    byId.set(id, d);
  }
  const total = (d: { joinedCount: number; foundedCount: number }) => d.joinedCount + d.foundedCount;
  const all = [...byId.values()];
  // the most departures first (then by id, so the cut is stable); named and ordered by name below
  const top = [...all].sort((a, b) => total(b) - total(a) || a.id - b.id).slice(0, maxListed);
  const foundedAll = all.filter((d) => d.foundedCount > 0);
  const topFounded = [...foundedAll].sort((a, b) => b.foundedCount - a.foundedCount || a.id - b.id).slice(0, maxListed);
  const listed = [...new Set([...top, ...topFounded].map((d) => d.id))];
  const companies = listed.length
    ? (
        await client.$queryRaw<{ id: number; name: string; slug: string; foundedAt: string | null }[]>(
          sql`SELECT c."id", c."name", c."slug", c."foundedAt" FROM "Company" c WHERE c."id" ${inIds(client, listed)}`,
        )
      ).map((c) => ({ ...c, id: Number(c.id) }))
    : [];
  const named = new Map(companies.map((c) => [c.id, { ...byId.get(c.id)!, company: c }]));
  const byName = (a: AlumniDestination, b: AlumniDestination) => a.company.name.localeCompare(b.company.name);
  const destinations = top.map((d) => named.get(d.id)!).sort((a, b) => total(b) - total(a) || byName(a, b));
  const founded = topFounded.map((d) => named.get(d.id)!).sort(byName);

  // The newest departures to each listed destination (twice as many as named, so founders among them are
  // named too), then those events themselves: one LIMIT per destination, each walking its index newest
  // first (a window over the company's departures sorts all of them: 60 ms at 25,000).
  const newest = listed.length
    ? await client.$queryRaw<{ id: number }[]>(
        join(
          listed.map(
            (id, i) => sql`SELECT id FROM (SELECT e.id FROM "Event" e WHERE e."companyId" = ${companyId} AND e."destinationId" = ${id}
              AND e.kind = 'departed' AND e.status <> 'retracted' ORDER BY e."sortDate" DESC, e.id DESC LIMIT ${names * 2}) ${Prisma.raw(`d${i}`)}`,
          ),
          " UNION ALL ",
        ),
      )
    : [];
  const moves = newest.length
    ? (
        await client.$queryRaw<
          {
            id: number;
            destinationId: number;
            destinationRelation: string | null;
            dateText: string | null;
            status: string;
            name: string;
            slug: string;
          }[]
        >(sql`SELECT e."id", e."destinationId", CAST(e."destinationRelation" AS TEXT) AS "destinationRelation", e."dateText",
            CAST(e."status" AS TEXT) AS "status", p."name", p."slug"
          FROM "Event" e JOIN "Person" p ON p."id" = e."personId" WHERE e."id" ${inIds(
            client,
            newest.map((r) => Number(r.id)),
          )} ORDER BY e."sortDate" DESC, e."id" DESC`)
      ).map(({ name, slug, ...e }) => ({ ...e, id: Number(e.id), destinationId: Number(e.destinationId), person: { name, slug } }))
    : [];
  for (const { destinationId, destinationRelation, ...move } of moves) {
    const d = named.get(destinationId)!;
    const list = destinationRelation === "founded" ? d.founded : d.joined;
    if (list.length < names) list.push(move);
  }
  return {
    destinations,
    /** companies founded by alumni (those with the most founders, at most `destinations`), by name */
    founded,
    destinationCount: all.length,
    foundedCount: foundedAll.length,
    withDestination: all.reduce((sum, d) => sum + total(d), 0),
    unknown,
  };
}

export type AlumniNetwork = Awaited<ReturnType<typeof alumniNetwork>>;
