/**
 * Recompute an event from its claims and rebuild the person's positions at that company, in the
 * caller's transaction. Called after every claim is added, retracted or deprecated.
 */
import { summarizeEvent, type ClaimFacts, type EventSummary } from "@/lib/domain/event-summary";
import { fromColumns } from "@/lib/domain/partial-date";
import { derivePositions } from "@/lib/domain/positions";
import type { EventKind, ReasonEvidence } from "@/lib/domain/vocabulary";
import type { Tx } from "@/lib/db-factory";

type ClaimRow = {
  id: number;
  sourceId: number;
  state: string;
  kind: string;
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

export function claimFacts(c: ClaimRow): ClaimFacts {
  return {
    id: c.id,
    sourceKey: c.source.publisher ? `publisher:${c.source.publisher.toLowerCase()}` : `source:${c.sourceId}`,
    state: c.state,
    kind: c.kind as EventKind,
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

export async function summarizeStoredEvent(tx: Tx, eventId: number): Promise<EventSummary> {
  const event = await tx.event.findUniqueOrThrow({
    where: { id: eventId },
    include: { claims: { include: { source: { select: { publisher: true } } } } },
  });
  return summarizeEvent(event.kind as EventKind, event.claims.map(claimFacts));
}

export async function recomputeEvent(tx: Tx, eventId: number): Promise<EventSummary> {
  const summary = await summarizeStoredEvent(tx, eventId);
  const event = await tx.event.update({
    where: { id: eventId },
    data: {
      status: summary.status,
      role: summary.role,
      roleCategory: summary.roleCategory,
      team: summary.team,
      dateText: summary.date?.text ?? null,
      datePrecision: summary.date?.precision ?? null,
      dateEarliest: summary.date?.earliest ?? null,
      dateLatest: summary.date?.latest ?? null,
      sortDate: summary.date?.earliest ?? "",
      destinationId: summary.destinationId,
      destinationRelation: summary.destinationRelation,
      reason: summary.reason,
      reasonEvidence: summary.reasonEvidence,
      claimCount: summary.claimCount,
      sourceCount: summary.sourceCount,
    },
  });
  await rebuildPositions(tx, event.personId, event.companyId);
  return summary;
}

export async function rebuildPositions(tx: Tx, personId: number, companyId: number) {
  const events = await tx.event.findMany({
    where: { personId, companyId },
    include: { claims: { where: { state: "active", reportsToPersonId: { not: null } }, select: { reportsToPersonId: true } } },
  });
  const positions = derivePositions(
    events.map((e) => ({
      id: e.id,
      kind: e.kind as EventKind,
      status: e.status,
      role: e.role,
      roleCategory: e.roleCategory,
      team: e.team,
      date: fromColumns(e.dateText),
      reportsToPersonId: e.claims.at(-1)?.reportsToPersonId ?? null,
    })),
  );
  await tx.position.deleteMany({ where: { personId, companyId } });
  for (const p of positions) {
    await tx.position.create({
      data: {
        personId,
        companyId,
        title: p.title,
        roleCategory: p.roleCategory,
        team: p.team,
        startText: p.start?.text ?? null,
        startPrecision: p.start?.precision ?? null,
        startEarliest: p.start?.earliest ?? null,
        startLatest: p.start?.latest ?? null,
        endText: p.end?.text ?? null,
        endPrecision: p.end?.precision ?? null,
        endEarliest: p.end?.earliest ?? null,
        endLatest: p.end?.latest ?? null,
        reportsToPersonId: p.reportsToPersonId,
        eventIds: JSON.stringify(p.eventIds),
      },
    });
  }
}
