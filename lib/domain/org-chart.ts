/**
 * The organization on a given day, and what changed between two days: pure functions of the derived
 * positions (lib/domain/positions.ts) and their events, so the page, the API, the SVG export and the
 * benchmark compute the same thing. See docs/decisions/0030-org-chart-snapshots.md.
 *
 * Dates are partial, so presence on a day has three answers, never a guess:
 *  - a tenure has certainly started on `at` when at >= start.latest, may have started when
 *    start.earliest <= at < start.latest, and has a start we know nothing about when start is null;
 *  - it has certainly ended when at >= end.latest (the end day itself counts as gone), and may have
 *    ended when end.earliest <= at < end.latest.
 */
import { compareDates, OPEN_START, type PartialDate } from "./partial-date";
import type { EventKind, Manner } from "./vocabulary";

export interface OrgPerson {
  id: number;
  name: string;
  slug: string;
}

export interface OrgPosition {
  id: number;
  person: OrgPerson;
  title: string | null;
  roleCategory: string | null;
  team: string | null;
  start: PartialDate | null;
  end: PartialDate | null;
  /** the manager a source names: a person, placed at whatever position they hold on the day */
  reportsTo: OrgPerson | null;
  /** events the position rests on, opening event first (derivePositions' order) */
  eventIds: number[];
}

export interface OrgClaimRef {
  id: number;
  sourceId: number;
}

export interface OrgEvent {
  id: number;
  personId: number;
  kind: EventKind;
  /** a departure's manner: the chart says "fired" where the sources do */
  manner?: Manner | null;
  date: PartialDate | null;
  destination: { name: string; slug: string; relation: string | null } | null;
  /** the manager its claims name, if any: the evidence for a reporting line */
  reportsToPersonId?: number | null;
  /** active claims only */
  claims: OrgClaimRef[];
}

/** known: certainly started; uncertain: the start's interval contains the day; unknown: no start on record */
export type StartState = "known" | "uncertain" | "unknown";
/** open: no end yet on the day; uncertain: the end's interval contains the day */
export type EndState = "open" | "uncertain";

export interface OrgLeave {
  since: PartialDate;
  /** false while the leave's start or a later return is only known to an interval containing the day */
  certain: boolean;
  eventIds: number[];
}

export interface NodeClaim {
  id: number;
  eventId: number;
  sourceId: number;
}

export interface OrgNode {
  positionId: number;
  person: OrgPerson;
  title: string | null;
  roleCategory: string | null;
  team: string | null;
  /** the manager's person when they are in the chart on the day; null: grouped under the company */
  reportsTo: OrgPerson | null;
  /** the manager a source names, whether or not they are in the chart on the day */
  statedManager: OrgPerson | null;
  since: PartialDate | null;
  start: StartState;
  end: EndState;
  /** the end, only when the day falls inside its interval ("may have left") */
  until: PartialDate | null;
  /** tenure so far in days, as an interval because the start may be imprecise; null when the start is unknown */
  tenure: { minDays: number; maxDays: number } | null;
  leave: OrgLeave | null;
  /** certainly on leave on the day */
  onLeave: boolean;
  /** titles of other positions the person may hold on the day (a change dated only to a month) */
  otherTitles: string[];
  /** an earlier tenure (same title or not) may still run on the day: fired and rehired in the same month */
  earlierMayRun: boolean;
  eventIds: number[];
  claims: NodeClaim[];
}

export interface OrgSnapshot {
  at: string;
  nodes: OrgNode[];
  /** the nearest days before and after `at` on which the chart can change */
  previousChange: string | null;
  nextChange: string | null;
  /** lookups for diff() */
  positions: ReadonlyMap<number, OrgPosition>;
  events: ReadonlyMap<number, OrgEvent>;
  positionsByPerson: ReadonlyMap<number, OrgPosition[]>;
}

const DAY_MS = 86_400_000;
/** Code-unit order: deterministic and fast enough for 10,000 names (a locale collator is 10x slower). */
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
// ISO day → day number, memoized: a dataset has a few thousand distinct days and Date.parse is the slow part
const dayNumbers = new Map<string, number>();
function dayNumber(iso: string): number {
  let n = dayNumbers.get(iso);
  if (n === undefined) {
    n = Math.round(Date.parse(iso) / DAY_MS);
    if (dayNumbers.size > 100_000) dayNumbers.clear();
    dayNumbers.set(iso, n);
  }
  return n;
}
const days = (from: string, to: string) => dayNumber(to) - dayNumber(from);

