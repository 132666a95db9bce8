/**
 * Which existing event a new claim is about. Same person, company and kind (checked by the caller) and
 * dates that overlap, are unknown, or lie within MATCH_WINDOW_DAYS of each other: "left in February"
 * and "left in March" are one disputed departure, not two departures.
 */
import { gapInDays, type PartialDate } from "./partial-date";

export const MATCH_WINDOW_DAYS = 183;

export interface EventCandidate {
  id: number;
  date: PartialDate | null;
}

export function findMatchingEvent(date: PartialDate | null, candidates: EventCandidate[]): EventCandidate | null {
  const scored = candidates
    .map((c) => ({ c, gap: date && c.date ? gapInDays(date, c.date) : 0 }))
    .filter((s) => s.gap <= MATCH_WINDOW_DAYS)
    .sort((a, b) => a.gap - b.gap || a.c.id - b.c.id);
  return scored[0]?.c ?? null;
}
