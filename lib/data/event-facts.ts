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

type ClaimRow = {
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
 * Which of the event's sources are independent of each other: a source and those it cites (or that cite
 * it) count once, and so do sources of one publisher. Reads the citations touching these sources.
 */
async function sourceKeys(tx: Tx, claims: ClaimRow[]): Promise<Map<number, string>> {
  const ids = [...new Set(claims.map((c) => c.sourceId))];
  const citations = await tx.sourceCitation.findMany({
    where: { OR: [{ citingId: { in: ids } }, { citedId: { in: ids } }] },
    select: { citingId: true, citedId: true },
  });
  const publishers = new Map(claims.map((c) => [c.sourceId, c.source.publisher]));
  return independenceKeys(
    ids.map((id) => ({ id, publisher: publishers.get(id) ?? null })),
    citations.map((c) => [c.citingId, c.citedId] as const),
  );
}

/** An event's claims in id order (the order every tie-break relies on) with what summarizeEvent needs. */
export async function storedEventFacts(tx: Tx, eventId: number): Promise<{ kind: EventKind; claims: ClaimFacts[] }> {
  const event = await tx.event.findUniqueOrThrow({
    where: { id: eventId },
    include: { claims: { orderBy: { id: "asc" }, include: { source: { select: { publisher: true } } } } },
  });
  const keys = await sourceKeys(tx, event.claims);
  return { kind: event.kind as EventKind, claims: event.claims.map((c) => claimFacts(c, keys)) };
}

export async function summarizeStoredEvent(tx: Tx, eventId: number): Promise<EventSummary> {
  const { kind, claims } = await storedEventFacts(tx, eventId);
  return summarizeEvent(kind, claims);
}