/** Where a tenure stands on `at`; null when it certainly has not started or has certainly ended. */
export function positionStateAt(p: Pick<OrgPosition, "start" | "end">, at: string): { start: StartState; end: EndState } | null {
  if (p.start && at < p.start.earliest) return null;
  if (p.end && at >= p.end.latest) return null;
  return {
    start: !p.start ? "unknown" : at >= p.start.latest ? "known" : "uncertain",
    end: p.end && at >= p.end.earliest ? "uncertain" : "open",
  };
}

/** Leaves and returns: stops on the timeline whether or not a tenure rests on them. */
export const LEAVE_KINDS: EventKind[] = ["leave_started", "returned"];
const EXIT_KINDS: EventKind[] = ["departed"];
const FIRED: (Manner | null | undefined)[] = ["fired", "removed_by_board"];
/** How the chart words an exit: "fired" when the departure's manner is a firing or removal. */
const exitWord = (e: OrgEvent): "departed" | "fired" => (FIRED.includes(e.manner) ? "fired" : "departed");

function eventsOf(p: OrgPosition, events: ReadonlyMap<number, OrgEvent>): OrgEvent[] {
  const out: OrgEvent[] = [];
  for (const id of p.eventIds) {
    const e = events.get(id);
    if (e) out.push(e);
  }
  return out;
}

/**
 * A leave_started with no later return on the day; a return known only to an interval leaves it uncertain.
 * `leaveEvents` are in date order (indexOrg sorts them).
 */
export function leaveAt(leaveEvents: OrgEvent[], at: string): OrgLeave | null {
  let leave = null as OrgLeave | null;
  for (const e of leaveEvents) {
    const date = e.date;
    if (!date || !LEAVE_KINDS.includes(e.kind) || date.earliest > at) continue;
    if (e.kind === "leave_started") leave = { since: date, certain: date.latest <= at, eventIds: [e.id] };
    else if (leave) leave = date.latest <= at ? null : { ...leave, certain: false, eventIds: [...leave.eventIds, e.id] };
  }
  return leave;
}

/** The event that opened a tenure (null for a tenure whose start is unknown). */
export function openingEvent(p: OrgPosition, events: ReadonlyMap<number, OrgEvent>): OrgEvent | null {
  if (!p.start) return null;
  const first = events.get(p.eventIds[0]);
  return first && !EXIT_KINDS.includes(first.kind) && first.kind !== "leave_started" ? first : null;
}

/** The departure or firing that closed a tenure, if it was closed by one (not by a change of title). */
export function exitEvent(p: OrgPosition, events: ReadonlyMap<number, OrgEvent>): OrgEvent | null {
  if (!p.end) return null;
  for (let i = p.eventIds.length - 1; i >= 0; i--) {
    const e = events.get(p.eventIds[i]);
    if (e && EXIT_KINDS.includes(e.kind)) return e;
  }
  return null;
}

function claimsOf(eventIds: number[], events: ReadonlyMap<number, OrgEvent>): NodeClaim[] {
  const out: NodeClaim[] = [];
  for (const id of eventIds) for (const c of events.get(id)?.claims ?? []) out.push({ id: c.id, eventId: id, sourceId: c.sourceId });
  return out;
}

/**
 * Nodes and changes list their claims when read: most callers (a diff, the drawing) never read every
 * node's. A prototype getter keeps construction on V8's fast path (an object literal with a getter is not).
 */
function withClaims<T extends { eventIds: number[] }>(fields: T, events: ReadonlyMap<number, OrgEvent>): T & { readonly claims: NodeClaim[] } {
  return new ClaimsOf(fields, events) as unknown as T & { readonly claims: NodeClaim[] };
}
class ClaimsOf {
  constructor(fields: object, events: ReadonlyMap<number, OrgEvent>) {
    Object.assign(this, fields);
    Object.defineProperty(this, "events", { value: events, enumerable: false });
  }
  get claims(): NodeClaim[] {
    const self = this as unknown as { eventIds: number[]; events: ReadonlyMap<number, OrgEvent> };
    return claimsOf(self.eventIds, self.events);
  }
}

