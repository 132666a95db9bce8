/**
 * The org chart's reads and its public JSON. Free of the app's client so the benchmark and tests can pass
 * their own; pages and routes call loadOrgChart, which loads lib/db.ts (server-only) when first used.
 */
import { Prisma } from "@/generated/prisma/client";
import { providerOf, type Db } from "@/lib/db-factory";
import { fromColumns, OPEN_START, PRECISIONS, type PartialDate, type Precision } from "@/lib/domain/partial-date";
import type { EventKind } from "@/lib/domain/vocabulary";
import {
  daysDrawn,
  LEAVE_KINDS,
  type NodeClaim,
  type OrgChange,
  type OrgChartQuery,
  type OrgDiff,
  type OrgEvent,
  type OrgNode,
  type OrgPosition,
  type OrgSnapshot,
} from "@/lib/domain/org-chart";

/** A stored partial date from its columns, without re-parsing the text (parsed when a column looks off). */
function dateOf(text: string | null, precision: string | null, earliest: string | null, latest: string | null): PartialDate | null {
  if (!text) return null;
  if (!earliest || !latest || !PRECISIONS.includes(precision as Precision)) return fromColumns(text);
  return { text, precision: precision as Precision, earliest, latest };
}

export interface OrgSource {
  id: number;
  title: string;
  publisher: string | null;
  language: string;
}

export interface OrgChartData {
  company: { id: number; name: string; slug: string };
  /** the tenures that may be held on the days read (every tenure when all were read) */
  positions: OrgPosition[];
  /** the events those tenures rest on */
  events: OrgEvent[];
  sources: Map<number, OrgSource>;
  /** every day on which the company's chart can change, ascending (the timeline's stops) */
  changeDays: string[];
  /** the movements with no date at all: they cannot be placed on a chart, so the page says how many */
  undatedEventCount: number;
}

/**
 * What to read: the tenures of the days a chart draws (`daysDrawn`), no tenure at all (only the change
 * days, for the timeline), or every tenure (tests and the benchmark's comparisons).
 */
export type OrgRead = OrgChartQuery | { mode: "days" } | { mode: "all" };

const { sql, join } = Prisma;
/** Ids per IN list: under the bound parameter limit Prisma enforces for SQLite (999); PostgreSQL takes 32,767. */
const IN_CHUNK = { sqlite: 900, postgresql: 20_000 } as const;

async function inChunks<T>(client: Db, ids: number[], read: (chunk: number[]) => Promise<T[]>): Promise<T[]> {
  const size = IN_CHUNK[providerOf(client)];
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += size) out.push(...(await read(ids.slice(i, i + size))));
  return out;
}

/**
 * The change days of each company read lately, per client, with the version of the company's tenures
 * they were read at: COUNT and MAX(id) of its Position rows. That pair changes on every write that can
 * move a stop, because tenures are never updated in place: every write that touches a company's events
 * (a claim, a retraction, a merge, an undo, an import) rebuilds the tenures of each (person, company) it
 * touches by deleting them and inserting new rows (lib/ingest/recompute-event.ts rebuildPositionsOf), new
 * ids only grow, and every leave or return that is not retracted lies on one of them (derivePositions).
 * A deletion alone lowers the count. So an equal pair means the very same rows: the days read then are
 * still the days. tests/unit/org-change-days.test.ts checks this after each kind of write.
 */
const changeDaysSeen = new WeakMap<Db, Map<number, { version: string; days: string[] }>>();
/** Companies remembered per client (the oldest read is forgotten first). */
const CHANGE_DAYS_KEPT = 500;

/** Every day on which the company's chart can change (storedChangeDays' rule), read again only when its tenures changed. */
export async function changeDaysOf(client: Db, companyId: number): Promise<string[]> {
  const [row] = await client.$queryRaw<{ n: bigint | number; m: bigint | number | null }[]>(
    sql`SELECT COUNT(*) AS n, MAX("id") AS m FROM "Position" WHERE "companyId" = ${companyId}`,
  );
  const version = `${row?.n ?? 0}:${row?.m ?? ""}`;
  let seen = changeDaysSeen.get(client);
  if (!seen) changeDaysSeen.set(client, (seen = new Map()));
  const hit = seen.get(companyId);
  if (hit?.version === version) return hit.days;
  const days = await storedChangeDays(client, companyId);
  seen.delete(companyId);
  seen.set(companyId, { version, days });
  if (seen.size > CHANGE_DAYS_KEPT) seen.delete(seen.keys().next().value!);
  return days;
}

