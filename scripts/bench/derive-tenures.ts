// The derived tenures (Position, PositionEvent) of a bulk-loaded benchmark database, built by the write
// path's own set-wise function (lib/ingest/recompute-event.ts rebuildPositionsOf), a batch of people per
// transaction. bench-db.ts loads events and claims but no tenures; the post-migrate recompute would derive
// them one event per transaction (about 2,000 tenures a minute here: four hours for 500,000 events), this
// in minutes. Starts from no tenures (deletes any), so a run interrupted is simply run again. Used by
// bench:pages; on its own:
//   tsx scripts/bench/derive-tenures.ts file:/tmp/departures-bench/events-500000.db | postgresql://…/db
import { createDb, type Db } from "@/lib/db-factory";
import { rebuildPositionsOf } from "@/lib/ingest/recompute-event";

/** People per transaction: their events are read in one query (under SQLite's 999 bound parameters). */
const BATCH_PEOPLE = 900;

export async function deriveTenures(db: Db, log: (line: string) => void = console.error): Promise<number> {
  const [{ max }] = await db.$queryRaw<{ max: number | bigint | null }[]>`SELECT MAX("personId") AS max FROM "Event"`;
  const last = Number(max ?? 0);
  const started = Date.now();
  await db.$executeRaw`DELETE FROM "PositionEvent"`;
  await db.$executeRaw`DELETE FROM "Position"`;
  for (let from = 1; from <= last; from += BATCH_PEOPLE) {
    const to = from + BATCH_PEOPLE;
    const pairs = await db.$queryRaw<{ personId: number; companyId: number }[]>`
      SELECT DISTINCT "personId", "companyId" FROM "Event" WHERE "personId" >= ${from} AND "personId" < ${to}`;
    await db.$transaction(
      (tx) =>
        rebuildPositionsOf(
          tx,
          pairs.map((p) => ({ personId: Number(p.personId), companyId: Number(p.companyId) })),
        ),
      { timeout: 600_000, maxWait: 60_000 },
    );
    if (Math.floor(from / BATCH_PEOPLE) % 20 === 0)
      log(`  tenures: people ${from.toLocaleString("en-US")}–${to - 1} of ${last} (${Math.round((Date.now() - started) / 1000)} s)`);
  }
  const [{ n }] = await db.$queryRaw<{ n: number | bigint }[]>`SELECT COUNT(*) AS n FROM "Position"`;
  return Number(n);
}

if (process.argv[1]?.endsWith("derive-tenures.ts")) {
  const url = process.argv[2];
  if (!url) {
    console.error("usage: tsx scripts/bench/derive-tenures.ts DATABASE_URL");
    process.exit(2);
  }
  const db = createDb(url);
  deriveTenures(db)
    .then((n) => console.error(`${n} tenures`))
    .finally(() => db.$disconnect());
}
