/**
 * Positions (tenures) derived from a person's events at one company, so the timeline, the person page
 * and the org chart can never disagree: joined/role_changed/returned open a tenure, departed/fired close
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
 * On the same (partial) date, events happen in their natural order: "fired in November 2023" and
 * "returned in November 2023" mean fired first, whatever order the claims were recorded in.
 */
const SAME_DATE_ORDER: Record<EventKind, number> = {
  joined: 0,
  role_changed: 1,
  leave_started: 2,
  departed: 3,
  fired: 3,
  returned: 4,
};

export function derivePositions(events: PositionEvent[]): DerivedPosition[] {
  const timeline = events
    .filter((e) => e.status !== "retracted" && e.date !== null)
    .sort((a, b) => compareDates(a.date, b.date) || SAME_DATE_ORDER[a.kind] - SAME_DATE_ORDER[b.kind] || a.id - b.id);
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
      case "fired":
        if (!current) positions.push((current = open(e, null)));
        else enrich(current, e);
        current.end = e.date;
        current = null;
        break;
    }
  }
  return positions;
}
