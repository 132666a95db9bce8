/**
 * Positions (tenures) derived from a person's events at one company, so the timeline, the person page
 * and the org chart can never disagree: joined/role_changed/returned open a tenure, departed closes
 * it, and an event that presupposes a tenure we have no start for (a departure, a leave) opens one with
 * an unknown start. Leaves do not end a tenure; the org chart marks them.
 */
import { compareDates, type PartialDate } from "./partial-date";
import type { EventKind } from "./vocabulary";

export interface PositionEvent {
  id: number;
  kind: EventKind;
  status: string;
  role: string | null;
  roleCategory: string | null;
  team: string | null;
  date: PartialDate | null;
  reportsToPersonId: number | null;
}

export interface DerivedPosition {
  title: string | null;
  roleCategory: string | null;
  team: string | null;
  /** null: started before anything we have evidence for */
  start: PartialDate | null;
  /** null: still open */
  end: PartialDate | null;
  reportsToPersonId: number | null;
  eventIds: number[];
}

function open(e: PositionEvent, start: PartialDate | null): DerivedPosition {
  return {
    title: e.role,
    roleCategory: e.roleCategory,
    team: e.team,
    start,
    end: null,
    reportsToPersonId: e.reportsToPersonId,
    eventIds: [e.id],
  };
}

/** Fill what a later event knows about the tenure it closes or annotates. */
function enrich(p: DerivedPosition, e: PositionEvent) {
  p.title ??= e.role;
  p.roleCategory ??= e.roleCategory;
  p.team ??= e.team;
  p.reportsToPersonId ??= e.reportsToPersonId;
  p.eventIds.push(e.id);
}

/**
 * On the same (partial) date, events happen in their natural order: "left (fired) in November 2023"
 * and "returned in November 2023" mean left first, whatever order the claims were recorded in.
 */
const SAME_DATE_ORDER: Record<EventKind, number> = {
  joined: 0,
  role_changed: 1,
  leave_started: 2,
  departed: 3,
  returned: 4,
};

const sameTitle = (a: string | null, b: string | null) => !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Two changes of title on the same (partial) date cannot be ordered by date: "made interim CEO in
 * November 2023" and "back to CTO in November 2023". The title the person holds afterwards settles it:
 * the change to the title the next event names ("departed as CTO") is the later one, whatever order the
 * claims were recorded in.
 */
function orderSameDateTitleChanges(timeline: PositionEvent[]) {
  for (let i = 0; i < timeline.length;) {
    let j = i + 1;
    while (j < timeline.length && compareDates(timeline[i].date, timeline[j].date) === 0) j++;
    const changes = timeline.slice(i, j).filter((e) => e.kind === "role_changed");
    const next = timeline[j];
    const last = changes.at(-1);
    const continuing = changes.find((e) => sameTitle(e.role, next?.role ?? null));
    if (changes.length > 1 && last && continuing && !sameTitle(last.role, continuing.role)) {
      // role changes are contiguous within the date (SAME_DATE_ORDER): move the continuing one to their end
      const from = timeline.indexOf(continuing);
      const to = timeline.indexOf(last);
      timeline.splice(from, 1);
      timeline.splice(to, 0, continuing);
    }
    i = j;
  }
}

export function derivePositions(events: PositionEvent[]): DerivedPosition[] {
  const timeline = events
    .filter((e) => e.status !== "retracted" && e.date !== null)
    .sort((a, b) => compareDates(a.date, b.date) || SAME_DATE_ORDER[a.kind] - SAME_DATE_ORDER[b.kind] || a.id - b.id);
  orderSameDateTitleChanges(timeline);
  const positions: DerivedPosition[] = [];
  let current: DerivedPosition | null = null;

  for (const e of timeline) {
    switch (e.kind) {
      case "joined":
      case "returned":
        if (current && e.kind === "returned" && (!e.role || e.role === current.title)) {
          enrich(current, e);
          break;
        }
        if (current) current.end = e.date;
        current = open(e, e.date);
        positions.push(current);
        break;
      case "role_changed":
        if (current) current.end = e.date;
        current = open(e, e.date);
        positions.push(current);
        break;
      case "leave_started":
        if (!current) positions.push((current = open(e, null)));
        else enrich(current, e);
        break;
      case "departed":
        if (!current) positions.push((current = open(e, null)));
        else enrich(current, e);
        current.end = e.date;
        current = null;
        break;
    }
  }
  return positions;
}