/**
 * Every day on which the chart can change: each bound of each company tenure, and of every leave and
 * return (a stop on the timeline whether or not a tenure rests on it), from the stored date columns.
 */
export async function storedChangeDays(client: Db, companyId: number): Promise<string[]> {
  const tenure = (column: string, text: string) =>
    sql`SELECT ${Prisma.raw(`"${column}"`)} AS d FROM "Position" WHERE "companyId" = ${companyId} AND "scope" = 'company' AND ${Prisma.raw(`"${text}"`)} IS NOT NULL`;
  // sortDate is the event's earliest day ("" when undated): both columns are in the company's browse index
  const stop = (column: string) =>
    sql`SELECT ${Prisma.raw(`"${column}"`)} AS d FROM "Event" WHERE "companyId" = ${companyId} AND "kind" IN (${join(LEAVE_KINDS)})
      AND "status" <> 'retracted' AND "sortDate" <> ''`;
  const rows = await client.$queryRaw<{ d: string | null }[]>(
    sql`SELECT DISTINCT d FROM (${join(
      [
        tenure("startEarliest", "startText"),
        tenure("startLatest", "startText"),
        tenure("endEarliest", "endText"),
        tenure("endLatest", "endText"),
        stop("sortDate"),
        stop("dateLatest"),
      ],
      " UNION ALL ",
    )}) days WHERE d IS NOT NULL`,
  );
  // "by 2021" has no lower bound: its stand-in first day is no day the chart changes on
  return rows
    .map((r) => r.d!)
    .filter((d) => d !== OPEN_START)
    .sort();
}

/** Tenures that may be held on `day` (the test snapshot() makes, widened where a date column is missing). */
const mayHoldOn = (day: string): Prisma.PositionWhereInput => ({
  AND: [
    { OR: [{ startText: null }, { startEarliest: null }, { startEarliest: { lte: day } }] },
    { OR: [{ endText: null }, { endLatest: null }, { endLatest: { gt: day } }] },
  ],
});

export interface ChartReadOptions {
  /** only these people's tenures (a large chart draws some of its people: lib/data/org-view.ts) */
  people?: number[];
  /** the company's change days, when the caller has read them already */
  changeDays?: string[];
  /** false: no sources (a large diff reads those of the changes it lists: readOrgSources) */
  sources?: boolean;
}

function readSources(client: Db, ids: number[]): Promise<OrgSource[]> {
  return inChunks(client, ids, (chunk) =>
    client.source.findMany({ where: { id: { in: chunk } }, select: { id: true, title: true, publisher: true, language: true } }),
  );
}

/** The sources of these claims, for the evidence links of what a page lists. */
export async function readOrgSources(client: Db, claims: { sourceId: number }[]): Promise<Map<number, OrgSource>> {
  const ids = [...new Set(claims.map((c) => c.sourceId))];
  return new Map((await readSources(client, ids)).map((s) => [s.id, s] as const));
}

export async function loadOrgSources(claims: { sourceId: number }[]): Promise<Map<number, OrgSource>> {
  const { db } = await import("@/lib/db");
  return readOrgSources(db, claims);
}

/**
 * What the chart of one company draws, for the days asked; null when there is no such company. Only the
 * tenures that may be held on those days are read, with the events they rest on and those events' claims
 * and sources: a company's whole history is read only for its change days (one column). Flat queries
 * joined in memory: Prisma's nested includes cost 3–4x more on a 10,000-position company (scripts/bench/org-chart.ts).
 */
