/**
 * Take back what a partly committed multi-batch ingest wrote, so a file stays all or nothing even though
 * it commits in batches (short write transactions let web writes through meanwhile). Deletes the claims
 * and change entries the run created, the events, aliases, citations, people, companies and sources it
 * created when nothing else now rests on them, and recomputes every event it had touched: their state is
 * derived from claims, so it returns to what it was. In one transaction.
 */
import type { Db, Tx } from "@/lib/db-factory";
import type { Written } from "./ingest-claim";
import { rebuildPositions, recomputeEvent } from "./recompute-event";
import { forgetEventsCounted } from "./rollups";

export function mergeWritten(into: Written, more: Written): Written {
  for (const key of Object.keys(into) as (keyof Written)[]) (into[key] as unknown[]).push(...(more[key] as unknown[]));
  return into;
}

async function undoInTransaction(tx: Tx, w: Written) {
  await tx.change.deleteMany({ where: { id: { in: w.changeIds } } });
  await tx.claim.deleteMany({ where: { id: { in: w.claimIds } } });
  if (w.citations.length > 0)
    await tx.sourceCitation.deleteMany({ where: { OR: w.citations.map(([citingId, citedId]) => ({ citingId, citedId })) } });

  // Created events nobody else has claimed since go; their subjects' positions are rebuilt.
  const created = await tx.event.findMany({
    where: { id: { in: w.createdEventIds } },
    select: { id: true, personId: true, companyId: true, _count: { select: { claims: true } } },
  });
  const orphaned = created.filter((e) => e._count.claims === 0);
  await forgetEventsCounted(
    tx,
    orphaned.map((e) => e.id),
  );
  await tx.event.deleteMany({ where: { id: { in: orphaned.map((e) => e.id) } } });
  const kept = new Set([...w.touchedEventIds, ...created.filter((e) => e._count.claims > 0).map((e) => e.id)]);
  for (const id of kept) if (await tx.event.findUnique({ where: { id }, select: { id: true } })) await recomputeEvent(tx, id);
  const subjects = new Map(orphaned.map((e) => [`${e.personId}:${e.companyId}`, e]));
  for (const e of subjects.values()) await rebuildPositions(tx, e.personId, e.companyId);

  await tx.externalId.deleteMany({ where: { id: { in: w.externalIdIds } } });
  await tx.personAlias.deleteMany({ where: { id: { in: w.personAliasIds } } });
  await tx.companyAlias.deleteMany({ where: { id: { in: w.companyAliasIds } } });
  await tx.person.deleteMany({ where: { id: { in: w.personIds }, events: { none: {} }, reports: { none: {} }, managedIn: { none: {} } } });
  await tx.company.deleteMany({
    where: { id: { in: w.companyIds }, events: { none: {} }, arrivals: { none: {} }, claimsAsDestination: { none: {} } },
  });
  await tx.source.deleteMany({ where: { id: { in: w.sourceIds }, claims: { none: {} }, citedBy: { none: {} } } });
}

export async function undoWritten(db: Db, w: Written) {
  await db.$transaction((tx) => undoInTransaction(tx, w), { timeout: 600_000, maxWait: 60_000 });
}
