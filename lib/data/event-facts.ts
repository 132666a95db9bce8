/**
 * An event's claims as the domain reads them (lib/domain/event-summary.ts), with which of their sources are
 * independent of each other. A read: the event page shows conflicts and per-field support from it, and
 * the write path (lib/ingest/recompute-event.ts) stores what it computes.
 */
import { summarizeEvent, type ClaimFacts, type EventSummary } from "@/lib/domain/event-summary";
import { independenceKeys } from "@/lib/domain/independence";
import { fromColumns } from "@/lib/domain/partial-date";
import type { EventKind, Manner, ReasonEvidence } from "@/lib/domain/vocabulary";
import type { Tx } from "@/lib/db-factory";

export type ClaimRow = {
  id: number;
  sourceId: number;
  state: string;
  kind: string;
  manner: string | null;
  role: string | null;
  roleCategory: string | null;
  team: string | null;
  dateText: string | null;
  destinationId: number | null;
  destinationRelation: string | null;
  reason: string | null;
  reasonEvidence: string | null;
  reportsToPersonId: number | null;
  source: { publisher: string | null };
};

export function claimFacts(c: ClaimRow, sourceKeys: Map<number, string>): ClaimFacts {
  return {
    id: c.id,
    sourceKey: sourceKeys.get(c.sourceId) ?? `source:${c.sourceId}`,
    state: c.state,
    kind: c.kind as EventKind,
    manner: c.manner as Manner | null,
    role: c.role,
    roleCategory: c.roleCategory,
    team: c.team,
    date: fromColumns(c.dateText),
    destinationId: c.destinationId,
    destinationRelation: c.destinationRelation,
    reason: c.reason,
    reasonEvidence: c.reasonEvidence as ReasonEvidence | null,
    reportsToPersonId: c.reportsToPersonId,
  };
}

/**
 * An event's claims (in id order) as facts, with which of their sources are independent of each other: a
 * source and those it cites (or that cite it) count once, and so do sources of one publisher. `citations`
 * are (citing, cited) pairs, at least those touching these claims' sources. Pure.
 */
export function claimsAsFacts(claims: ClaimRow[], citations: readonly (readonly [number, number])[]): ClaimFacts[] {
  const ids = [...new Set(claims.map((c) => c.sourceId))];
  const touching = new Set(ids);
  const publishers = new Map(claims.map((c) => [c.sourceId, c.source.publisher]));
  const keys = independenceKeys(
    ids.map((id) => ({ id, publisher: publishers.get(id) ?? null })),
    citations.filter(([citing, cited]) => touching.has(citing) || touching.has(cited)),
  );
  return claims.map((c) => claimFacts(c, keys));
}

/** The citations touching these sources, as (citing, cited) pairs. */
export async function citationsTouching(tx: Tx, sourceIds: number[]): Promise<[number, number][]> {
  const citations = await tx.sourceCitation.findMany({
    where: { OR: [{ citingId: { in: sourceIds } }, { citedId: { in: sourceIds } }] },
    select: { citingId: true, citedId: true },
  });
  return citations.map((c) => [c.citingId, c.citedId]);
}

/** An event's claims in id order (the order every tie-break relies on) with what summarizeEvent needs. */
export async function storedEventFacts(tx: Tx, eventId: number): Promise<{ kind: EventKind; claims: ClaimFacts[] }> {
  const event = await tx.event.findUniqueOrThrow({
    where: { id: eventId },
    include: { claims: { orderBy: { id: "asc" }, include: { source: { select: { publisher: true } } } } },
  });
  const citations = await citationsTouching(tx, [...new Set(event.claims.map((c) => c.sourceId))]);
  return { kind: event.kind as EventKind, claims: claimsAsFacts(event.claims, citations) };
}

export async function summarizeStoredEvent(tx: Tx, eventId: number): Promise<EventSummary> {
  const { kind, claims } = await storedEventFacts(tx, eventId);
  return summarizeEvent(kind, claims);
}
