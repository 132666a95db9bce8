/**
 * Keeps the EventRollup table exact, inside the transaction that writes an event: the row's old
 * contribution is taken away and its new one added, so a chart or count read from the rollup equals a
 * count over the events at every commit. See docs/decisions/0075-event-rollups.md.
 */
import { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/lib/db-factory";
import { rollupKeys, rollupKeyString, type RollupEventRow, type RollupKey } from "@/lib/domain/event-rollup-keys";

const { sql } = Prisma;

const ROLLUP_COLUMNS = {
  companyId: true,
  kind: true,
  status: true,
  roleCategory: true,
  sortDate: true,
  dateLatest: true,
  destinationId: true,
  destinationRelation: true,
  claimCount: true,
} as const;

/**
 * `tx.event.update({ where: { id }, data })` for an event's derived state, with the rollup moved from the
 * row as it was to the row as written. Returns the updated event.
 */
export async function updateEventCounted(tx: Tx, args: { where: { id: number }; data: Prisma.EventUncheckedUpdateInput }) {
  const before = await tx.event.findUniqueOrThrow({ where: args.where, select: ROLLUP_COLUMNS });
  const event = await tx.event.update(args);
  await applyRollupDelta(tx, rollupDelta([before], [event]));
  return event;
}

/** Take deleted events out of the rollup; call before deleting them, in the same transaction. */
export async function forgetEventsCounted(tx: Tx, eventIds: number[]) {
  if (eventIds.length === 0) return;
  const rows = await tx.event.findMany({ where: { id: { in: eventIds } }, select: ROLLUP_COLUMNS });
  await applyRollupDelta(tx, rollupDelta(rows, []));
}

/**
 * `tx.event.updateMany` over the given events (a merge or split moving them to another person or company),
 * with their rollup contributions moved from the rows as they were to the rows as written.
 */
export async function moveEventsCounted(tx: Tx, eventIds: number[], data: Prisma.EventUncheckedUpdateManyInput) {
  if (eventIds.length === 0) return;
  const before = await tx.event.findMany({ where: { id: { in: eventIds } }, select: ROLLUP_COLUMNS });
  await tx.event.updateMany({ where: { id: { in: eventIds } }, data });
  const after = await tx.event.findMany({ where: { id: { in: eventIds } }, select: ROLLUP_COLUMNS });
  await applyRollupDelta(tx, rollupDelta(before, after));
}

interface Delta {
  key: RollupKey;
  by: number;
}

/** -1 for each row the old events counted in, +1 for each the new ones do; rows in both cancel. */
function rollupDelta(before: RollupEventRow[], after: RollupEventRow[]): Delta[] {
  const delta = new Map<string, Delta>();
  const add = (keys: RollupKey[], by: number) => {
    for (const key of keys) {
      const id = rollupKeyString(key);
      const d = delta.get(id) ?? { key, by: 0 };
      d.by += by;
      delta.set(id, d);
    }
  };
  for (const e of before) add(rollupKeys(e), -1);
  for (const e of after) add(rollupKeys(e), +1);
  // one order for every writer (by key), so two transactions never wait on each other's rows in a cycle
  return [...delta.entries()]
    .filter(([, d]) => d.by !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, d]) => d);
}

/**
 * The delta of events rewritten set-wise (a bulk import): `before` the rows as they were (none for events
 * created), `after` as written. The sum of per-event deltas telescopes to this one, so the table stays exact.
 */
export async function countEventsChanged(tx: Tx, before: RollupEventRow[], after: RollupEventRow[]) {
  await applyRollupDelta(tx, rollupDelta(before, after));
}

/** Rows per statement: 10 parameters each, far below either database's limit on bound parameters. */
const ROLLUP_ROWS_PER_STATEMENT = 500;

async function applyRollupDelta(tx: Tx, deltas: Delta[]) {
  for (let start = 0; start < deltas.length; start += ROLLUP_ROWS_PER_STATEMENT) {
    const part = deltas.slice(start, start + ROLLUP_ROWS_PER_STATEMENT);
    const values = part.map(
      ({ key: k, by }) =>
        sql`(${k.grain}, ${k.companyId}, ${k.earliest}, ${k.latest}, ${k.destinationId}, ${k.relation}, ${k.roleCategory}, ${k.kind}, ${k.status}, ${by})`,
    );
    // an upsert: atomic on both databases, so concurrent writers' increments add up; rows in key order
    await tx.$executeRaw(sql`
      INSERT INTO "EventRollup" ("grain", "companyId", "earliest", "latest", "destinationId", "relation", "roleCategory", "kind", "status", "n")
      VALUES ${Prisma.join(values)}
      ON CONFLICT ("grain", "companyId", "earliest", "latest", "destinationId", "relation", "roleCategory", "kind", "status")
      DO UPDATE SET "n" = "EventRollup"."n" + excluded."n"`);
    const emptied = part.filter((d) => d.by < 0);
    if (emptied.length === 0) continue;
    const keys = emptied.map(
      ({ key: k }) =>
        sql`("grain" = ${k.grain} AND "companyId" = ${k.companyId} AND "earliest" = ${k.earliest} AND "latest" = ${k.latest}
          AND "destinationId" = ${k.destinationId} AND "relation" = ${k.relation} AND "roleCategory" = ${k.roleCategory}
          AND "kind" = ${k.kind} AND "status" = ${k.status})`,
    );
    await tx.$executeRaw(sql`DELETE FROM "EventRollup" WHERE "n" = 0 AND (${Prisma.join(keys, " OR ")})`);
  }
}