export async function queryOrgChart(
  client: Db,
  slug: string,
  read: OrgRead = { mode: "all" },
  { people: only, changeDays: knownDays, sources: withSources = true }: ChartReadOptions = {},
): Promise<OrgChartData | null> {
  const company = await client.company.findUnique({ where: { slug }, select: { id: true, name: true, slug: true } });
  if (!company) return null;
  const companyId = company.id;
  const [changeDays, undatedEventCount] = await Promise.all([
    knownDays ?? changeDaysOf(client, companyId),
    // movements with no date, counted on the company's browse index (sortDate is "" exactly when undated)
    client.event.count({ where: { companyId, status: { not: "retracted" }, sortDate: "" } }),
  ]);
  const days = read.mode === "all" ? null : read.mode === "days" ? [] : daysDrawn(read, changeDays);
  const readPositions = (personIds?: number[]) =>
    client.position.findMany({
      // the reporting structure: board seats are tenures of their own and not part of it
      where: { companyId, scope: "company", ...(days ? { OR: days.map(mayHoldOn) } : {}), ...(personIds ? { personId: { in: personIds } } : {}) },
      select: {
        id: true,
        personId: true,
        title: true,
        roleCategory: true,
        team: true,
        startText: true,
        startPrecision: true,
        startEarliest: true,
        startLatest: true,
        endText: true,
        endPrecision: true,
        endEarliest: true,
        endLatest: true,
        reportsToPersonId: true,
        events: { select: { eventId: true }, orderBy: { eventId: "asc" } },
      },
      orderBy: { id: "asc" },
    });
  const positions =
    days?.length === 0 || only?.length === 0
      ? []
      : only
        ? (await inChunks(client, only, readPositions)).sort((a, b) => a.id - b.id)
        : await readPositions();
  const eventIds = [...new Set(positions.flatMap((p) => p.events.map((e) => e.eventId)))].sort((a, b) => a - b);
  const [events, claims] = await Promise.all([
    inChunks(client, eventIds, (ids) =>
      client.event.findMany({
        where: { id: { in: ids }, status: { not: "retracted" } },
        select: {
          id: true,
          personId: true,
          kind: true,
          manner: true,
          dateText: true,
          datePrecision: true,
          dateEarliest: true,
          dateLatest: true,
          destinationId: true,
          destinationRelation: true,
        },
      }),
    ),
    // the four columns drawn (a relation filter through Prisma reads every claim's row)
    inChunks(
      client,
      eventIds,
      (ids) =>
        client.$queryRaw<{ id: number; eventId: number; sourceId: number; reportsToPersonId: number | null }[]>`
        SELECT c.id, c."eventId", c."sourceId", c."reportsToPersonId" FROM "Claim" c
        WHERE c."eventId" IN (${join(ids)}) AND c.state = 'active' ORDER BY c.id`,
    ),
  ]);
  // the people holding positions here and the managers they are said to report to, by id
  const personIds = [...new Set(positions.flatMap((p) => (p.reportsToPersonId === null ? [p.personId] : [p.personId, p.reportsToPersonId])))];
  const destinationIds = [...new Set(events.map((e) => e.destinationId).filter((id): id is number => id !== null))];
  const sourceIds = [...new Set(claims.map((c) => Number(c.sourceId)))];
  const [people, destinations, sources] = await Promise.all([
    inChunks(client, personIds, (ids) => client.person.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, slug: true } })),
    inChunks(client, destinationIds, (ids) => client.company.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, slug: true } })),
    withSources ? readSources(client, sourceIds) : [],
  ]);

  const personById = new Map(people.map((p) => [p.id, p]));
  const destinationById = new Map(destinations.map((d) => [d.id, d]));
  const claimsByEvent = new Map<number, { id: number; sourceId: number }[]>();
  // the manager an event names: its latest claim that names one (as rebuildPositions reads it)
  const managerByEvent = new Map<number, number>();
  for (const row of claims) {
    const c = {
      id: Number(row.id),
      eventId: Number(row.eventId),
      sourceId: Number(row.sourceId),
      reportsToPersonId: row.reportsToPersonId === null ? null : Number(row.reportsToPersonId),
    };
    if (c.reportsToPersonId !== null) managerByEvent.set(c.eventId, c.reportsToPersonId);
    const list = claimsByEvent.get(c.eventId);
    const ref = { id: c.id, sourceId: c.sourceId };
    if (list) list.push(ref);
    else claimsByEvent.set(c.eventId, [ref]);
  }
  return {
    company,
    positions: positions.map((p) => ({
      id: p.id,
      person: personById.get(p.personId)!,
      title: p.title,
      roleCategory: p.roleCategory,
      team: p.team,
      start: dateOf(p.startText, p.startPrecision, p.startEarliest, p.startLatest),
      end: dateOf(p.endText, p.endPrecision, p.endEarliest, p.endLatest),
      reportsTo: p.reportsToPersonId === null ? null : (personById.get(p.reportsToPersonId) ?? null),
      eventIds: p.events.map((e) => e.eventId),
    })),
    events: events.map((e) => {
      const destination = e.destinationId === null ? undefined : destinationById.get(e.destinationId);
      return {
        id: e.id,
        personId: e.personId,
        kind: e.kind as EventKind,
        manner: e.manner,
        date: dateOf(e.dateText, e.datePrecision, e.dateEarliest, e.dateLatest),
        destination: destination ? { name: destination.name, slug: destination.slug, relation: e.destinationRelation } : null,
        reportsToPersonId: managerByEvent.get(e.id) ?? null,
        claims: claimsByEvent.get(e.id) ?? [],
      };
    }),
    sources: new Map(sources.map((s) => [s.id, s] as const)),
    changeDays,
    undatedEventCount,
  };
}