/** The days on which a chart can change: each bound of each tenure, leave and return; sorted, unique. */
function changeDaysOf(positions: OrgPosition[], events: Iterable<OrgEvent>): string[] {
  // dedupe before sorting: 10,000 tenures have ~40,000 bounds but only a few thousand distinct days
  const days = new Set<string>();
  for (const p of positions) {
    if (p.start) days.add(p.start.earliest).add(p.start.latest);
    if (p.end) days.add(p.end.earliest).add(p.end.latest);
  }
  for (const e of events) if (e.date && LEAVE_KINDS.includes(e.kind)) days.add(e.date.earliest).add(e.date.latest);
  // "by 2021" has no lower bound: its stand-in first day is no day the chart changes on
  days.delete(OPEN_START);
  return [...days].sort();
}

/** Every day on which the chart can change, ascending: the stops of the timeline slider. */
export function changeDates(positions: OrgPosition[], events: OrgEvent[]): string[] {
  return changeDaysOf(positions, events);
}

/** The index of the last of the sorted `days` on or before `at`; -1 when `at` is before them all (binary search). */
export function lastOnOrBefore(days: readonly string[], at: string): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid] <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The last change day on or before `at` (the step the timeline sits on), or null before the first. */
export function stepDayOf(changeDays: string[], at: string): string | null {
  const i = lastOnOrBefore(changeDays, at);
  return i >= 0 ? changeDays[i] : null;
}

export const dayBefore = (iso: string) => new Date(Date.parse(iso) - DAY_MS).toISOString().slice(0, 10);

/** A chart at one day, or the changes between two. */
export type OrgChartQuery = { mode: "snapshot"; at: string } | { mode: "diff"; from: string; to: string };

/**
 * The days whose snapshots a chart computes: a diff's two ends; a snapshot's day and the day before its
 * step (what the step changed is the diff of the two: components/org/step-summary.ts).
 */
export function daysDrawn(query: OrgChartQuery, changeDays: string[]): string[] {
  if (query.mode === "diff") return [query.from, query.to];
  const step = stepDayOf(changeDays, query.at);
  return step ? [query.at, dayBefore(step)] : [query.at];
}

/** The nearest change days strictly before and after `at` (binary search). */
function neighbours(days: string[], at: string): { previous: string | null; next: string | null } {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid] < at) lo = mid + 1;
    else hi = mid;
  }
  const next = days[lo] === at ? days[lo + 1] : days[lo];
  return { previous: lo > 0 ? days[lo - 1] : null, next: next ?? null };
}

/** Chosen tenure first: the most recently started one the person may hold on the day. */
function newestFirst(a: OrgPosition, b: OrgPosition) {
  const sa = a.start?.earliest ?? "";
  const sb = b.start?.earliest ?? "";
  return sa !== sb ? (sa < sb ? 1 : -1) : b.id - a.id;
}

/** Drop manager links that would make a loop (A reports to B reports to A): the node is grouped under the company. */
function breakCycles(nodes: OrgNode[], indexOf: Map<number, number>) {
  const state = new Uint8Array(nodes.length); // 0: not seen, 1: on the current path, 2: done
  const path: number[] = [];
  for (let start = 0; start < nodes.length; start++) {
    path.length = 0;
    let i = start;
    while (i >= 0 && state[i] === 0) {
      state[i] = 1;
      path.push(i);
      const n = nodes[i];
      const next = n.reportsTo ? (indexOf.get(n.reportsTo.id) ?? -1) : -1;
      if (next >= 0 && state[next] === 1) {
        n.reportsTo = null;
        break;
      }
      i = next;
    }
    for (const j of path) state[j] = 2;
  }
}

export interface OrgIndex {
  positions: Map<number, OrgPosition>;
  events: Map<number, OrgEvent>;
  /** each person's tenures, people in name order */
  positionsByPerson: Map<number, OrgPosition[]>;
  /** leave and return events of the tenures that have any, in date order */
  leaveEvents: Map<number, OrgEvent[]>;
  changeDays: string[];
}

/**
 * Lookups shared by snapshots of the same data (a diff computes two; the benchmark many). `changeDays`,
 * when given, are the company's change days read apart (lib/data/org.ts reads only the tenures of the days
 * drawn, so their own bounds are not all the stops); else they come from `positions` and `events`.
 */
