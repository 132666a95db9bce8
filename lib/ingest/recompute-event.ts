/**
 * Recompute an event from its claims and rebuild the person's positions at that company, in the
 * caller's transaction. Called after every claim is added, retracted or deprecated.
 */
import type { EventSummary } from "@/lib/domain/event-summary";
import { summarizeStoredEvent } from "@/lib/data/event-facts";
import { fromColumns } from "@/lib/domain/partial-date";
import { derivePositions } from "@/lib/domain/positions";
import { updateEventCounted } from "./rollups";
import type { EventKind, Scope } from "@/lib/domain/vocabulary";
import { providerOf, type Db, type Tx } from "@/lib/db-factory";
import { Prisma, type DestinationRelation, type RoleCategory } from "@/generated/prisma/client";
import { insertRows } from "@/lib/db/insert-rows";
import { syncEventTags } from "./tags";

/**
 * Take the event's row lock for the rest of the transaction, so two concurrent claims on one event are
 * recomputed one after the other (PostgreSQL READ COMMITTED would otherwise lose an update). SQLite has one
 * writer at a time already.
 */
export async function lockEvent(tx: Tx, eventId: number) {
  await lockEvents(tx, [eventId]);
}

/** lockEvent for many events, in id order (two writers locking overlapping sets never wait in a cycle). */
export async function lockEvents(tx: Tx, eventIds: number[]) {
  if (!onPostgres(tx) || eventIds.length === 0) return;
  const ids = [...new Set(eventIds)].sort((a, b) => a - b);
  await tx.$executeRaw`SELECT 1 FROM "Event" WHERE "id" IN (${Prisma.join(ids)}) ORDER BY "id" FOR UPDATE`;
}

/**
 * Serialize writers about one person at one company until the transaction ends: matching a claim to an
 * event (or creating it) and rebuilding positions read-then-write the same rows. A PostgreSQL
 * transaction-level advisory lock; SQLite has one writer at a time already.
 */
export async function lockSubject(tx: Tx, personId: number, companyId: number) {
  await lockSubjects(tx, [{ personId, companyId }]);
}