export async function loadOrgChart(slug: string, read: OrgRead): Promise<OrgChartData | null> {
  const { db } = await import("@/lib/db");
  return queryOrgChart(db, slug, read);
}

// ---------------------------------------------------------------------------------------------------
// The public JSON shapes (GET /api/companies/[slug]/org and /org/diff)

const dateJson = (d: PartialDate | null) => (d ? { text: d.text, precision: d.precision, earliest: d.earliest, latest: d.latest } : null);
const personJson = (p: { id: number; name: string; slug: string } | null) => (p ? { id: p.id, name: p.name, slug: p.slug } : null);

function claimsJson(claims: NodeClaim[], sources: Map<number, OrgSource>) {
  return claims.map((c) => {
    const s = sources.get(c.sourceId);
    return {
      id: c.id,
      event: { id: c.eventId, url: `/events/${c.eventId}` },
      source: {
        id: c.sourceId,
        url: `/sources/${c.sourceId}`,
        title: s?.title ?? null,
        publisher: s?.publisher ?? null,
        language: s?.language ?? null,
      },
    };
  });
}

export function nodeJson(n: OrgNode, sources: Map<number, OrgSource>) {
  return {
    person: personJson(n.person)!,
    title: n.title,
    roleCategory: n.roleCategory,
    team: n.team,
    reportsTo: personJson(n.reportsTo),
    statedManager: personJson(n.statedManager),
    onLeave: n.onLeave,
    leave: n.leave ? { since: dateJson(n.leave.since), certain: n.leave.certain } : null,
    since: dateJson(n.since),
    start: n.start,
    end: n.end,
    until: dateJson(n.until),
    tenureDays: n.tenure,
    otherTitles: n.otherTitles,
    earlierMayRun: n.earlierMayRun,
    claims: claimsJson(n.claims, sources),
  };
}

export function snapshotJson(data: OrgChartData, s: OrgSnapshot) {
  return {
    company: { name: data.company.name, slug: data.company.slug },
    at: s.at,
    previousChange: s.previousChange,
    nextChange: s.nextChange,
    nodes: s.nodes.map((n) => nodeJson(n, data.sources)),
  };
}

function changeJson(c: OrgChange, sources: Map<number, OrgSource>) {
  const role = (r: OrgChange["before"]) => (r ? { title: r.title, manager: personJson(r.manager) } : null);
  return {
    kind: c.kind,
    person: personJson(c.person)!,
    certain: c.certain,
    exit: c.exit,
    date: dateJson(c.date),
    before: role(c.before),
    after: role(c.after),
    destination: c.destination,
    events: c.eventIds.map((id) => ({ id, url: `/events/${id}` })),
    claims: claimsJson(c.claims, sources),
  };
}

export function diffJson(data: OrgChartData, d: OrgDiff) {
  return {
    company: { name: data.company.name, slug: data.company.slug },
    from: d.from,
    to: d.to,
    changes: d.changes.map((c) => changeJson(c, data.sources)),
  };
}

export type SnapshotJson = ReturnType<typeof snapshotJson>;
export type DiffJson = ReturnType<typeof diffJson>;
