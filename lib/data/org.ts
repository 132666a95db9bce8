/**
 * The org chart's reads and its public JSON. Free of the app's client so the benchmark and tests can pass
 * their own; pages and routes call loadOrgChart, which loads lib/db.ts (server-only) when first used.
 */
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db-factory";
import { inIds } from "@/lib/db/id-list";
import { mayHold } from "./org-roster";
import { byTenureVersion } from "./tenure-memo";
import { fromColumns, OPEN_START, PRECISIONS, type PartialDate, type Precision } from "@/lib/domain/partial-date";
import type { EventKind, Manner } from "@/lib/domain/vocabulary";
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

const { sql, join, empty } = Prisma;
/** The change days' name in a company's tenure memo. */
export const CHANGE_DAYS = "changeDays";

/** Every day on which the company's chart can change (storedChangeDays' rule), read again only when its tenures changed. */
export function changeDaysOf(client: Db, companyId: number): Promise<string[]> {
  return byTenureVersion(client, companyId, CHANGE_DAYS, () => storedChangeDays(client, companyId));
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

/** The columns of a tenure drawn, as raw SQL returns them (ids may come back as bigint). */
interface PositionRow {
  id: number;
  personId: number;
  title: string | null;
  roleCategory: string | null;
  team: string | null;
  startText: string | null;
  startPrecision: string | null;
  startEarliest: string | null;
  startLatest: string | null;
  endText: string | null;
  endPrecision: string | null;
  endEarliest: string | null;
  endLatest: string | null;
  reportsToPersonId: number | null;
}

interface EventRow {
  id: number;
  personId: number;
  kind: string;
  manner: string | null;
  dateText: string | null;
  datePrecision: string | null;
  dateEarliest: string | null;
  dateLatest: string | null;
  destinationId: number | null;
  destinationRelation: string | null;
}

/** People or companies by id: what a chart names them by. */
async function namedById(client: Db, table: "Person" | "Company", ids: number[]): Promise<{ id: number; name: string; slug: string }[]> {
  if (ids.length === 0) return [];
  const rows = await client.$queryRaw<{ id: number; name: string; slug: string }[]>(
    sql`SELECT t."id", t."name", t."slug" FROM ${Prisma.raw(`"${table}"`)} t WHERE t."id" ${inIds(client, ids)}`,
  );
  return rows.map((r) => ({ id: Number(r.id), name: r.name, slug: r.slug }));
}

export interface ChartReadOptions {
  /** only these people's tenures (a large chart draws some of its people: lib/data/org-view.ts) */
  people?: number[];
  /** the company's change days, when the caller has read them already */
  changeDays?: string[];
  /** false: no sources (a large diff reads those of the changes it lists: readOrgSources) */
  sources?: boolean;
  /**
   * How to read the tenures drawn, their events, claims and names (and sources, when read): `read()` or a
   * result remembered for the same tenures (a large diff: lib/data/org-view.ts). The change days and the
   * count of undated movements are read apart, never remembered here.
   */
  remember?: (read: () => Promise<DrawnRows>) => Promise<DrawnRows>;
}

/** What a chart draws of its tenures: the part of OrgChartData read for the days and people asked. */
export type DrawnRows = Pick<OrgChartData, "positions" | "events" | "sources">;

async function readSources(client: Db, ids: number[]): Promise<OrgSource[]> {
  if (ids.length === 0) return [];
  const rows = await client.$queryRaw<OrgSource[]>(
    sql`SELECT s."id", s."title", s."publisher", s."language" FROM "Source" s WHERE s."id" ${inIds(client, ids)}`,
  );
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
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
 * and sources: a company's whole history is read only for its change days (one column). Flat raw
 * queries joined in memory, ids bound as one list (lib/db/id-list.ts): Prisma's nested includes cost 3–4x
 * more on a 10,000-position company, and its findMany by id 4–10x more than the same raw read (ADR 0092).
 */
export async function queryOrgChart(
  client: Db,
  slug: string,
  read: OrgRead = { mode: "all" },
  { people, changeDays: knownDays, sources = true, remember = (read) => read() }: ChartReadOptions = {},
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
  const drawn = await remember(() => readDrawn(client, companyId, days, people, sources));
  return { company, ...drawn, changeDays, undatedEventCount };
}

/** The company's tenures that may be held on `days` (every one: null), of `only` these people when given, with what they rest on. */
async function readDrawn(client: Db, companyId: number, days: string[] | null, only: number[] | undefined, withSources: boolean): Promise<DrawnRows> {
  // raw SQL, ids bound as one list (inIds): the client's findMany took 4–10x longer on a 1,700-person read
  const positions =
    days?.length === 0 || only?.length === 0
      ? []
      : await client.$queryRaw<PositionRow[]>(sql`
        SELECT p."id", p."personId", p."title", CAST(p."roleCategory" AS TEXT) AS "roleCategory", p."team",
          p."startText", CAST(p."startPrecision" AS TEXT) AS "startPrecision", p."startEarliest", p."startLatest",
          p."endText", CAST(p."endPrecision" AS TEXT) AS "endPrecision", p."endEarliest", p."endLatest", p."reportsToPersonId"
        FROM "Position" p
        -- the reporting structure: board seats are tenures of their own and not part of it
        WHERE p."companyId" = ${companyId} AND p."scope" = 'company'
          ${days ? sql`AND (${join(days.map(mayHold), " OR ")})` : empty} ${only ? sql`AND p."personId" ${inIds(client, only)}` : empty}
        ORDER BY p."id"`);
  const positionEvents = positions.length
    ? await client.$queryRaw<{ positionId: number; eventId: number }[]>(sql`
        SELECT pe."positionId", pe."eventId" FROM "PositionEvent" pe WHERE pe."positionId" ${inIds(
          client,
          positions.map((p) => Number(p.id)),
        )}
        ORDER BY pe."positionId", pe."eventId"`)
    : [];
  const eventsOf = new Map<number, number[]>();
  for (const row of positionEvents) {
    const id = Number(row.positionId);
    const list = eventsOf.get(id);
    if (list) list.push(Number(row.eventId));
    else eventsOf.set(id, [Number(row.eventId)]);
  }
  const eventIds = [...new Set(positionEvents.map((r) => Number(r.eventId)))].sort((a, b) => a - b);
  const [events, claims] = eventIds.length
    ? await Promise.all([
        client.$queryRaw<EventRow[]>(sql`
          SELECT e."id", e."personId", CAST(e."kind" AS TEXT) AS "kind", CAST(e."manner" AS TEXT) AS "manner", e."dateText",
            CAST(e."datePrecision" AS TEXT) AS "datePrecision", e."dateEarliest", e."dateLatest", e."destinationId",
            CAST(e."destinationRelation" AS TEXT) AS "destinationRelation"
          FROM "Event" e WHERE e."id" ${inIds(client, eventIds)} AND e."status" <> 'retracted' ORDER BY e."id"`),
        // the four columns drawn
        client.$queryRaw<{ id: number; eventId: number; sourceId: number; reportsToPersonId: number | null }[]>(sql`
          SELECT c."id", c."eventId", c."sourceId", c."reportsToPersonId" FROM "Claim" c
          WHERE c."eventId" ${inIds(client, eventIds)} AND c."state" = 'active' ORDER BY c."id"`),
      ])
    : [[], []];
  // the people holding positions here and the managers they are said to report to, by id
  const personIds = [
    ...new Set(positions.flatMap((p) => (p.reportsToPersonId === null ? [Number(p.personId)] : [Number(p.personId), Number(p.reportsToPersonId)]))),
  ];
  const destinationIds = [...new Set(events.flatMap((e) => (e.destinationId === null ? [] : [Number(e.destinationId)])))];
  const sourceIds = [...new Set(claims.map((c) => Number(c.sourceId)))];
  const [people, destinations, sources] = await Promise.all([
    namedById(client, "Person", personIds),
    namedById(client, "Company", destinationIds),
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
    positions: positions.map((p) => {
      const id = Number(p.id);
      return {
        id,
        person: personById.get(Number(p.personId))!,
        title: p.title,
        roleCategory: p.roleCategory,
        team: p.team,
        start: dateOf(p.startText, p.startPrecision, p.startEarliest, p.startLatest),
        end: dateOf(p.endText, p.endPrecision, p.endEarliest, p.endLatest),
        reportsTo: p.reportsToPersonId === null ? null : (personById.get(Number(p.reportsToPersonId)) ?? null),
        eventIds: eventsOf.get(id) ?? [],
      };
    }),
    events: events.map((e) => {
      const id = Number(e.id);
      const destination = e.destinationId === null ? undefined : destinationById.get(Number(e.destinationId));
      return {
        id,
        personId: Number(e.personId),
        kind: e.kind as EventKind,
        manner: e.manner as Manner | null,
        date: dateOf(e.dateText, e.datePrecision, e.dateEarliest, e.dateLatest),
        destination: destination ? { name: destination.name, slug: destination.slug, relation: e.destinationRelation } : null,
        reportsToPersonId: managerByEvent.get(id) ?? null,
        claims: claimsByEvent.get(id) ?? [],
      };
    }),
    sources: new Map(sources.map((s) => [s.id, s] as const)),
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
