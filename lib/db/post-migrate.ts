// Work a migration declares in its folder's post-migrate.json, done once after migrating: today
// {"recomputeEvents": true}, when a migration changed how events are derived from claims. Run by
// `npm run setup` and `npm run db:migrate`; /api/health answers 503 while any is pending.
import type { Db } from "../db-factory";
import { recomputeAllEvents } from "../ingest/recompute-event";
import { markPostMigrateDone, pendingPostMigrate } from "./migrate";

const KNOWN_TASKS = ["recomputeEvents"];

/** Run pending post-migrate work and mark it done; returns the migrations it was for. */
export async function runPostMigrate(url: string, db: Db, log: (line: string) => void = console.log): Promise<string[]> {
  const pending = await pendingPostMigrate(url);
  if (pending.length === 0) return [];
  const unknown = pending.flatMap((p) =>
    Object.keys(p.tasks)
      .filter((k) => !KNOWN_TASKS.includes(k))
      .map((k) => `${p.name}: ${k}`),
  );
  if (unknown.length > 0) throw new Error(`unknown post-migrate task(s): ${unknown.join(", ")}`);
  if (pending.some((p) => p.tasks.recomputeEvents)) {
    // the write path's own function, so a recompute after migrating equals what ingest would store
    const n = await recomputeAllEvents(db);
    log(`Post-migrate: recomputed ${n} events (${pending.map((p) => p.name).join(", ")})`);
  }
  const names = pending.map((p) => p.name);
  await markPostMigrateDone(url, names);
  return names;
}