export function indexOrg(positions: OrgPosition[], events: OrgEvent[], givenDays?: string[]): OrgIndex {
  const eventMap = new Map<number, OrgEvent>();
  for (const e of events) eventMap.set(e.id, e);
  const positionMap = new Map<number, OrgPosition>();
  const grouped = new Map<number, OrgPosition[]>();
  const leaveEvents = new Map<number, OrgEvent[]>();
  for (const p of positions) {
    positionMap.set(p.id, p);
    const list = grouped.get(p.person.id);
    if (list) list.push(p);
    else grouped.set(p.person.id, [p]);
    let leaves: OrgEvent[] | null = null;
    for (const id of p.eventIds) {
      const e = eventMap.get(id);
      if (e?.date && LEAVE_KINDS.includes(e.kind)) (leaves ??= []).push(e);
    }
    if (leaves)
      leaveEvents.set(
        p.id,
        leaves.sort((a, b) => compareDates(a.date, b.date) || a.id - b.id),
      );
  }
  // people in name order once per dataset, so every snapshot's nodes come out sorted
  const people = [...grouped.values()].sort((a, b) => byName(a[0].person.name, b[0].person.name) || a[0].person.id - b[0].person.id);
  const positionsByPerson = new Map(people.map((list) => [list[0].person.id, list]));
  return { positions: positionMap, events: eventMap, positionsByPerson, leaveEvents, changeDays: givenDays ?? changeDaysOf(positions, events) };
}

/** The chart on `at` (an ISO day): one node per person who holds, or may hold, a position that day. */
export function snapshot(positions: OrgPosition[] | OrgIndex, events: OrgEvent[] | null, at: string): OrgSnapshot {
  const index = Array.isArray(positions) ? indexOrg(positions, events ?? []) : positions;
  const nodes: OrgNode[] = [];
  const indexOf = new Map<number, number>();

  for (const list of index.positionsByPerson.values()) {
    // the most recently started tenure the person may hold on the day; the others they may hold, by title
    let p: OrgPosition | null = null;
    let others: OrgPosition[] | null = null;
    for (const candidate of list) {
      // inline positionStateAt's "not there" test: this loop runs 10,000 times per snapshot
      if ((candidate.start && at < candidate.start.earliest) || (candidate.end && at >= candidate.end.latest)) continue;
      if (p && newestFirst(candidate, p) > 0) (others ??= []).push(candidate);
      else {
        if (p) (others ??= []).push(p);
        p = candidate;
      }
    }
    if (!p) continue;
    const state = positionStateAt(p, at)!;
    const leaveEvents = index.leaveEvents.get(p.id);
    const leave = leaveEvents ? leaveAt(leaveEvents, at) : null;
    const node: OrgNode = withClaims(
      {
        positionId: p.id,
        person: p.person,
        title: p.title,
        roleCategory: p.roleCategory,
        team: p.team,
        reportsTo: p.reportsTo && p.reportsTo.id !== p.person.id ? p.reportsTo : null,
        statedManager: p.reportsTo,
        since: p.start,
        start: state.start,
        end: state.end,
        until: state.end === "uncertain" ? p.end : null,
        tenure: p.start ? { minDays: Math.max(0, days(p.start.latest, at)), maxDays: days(p.start.earliest, at) } : null,
        leave,
        onLeave: leave?.certain ?? false,
        otherTitles: others ? [...new Set(others.map((o) => o.title).filter((t): t is string => !!t && t !== p.title))] : [],
        earlierMayRun: others !== null,
        eventIds: p.eventIds,
      },
      index.events,
    );
    nodes.push(node);
  }

  nodes.forEach((n, i) => indexOf.set(n.person.id, i));
  // Resolve the named manager to the manager's node on this day; absent managers send reports to the company.
  for (const n of nodes) if (n.reportsTo && !indexOf.has(n.reportsTo.id)) n.reportsTo = null;
  breakCycles(nodes, indexOf);

  const { previous, next } = neighbours(index.changeDays, at);
  return {
    at,
    nodes,
    previousChange: previous,
    nextChange: next,
    positions: index.positions,
    events: index.events,
    positionsByPerson: index.positionsByPerson,
  };
}

// ---------------------------------------------------------------------------------------------------
// Diff

export const ORG_CHANGE_KINDS = ["departed", "joined", "returned", "title_changed", "manager_changed", "leave_started", "leave_ended"] as const;
export type OrgChangeKind = (typeof ORG_CHANGE_KINDS)[number];

