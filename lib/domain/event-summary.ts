/**
 * What an event says, computed from its claims and nothing else: status, best date, destination,
 * role and the conflicts between claims. Claims are never overwritten; this is recomputed whenever
 * one is added, retracted or deprecated. See docs/decisions/0003-events-from-claims.md.
 */
import { contains, overlaps, widthInDays, type PartialDate } from "./partial-date";
import type { EventKind, EventStatus, ReasonEvidence } from "./vocabulary";

export interface ClaimFacts {
  id: number;
  /** claims from the same publisher count as one source for corroboration */
  sourceKey: string;
  state: string;
  kind: EventKind;
  role: string | null;
  roleCategory: string | null;
  team: string | null;
  date: PartialDate | null;
  destinationId: number | null;
  destinationRelation: string | null;
  reason: string | null;
  reasonEvidence: ReasonEvidence | null;
  reportsToPersonId: number | null;
}

export interface Conflict {
  field: "date" | "destination" | "kind";
  /** each distinct value with the claims asserting it */
  values: { value: string; claimIds: number[] }[];
}

export interface EventSummary {
  status: EventStatus;
  date: PartialDate | null;
  destinationId: number | null;
  destinationRelation: string | null;
  role: string | null;
  roleCategory: string | null;
  team: string | null;
  reason: string | null;
  reasonEvidence: ReasonEvidence | null;
  reportsToPersonId: number | null;
  claimCount: number;
  sourceCount: number;
  conflicts: Conflict[];
}

const EVIDENCE_STRENGTH: Record<ReasonEvidence, number> = { direct: 0, reported: 1, alleged: 2, contextual: 3 };

function groupBy<T>(items: T[], key: (t: T) => string | null): { value: string; items: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const list = groups.get(k) ?? [];
    list.push(item);
    groups.set(k, list);
  }
  return [...groups].map(([value, list]) => ({ value, items: list }));
}

/** The value asserted by the most claims; ties go to the earliest claim. */
function mostAsserted<T extends { id: number }>(claims: T[], key: (c: T) => string | null): T | null {
  const groups = groupBy(claims, key);
  groups.sort((a, b) => b.items.length - a.items.length || a.items[0].id - b.items[0].id);
  return groups[0]?.items[0] ?? null;
}

/** Most corroborated first (claims whose date contains it), then most precise, then earliest recorded. */
export function bestDate(claims: ClaimFacts[]): PartialDate | null {
  const dated = claims.filter((c) => c.date).sort((a, b) => a.id - b.id);
  let best: { date: PartialDate; support: number; width: number } | null = null;
  for (const c of dated) {
    const date = c.date!;
    const support = dated.filter((o) => contains(o.date!, date)).length;
    const width = widthInDays(date);
    if (!best || support > best.support || (support === best.support && width < best.width)) best = { date, support, width };
  }
  return best?.date ?? null;
}

function dateConflict(claims: ClaimFacts[]): Conflict | null {
  const dated = claims.filter((c) => c.date);
  const clash = dated.some((a) => dated.some((b) => !overlaps(a.date!, b.date!)));
  if (!clash) return null;
  return { field: "date", values: groupBy(dated, (c) => c.date!.text).map((g) => ({ value: g.value, claimIds: g.items.map((c) => c.id) })) };
}

function valueConflict(field: Conflict["field"], claims: ClaimFacts[], key: (c: ClaimFacts) => string | null): Conflict | null {
  const groups = groupBy(claims, key);
  if (groups.length < 2) return null;
  return { field, values: groups.map((g) => ({ value: g.value, claimIds: g.items.map((c) => c.id) })) };
}

export function summarizeEvent(kind: EventKind, allClaims: ClaimFacts[]): EventSummary {
  const claims = allClaims.filter((c) => c.state === "active").sort((a, b) => a.id - b.id);
  const conflicts = [
    dateConflict(claims),
    valueConflict("destination", claims, (c) => (c.destinationId === null ? null : `${c.destinationId}`)),
    valueConflict("kind", claims.some((c) => c.kind !== kind) ? claims : [], (c) => c.kind),
  ].filter((c): c is Conflict => c !== null);

  const sourceCount = new Set(claims.map((c) => c.sourceKey)).size;
  const status: EventStatus =
    claims.length === 0 ? "retracted" : conflicts.length > 0 ? "disputed" : sourceCount >= 2 ? "corroborated" : "reported";

  const destination = mostAsserted(claims, (c) => (c.destinationId === null ? null : `${c.destinationId}`));
  const role = mostAsserted(claims, (c) => c.role);
  const category = mostAsserted(claims, (c) => c.roleCategory);
  const team = mostAsserted(claims, (c) => c.team);
  const manager = [...claims].reverse().find((c) => c.reportsToPersonId !== null);
  const reasoned = claims
    .filter((c) => c.reason)
    .sort((a, b) => EVIDENCE_STRENGTH[a.reasonEvidence ?? "contextual"] - EVIDENCE_STRENGTH[b.reasonEvidence ?? "contextual"])[0];

  return {
    status,
    date: bestDate(claims),
    destinationId: destination?.destinationId ?? null,
    destinationRelation: destination?.destinationRelation ?? null,
    role: role?.role ?? null,
    roleCategory: category?.roleCategory ?? null,
    team: team?.team ?? null,
    reason: reasoned?.reason ?? null,
    reasonEvidence: reasoned ? (reasoned.reasonEvidence ?? "reported") : null,
    reportsToPersonId: manager?.reportsToPersonId ?? null,
    claimCount: claims.length,
    sourceCount,
    conflicts,
  };
}
