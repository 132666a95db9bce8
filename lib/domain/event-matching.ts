/**
 * Which existing event a new claim is about. The caller passes events of the same person, company and
 * kind. A dated claim matches the nearest event whose date overlaps or lies within MATCH_WINDOW_DAYS:
 * "left in February" and "left in March" are one disputed departure, not two. A role change to a
 * different title is a different event (interim CEO, then CTO again). An undated claim matches the event
 * with the same destination, else the most recent one (sources mostly report recent moves), else nothing.
 * See docs/decisions/0003-events-from-claims.md.
 */
import { normalizeName } from "./names";
import { compareDates, gapInDays, type PartialDate } from "./partial-date";
import type { EventKind } from "./vocabulary";

export const MATCH_WINDOW_DAYS = 183;

export interface MatchFacts {
  date: PartialDate | null;
  role: string | null;
  destinationId: number | null;
}

export interface EventCandidate extends MatchFacts {
  id: number;
}

const ROLE_DEFINES_EVENT: EventKind[] = ["role_changed", "joined"];

function sameRole(a: string | null, b: string | null) {
  return !a || !b || normalizeName(a) === normalizeName(b);
}

export function findMatchingEvent(kind: EventKind, claim: MatchFacts, candidates: EventCandidate[]): EventCandidate | null {
  const eligible = candidates.filter((c) => !ROLE_DEFINES_EVENT.includes(kind) || sameRole(claim.role, c.role));
  if (eligible.length === 0) return null;
  if (claim.date) {
    const scored = eligible
      .map((c) => ({ c, gap: c.date ? gapInDays(claim.date!, c.date) : 0 }))
      .filter((s) => s.gap <= MATCH_WINDOW_DAYS)
      .sort((a, b) => a.gap - b.gap || a.c.id - b.c.id);
    return scored[0]?.c ?? null;
  }
  if (claim.destinationId !== null) {
    const sameDestination = eligible.find((c) => c.destinationId === claim.destinationId);
    if (sameDestination) return sameDestination;
  }
  return [...eligible].sort((a, b) => compareDates(b.date, a.date) || b.id - a.id)[0];
}