export interface OrgRoleAt {
  title: string | null;
  manager: OrgPerson | null;
}

export interface OrgChange {
  kind: OrgChangeKind;
  person: OrgPerson;
  /** false when the dates only allow "may have": the change may fall outside the two days, or not have happened yet */
  certain: boolean;
  /** for departures and returns: whether the sources call the exit a firing */
  exit: "departed" | "fired" | null;
  /** when it happened, as precisely as the evidence says */
  date: PartialDate | null;
  before: OrgRoleAt | null;
  after: OrgRoleAt | null;
  /** where a departing person went */
  destination: OrgEvent["destination"];
  eventIds: number[];
  claims: NodeClaim[];
}

export interface OrgDiff {
  from: string;
  to: string;
  changes: OrgChange[];
}

const roleAt = (n: OrgNode): OrgRoleAt => ({ title: n.title, manager: n.reportsTo });

/** The person's latest departure or firing that may have happened by `at`. */
function lastExit(list: OrgPosition[], events: ReadonlyMap<number, OrgEvent>, at: string): OrgEvent | null {
  let found: OrgEvent | null = null;
  for (const p of list) {
    const e = exitEvent(p, events);
    if (e?.date && e.date.earliest <= at && (!found || compareDates(found.date, e.date) < 0)) found = e;
  }
  return found;
}

function change(
  kind: OrgChangeKind,
  person: OrgPerson,
  events: ReadonlyMap<number, OrgEvent>,
  fields: Partial<Omit<OrgChange, "kind" | "person" | "claims">>,
): OrgChange {
  const eventIds = [...new Set(fields.eventIds ?? [])];
  return withClaims(
    {
      kind,
      person,
      certain: fields.certain ?? true,
      exit: fields.exit ?? null,
      date: fields.date ?? null,
      before: fields.before ?? null,
      after: fields.after ?? null,
      destination: fields.destination ?? null,
      eventIds,
    },
    events,
  );
}

function departure(f: OrgNode, to: OrgSnapshot, certain: boolean): OrgChange {
  const exit = lastExit(to.positionsByPerson.get(f.person.id) ?? [], to.events, to.at);
  return change("departed", f.person, to.events, {
    certain,
    exit: exit ? exitWord(exit) : null,
    date: exit?.date ?? to.positions.get(f.positionId)?.end ?? null,
    before: roleAt(f),
    destination: exit?.destination ?? null,
    eventIds: exit ? [exit.id] : f.eventIds,
  });
}

function arrival(t: OrgNode, to: OrgSnapshot, certain: boolean): OrgChange {
  const p = to.positions.get(t.positionId)!;
  const opening = openingEvent(p, to.events);
  // A tenure opened by a change of title means the person was there before in a role we have no dates for.
  const kind: OrgChangeKind = opening?.kind === "returned" ? "returned" : opening?.kind === "role_changed" ? "title_changed" : "joined";
  return change(kind, t.person, to.events, { certain, date: t.since, after: roleAt(t), eventIds: opening ? [opening.id] : t.eventIds });
}

/** Returns after a leave began, up to `at`, across the person's tenures (a return may come with a new title). */
function returnEvents(person: OrgPerson, to: OrgSnapshot, after: PartialDate): number[] {
  const out: number[] = [];
  for (const p of to.positionsByPerson.get(person.id) ?? [])
    for (const e of eventsOf(p, to.events))
      if (e.kind === "returned" && e.date && compareDates(after, e.date) < 0 && e.date.earliest <= to.at) out.push(e.id);
  return out;
}

function leaveChanges(f: OrgNode, t: OrgNode, to: OrgSnapshot): OrgChange[] {
  const fl = f.leave;
  const tl = t.leave;
  if (tl && (!fl || fl.since.text !== tl.since.text || (!fl.certain && tl.certain))) {
    // a leave that may already have begun on `from` is reported, but as a "may have"
    const sameLeave = fl && fl.since.text === tl.since.text;
    return [
      change("leave_started", t.person, to.events, { certain: tl.certain && !sameLeave, date: tl.since, after: roleAt(t), eventIds: tl.eventIds }),
    ];
  }
  if (fl && !tl) {
    const back = returnEvents(t.person, to, fl.since);
    return [
      change("leave_ended", t.person, to.events, {
        certain: true,
        after: roleAt(t),
        date: back.length ? to.events.get(back.at(-1)!)!.date : null,
        eventIds: back,
      }),
    ];
  }
  if (fl && tl && fl.certain && !tl.certain) {
    const back = returnEvents(t.person, to, fl.since);
    return [
      change("leave_ended", t.person, to.events, {
        certain: false,
        after: roleAt(t),
        date: back.length ? to.events.get(back.at(-1)!)!.date : null,
        eventIds: back,
      }),
    ];
  }
  return [];
}