/** lockSubject for many (person, company) pairs, taken in one sorted order. */
export async function lockSubjects(tx: Tx, subjects: { personId: number; companyId: number }[]) {
  if (!onPostgres(tx) || subjects.length === 0) return;
  const pairs = [...new Map(subjects.map((s) => [`${s.personId}:${s.companyId}`, s])).values()].sort(
    (a, b) => a.personId - b.personId || a.companyId - b.companyId,
  );
  for (let start = 0; start < pairs.length; start += 1000) {
    const part = pairs.slice(start, start + 1000).map((p) => Prisma.sql`(${p.personId}::int4, ${p.companyId}::int4)`);
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(x.p, x.c) FROM (VALUES ${Prisma.join(part)}) AS x(p, c) ORDER BY x.p, x.c`;
  }
}

const onPostgres = (tx: Tx) => providerOf(tx) === "postgresql";

export async function recomputeEvent(tx: Tx, eventId: number): Promise<EventSummary> {
  const subject = await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { personId: true, companyId: true } });
  await lockSubject(tx, subject.personId, subject.companyId);
  await lockEvent(tx, eventId);
  const summary = await summarizeStoredEvent(tx, eventId);
  const event = await updateEventCounted(tx, { where: { id: eventId }, data: eventColumns(summary) });
  await syncEventTags(tx, [eventId]);
  await rebuildPositions(tx, event.personId, event.companyId);
  return summary;
}

/** The derived columns of an event, as its claims' summary gives them. Pure: recomputeEvent and the bulk import store them. */
export function eventColumns(summary: EventSummary) {
  return {
    status: summary.status,
    manner: summary.manner,
    role: summary.role,
    roleCategory: summary.roleCategory as RoleCategory | null,
    team: summary.team,
    dateText: summary.date?.text ?? null,
    datePrecision: summary.date?.precision ?? null,
    dateEarliest: summary.date?.earliest ?? null,
    dateLatest: summary.date?.latest ?? null,
    sortDate: summary.date?.earliest ?? "",
    destinationId: summary.destinationId,
    destinationRelation: summary.destinationRelation as DestinationRelation | null,
    reason: summary.reason,
    reasonEvidence: summary.reasonEvidence,
    claimCount: summary.claimCount,
    sourceCount: summary.sourceCount,
  };
}

export async function rebuildPositions(tx: Tx, personId: number, companyId: number) {
  await rebuildPositionsOf(tx, [{ personId, companyId }]);
}

/** Rebuild the positions of each person at each company from their events, set-wise (a bulk import rebuilds hundreds at once). */
export async function rebuildPositionsOf(tx: Tx, subjects: { personId: number; companyId: number }[]) {
  const pairs = [...new Map(subjects.map(({ personId, companyId }) => [`${personId}:${companyId}`, { personId, companyId }])).values()];
  if (pairs.length === 0) return;
  // by person, then the pairs in memory: an OR over hundreds of pairs costs Prisma more than the extra rows
  const people = [...new Set(pairs.map((p) => p.personId))];
  const wanted = new Set(pairs.map((p) => `${p.personId}:${p.companyId}`));
  const ofWanted = (r: { personId: number; companyId: number }) => wanted.has(`${r.personId}:${r.companyId}`);
  const rows = await tx.event.findMany({
    where: { personId: { in: people } },
    orderBy: { id: "asc" },
    include: {
      claims: {
        where: { state: "active", reportsToPersonId: { not: null } },
        orderBy: { id: "asc" },
        select: { reportsToPersonId: true },
      },
    },
  });
  const events = rows.filter(ofWanted);
  const ofPair = new Map<string, typeof events>();
  for (const e of events) {
    const key = `${e.personId}:${e.companyId}`;
    if (ofPair.has(key)) ofPair.get(key)!.push(e);
    else ofPair.set(key, [e]);
  }
  const positions = pairs.flatMap(({ personId, companyId }) => {
    const theirs = ofPair.get(`${personId}:${companyId}`) ?? [];
    // A board seat is its own tenure: company and board events never open or close each other's.
    return (["company", "board"] as Scope[]).flatMap((scope) =>
      derivePositions(
        theirs
          .filter((e) => e.scope === scope)
          .map((e) => ({
            id: e.id,
            kind: e.kind as EventKind,
            status: e.status,
            role: e.role,
            roleCategory: e.roleCategory,
            team: e.team,
            date: fromColumns(e.dateText),
            reportsToPersonId: e.claims.at(-1)?.reportsToPersonId ?? null,
          })),
      ).map((p) => ({ ...p, scope, personId, companyId })),
    );
  });
  const stale = (await tx.position.findMany({ where: { personId: { in: people } }, select: { id: true, personId: true, companyId: true } })).filter(
    ofWanted,
  );
  if (stale.length > 0) await tx.position.deleteMany({ where: { id: { in: stale.map((s) => s.id) } } });
  if (positions.length === 0) return;
  const ids = await insertRows(
    tx,
    "Position",
    positions.map((p) => ({
      personId: p.personId,
      companyId: p.companyId,
      title: p.title,
      roleCategory: p.roleCategory,
      scope: p.scope,
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
    })),
  );
  await insertRows(
    tx,
    "PositionEvent",
    positions.flatMap((p, i) => [...new Set(p.eventIds)].map((eventId) => ({ positionId: ids[i], eventId }))),
    null,
  );
}

/**
 * Recompute every event from its claims (after a migration that changes how events are derived, e.g.
 * kinds folded into manners). Each event in its own short transaction, so a large database does not hold
 * one long write lock; idempotent, so an interrupted run is simply run again.
 */
export async function recomputeAllEvents(db: Db, onProgress?: (done: number, total: number) => void): Promise<number> {
  const ids = (await db.event.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((e) => e.id);
  let done = 0;
  for (const id of ids) {
    await db.$transaction((tx) => recomputeEvent(tx, id), { timeout: 60_000, maxWait: 60_000 });
    if (++done % 1000 === 0) onProgress?.(done, ids.length);
  }
  return ids.length;
}
