/**
 * What an event says, computed from its claims and nothing else: status, best date, destination,
 * role and the conflicts between claims. Claims are never overwritten; this is recomputed whenever
 * one is added, retracted or deprecated. See docs/decisions/0003-events-from-claims.md.
 */
import { contains, formatHuman, overlaps, partialDate, widthInDays, type PartialDate } from "./partial-date";
import type { EventKind, EventStatus, Manner, ReasonEvidence } from "./vocabulary";

export interface ClaimFacts {
  id: number;
  /** claims whose sources are not independent (one cites the other, one publisher) share a key (lib/domain/independence.ts) */
  sourceKey: string;
  state: string;
  kind: EventKind;
  manner: Manner | null;
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
  field: "date" | "destination" | "kind" | "manner";
  /** each distinct value with the claims asserting it */
  values: { value: string; claimIds: number[] }[];
}

/** For one field of the event: which claims support the shown value, which disagree, and why it was shown. */
export interface FieldSupport {
  field: "date" | "manner" | "role" | "destination" | "reason";
  /** the shown value as the claims state it (date text, manner, role, destination id, reason) */
  shown: string | null;
  supporting: number[];
  disagreeing: { value: string; claimIds: number[] }[];
  why: string;
}

export interface EventSummary {
  status: EventStatus;
  manner: Manner | null;
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
  support: FieldSupport[];
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

const independent = (claims: ClaimFacts[]) => new Set(claims.map((c) => c.sourceKey)).size;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

interface Pick {
  value: string;
  claims: ClaimFacts[];
  why: string;
}

/**
 * The value asserted by the most independent sources; ties go to the value more claims assert, then to
 * the earliest recorded claim. Says which rule decided, so a reader sees why a 1-vs-1 dispute shows one side.
 */
function pickValue(claims: ClaimFacts[], key: (c: ClaimFacts) => string | null): Pick | null {
  const groups = groupBy(claims, key).map((g) => ({ ...g, sources: independent(g.items) }));
  if (groups.length === 0) return null;
  groups.sort((a, b) => b.sources - a.sources || b.items.length - a.items.length || a.items[0].id - b.items[0].id);
  const [top, next] = groups;
  const why = !next
    ? groups[0].items.length === 1
      ? "the only claim that says"
      : `every claim that says agrees (${plural(top.sources, "independent source")})`
    : top.sources > next.sources
      ? `most independent sources (${top.sources} against ${next.sources})`
      : top.items.length > next.items.length
        ? `as many independent sources on each side (${top.sources}); more claims (${top.items.length} against ${next.items.length})`
        : `a tie (${plural(top.sources, "independent source")} each): the first recorded claim is shown until more evidence settles it`;
  return { value: top.value, claims: top.items, why };
}

function support(field: FieldSupport["field"], claims: ClaimFacts[], key: (c: ClaimFacts) => string | null, picked: Pick | null): FieldSupport {
  return {
    field,
    shown: picked?.value ?? null,
    supporting: picked?.claims.map((c) => c.id) ?? [],
    disagreeing: groupBy(claims, key)
      .filter((g) => g.value !== picked?.value)
      .map((g) => ({ value: g.value, claimIds: g.items.map((c) => c.id) })),
    why: picked?.why ?? "no claim says",
  };
}

/** Most supported first (independent sources whose date contains it), then most precise, then earliest recorded. */
export function bestDate(claims: ClaimFacts[]): PartialDate | null {
  return bestDateWithReason(claims)?.date ?? null;
}

/**
 * Where two claims' dates overlap without one containing the other ("2024" and "on or before 6 Aug 2024"),
 * both allow only the days they share: that interval is a candidate too, supported by both.
 */
function intersections(dated: ClaimFacts[]): PartialDate[] {
  const out: PartialDate[] = [];
  for (let i = 0; i < dated.length; i++)
    for (let j = i + 1; j < dated.length; j++) {
      const a = dated[i].date!;
      const b = dated[j].date!;
      if (!overlaps(a, b) || contains(a, b) || contains(b, a)) continue;
      const earliest = a.earliest > b.earliest ? a.earliest : b.earliest;
      const latest = a.latest < b.latest ? a.latest : b.latest;
      out.push(partialDate(earliest === latest ? earliest : `${earliest}/${latest}`));
    }
  return out;
}

function bestDateWithReason(claims: ClaimFacts[]): { date: PartialDate; why: string } | null {
  const dated = claims.filter((c) => c.date).sort((a, b) => a.id - b.id);
  let best: { date: PartialDate; support: number; width: number; shared: boolean } | null = null;
  let tiedOnSupport = false;
  const candidates = [...dated.map((c) => ({ date: c.date!, shared: false })), ...intersections(dated).map((date) => ({ date, shared: true }))];
  for (const { date, shared } of candidates) {
    const support = independent(dated.filter((o) => contains(o.date!, date)));
    const width = widthInDays(date);
    if (!best || support > best.support || (support === best.support && width < best.width)) {
      tiedOnSupport = !!best && support === best.support;
      best = { date, support, width, shared };
    } else if (support === best.support) tiedOnSupport = true;
  }
  if (!best) return null;
  const distinct = new Set(dated.map((c) => c.date!.text)).size;
  const why =
    dated.length === 1
      ? "the only claim that dates it"
      : distinct === 1
        ? `every dated claim agrees (${plural(best.support, "independent source")})`
        : best.shared
          ? `the days the claims' dates share (${plural(best.support, "independent source")} allow exactly ${formatHuman(best.date)})`
          : tiedOnSupport
            ? `the most precise of the dates best supported (${plural(best.support, "independent source")} consistent with ${formatHuman(best.date)})`
            : `most independent sources consistent with it (${best.support})`;
  return { date: best.date, why };
}

function dateSupport(claims: ClaimFacts[], best: { date: PartialDate; why: string } | null): FieldSupport {
  const dated = claims.filter((c) => c.date);
  const agree = dated.filter((c) => best && overlaps(c.date!, best.date));
  return {
    field: "date",
    shown: best?.date.text ?? null,
    supporting: agree.map((c) => c.id),
    disagreeing: groupBy(
      dated.filter((c) => !agree.includes(c)),
      (c) => c.date!.text,
    ).map((g) => ({ value: g.value, claimIds: g.items.map((c) => c.id) })),
    why: best?.why ?? "no claim dates it",
  };
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

/** "unknown" says nothing about how someone left, so it neither disputes nor decides a manner. */
const mannerKey = (c: ClaimFacts) => (c.manner && c.manner !== "unknown" ? c.manner : null);
const destinationKey = (c: ClaimFacts) => (c.destinationId === null ? null : `${c.destinationId}`);

export function summarizeEvent(kind: EventKind, allClaims: ClaimFacts[]): EventSummary {
  const claims = allClaims.filter((c) => c.state === "active").sort((a, b) => a.id - b.id);
  const conflicts = [
    dateConflict(claims),
    valueConflict("manner", claims, mannerKey),
    valueConflict("destination", claims, destinationKey),
    valueConflict("kind", claims.some((c) => c.kind !== kind) ? claims : [], (c) => c.kind),
  ].filter((c): c is Conflict => c !== null);

  const sourceCount = independent(claims);
  const status: EventStatus = claims.length === 0 ? "retracted" : conflicts.length > 0 ? "disputed" : sourceCount >= 2 ? "corroborated" : "reported";

  const destination = pickValue(claims, destinationKey);
  const manner = pickValue(claims, mannerKey);
  const role = pickValue(claims, (c) => c.role);
  const category = pickValue(claims, (c) => c.roleCategory);
  const team = pickValue(claims, (c) => c.team);
  const manager = [...claims].reverse().find((c) => c.reportsToPersonId !== null);
  const reasoned = claims
    .filter((c) => c.reason)
    .sort((a, b) => EVIDENCE_STRENGTH[a.reasonEvidence ?? "contextual"] - EVIDENCE_STRENGTH[b.reasonEvidence ?? "contextual"])[0];
  const date = bestDateWithReason(claims);
  const anyManner = claims.find((c) => c.manner === "unknown");

  return {
    status,
    manner: (manner?.value as Manner | undefined) ?? (anyManner ? "unknown" : null),
    date: date?.date ?? null,
    destinationId: destination ? Number(destination.value) : null,
    destinationRelation: destination?.claims[0].destinationRelation ?? null,
    role: role?.value ?? null,
    roleCategory: category?.value ?? null,
    team: team?.value ?? null,
    reason: reasoned?.reason ?? null,
    reasonEvidence: reasoned ? (reasoned.reasonEvidence ?? "reported") : null,
    reportsToPersonId: manager?.reportsToPersonId ?? null,
    claimCount: claims.length,
    sourceCount,
    conflicts,
    support: [
      dateSupport(claims, date),
      support("manner", claims, mannerKey, manner),
      support("role", claims, (c) => c.role, role),
      support("destination", claims, destinationKey, destination),
      {
        ...support(
          "reason",
          claims,
          (c) => c.reason,
          reasoned ? { value: reasoned.reason!, claims: claims.filter((c) => c.reason === reasoned.reason), why: "" } : null,
        ),
        why: reasoned ? `the reason with the strongest evidence (${reasoned.reasonEvidence ?? "reported"})` : "no claim gives a reason",
      },
    ],
  };
}