function personChanges(f: OrgNode | undefined, t: OrgNode | undefined, to: OrgSnapshot, toBy: Map<number, OrgNode>): OrgChange[] {
  if (f && !t) return [departure(f, to, f.end === "open")];
  if (!f && t) return [arrival(t, to, t.start === "known")];
  if (!f || !t) return [];
  const out: OrgChange[] = [];

  if (f.positionId !== t.positionId) {
    const fromPosition = to.positions.get(f.positionId)!;
    const exit = exitEvent(fromPosition, to.events);
    if (exit) {
      // left (or was fired) and came back between the two days
      const opening = openingEvent(to.positions.get(t.positionId)!, to.events);
      out.push(
        change("returned", t.person, to.events, {
          certain: f.end === "open" && t.start === "known",
          exit: exitWord(exit),
          date: t.since,
          before: roleAt(f),
          after: roleAt(t),
          eventIds: [exit.id, ...(opening ? [opening.id] : [])],
        }),
      );
    } else if (f.title !== t.title) {
      const opening = openingEvent(to.positions.get(t.positionId)!, to.events);
      out.push(
        change("title_changed", t.person, to.events, {
          certain: f.end === "open" && t.start === "known",
          date: t.since,
          before: roleAt(f),
          after: roleAt(t),
          eventIds: opening ? [opening.id] : t.eventIds,
        }),
      );
    }
  } else {
    if (f.start === "uncertain" && t.start === "known") out.push(arrival(t, to, false));
    if (f.end === "open" && t.end === "uncertain") out.push(departure(t, to, false));
  }

  if ((f.reportsTo?.id ?? null) !== (t.reportsTo?.id ?? null)) {
    // evidence: the old manager's exit when that is why the line moved, else the claims naming the manager
    const gone = f.reportsTo && !toBy.has(f.reportsTo.id);
    const managerExit = gone ? lastExit(to.positionsByPerson.get(f.reportsTo!.id) ?? [], to.events, to.at) : null;
    const naming = t.reportsTo ? eventsOf(to.positions.get(t.positionId)!, to.events).filter((e) => e.reportsToPersonId === t.reportsTo!.id) : [];
    const opening = openingEvent(to.positions.get(t.positionId)!, to.events);
    out.push(
      change("manager_changed", t.person, to.events, {
        certain: true,
        date: managerExit?.date ?? null,
        before: roleAt(f),
        after: roleAt(t),
        eventIds: managerExit ? [managerExit.id] : naming.length ? naming.map((e) => e.id) : opening ? [opening.id] : t.eventIds,
      }),
    );
  }
  out.push(...leaveChanges(f, t, to));
  return out;
}

/**
 * What changed between two snapshots of the same company: typed changes, each with the evidence it rests on,
 * ordered by kind, then date, then name (people on the first chart first).
 */
export function diff(from: OrgSnapshot, to: OrgSnapshot): OrgDiff {
  const toBy = new Map<number, OrgNode>();
  for (const n of to.nodes) toBy.set(n.person.id, n);
  const fromIds = new Set<number>();
  // a change's place in the list: kind, then date, then the person's place in name order
  const keyed: { c: OrgChange; kind: number; rank: number }[] = [];
  const add = (f: OrgNode | undefined, t: OrgNode | undefined, rank: number) => {
    for (const c of personChanges(f, t, to, toBy)) keyed.push({ c, kind: ORG_CHANGE_KINDS.indexOf(c.kind), rank });
  };
  from.nodes.forEach((f, i) => {
    fromIds.add(f.person.id);
    add(f, toBy.get(f.person.id), i);
  });
  to.nodes.forEach((t, i) => {
    if (!fromIds.has(t.person.id)) add(undefined, t, from.nodes.length + i);
  });
  keyed.sort((a, b) => a.kind - b.kind || compareDates(a.c.date, b.c.date) || a.rank - b.rank);
  return { from: from.at, to: to.at, changes: keyed.map((k) => k.c) };
}
