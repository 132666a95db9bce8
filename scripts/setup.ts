// npm run setup: apply committed migrations to DATABASE_URL (our runner, lib/db/migrate.ts, for SQLite and
// PostgreSQL alike), finish any post-migrate work they declare, then load the seed dataset through the
// same ingest path users use. Idempotent: a second run stores nothing.
import fs from "node:fs";
import path from "node:path";
import { databaseUrl } from "@/lib/database-url";
import { createDb, type Db } from "@/lib/db-factory";
import { markPostMigrateDone, pendingPostMigrate } from "@/lib/db/migrate";
import { migrateOrExit } from "@/lib/db/migrate-cli";
import { redactUrl } from "@/lib/db/provider";
import { ingestFiles } from "@/lib/ingest/ingest-file";
import { printIngestOutcome } from "./print-ingest-outcome";

const SEED_DIR = path.join(process.cwd(), "prisma", "seed", "data");

/**
 * The post-migrate hook: a migration folder with post-migrate.json {"recomputeEvents": true} changed how
 * events are derived from claims, so every stored event is recomputed once after migrating.
 */
async function recomputeDerivedEvents(db: Db) {
  const mod = (await import("@/lib/ingest/recompute-event")) as Record<string, unknown>;
  const recomputeAllEvents = mod.recomputeAllEvents as ((db: Db) => Promise<number>) | undefined;
  if (typeof recomputeAllEvents !== "function") {
    throw new Error("a migration asks for recomputeEvents, but lib/ingest/recompute-event.ts exports no recomputeAllEvents(db)");
  }
  const n = await recomputeAllEvents(db);
  console.log(`Post-migrate: recomputed ${n} events`);
}

async function runPostMigrate(url: string, db: Db) {
  const pending = await pendingPostMigrate(url);
  if (pending.length === 0) return;
  const unknown = pending.flatMap((p) => Object.keys(p.tasks).filter((k) => k !== "recomputeEvents").map((k) => `${p.name}: ${k}`));
  if (unknown.length > 0) throw new Error(`unknown post-migrate task(s): ${unknown.join(", ")}`);
  if (pending.some((p) => p.tasks.recomputeEvents)) await recomputeDerivedEvents(db);
  await markPostMigrateDone(url, pending.map((p) => p.name));
}

async function main() {
  const url = databaseUrl();
  console.log(`Database: ${redactUrl(url)}`);
  await migrateOrExit(url);
  const files = fs
    .readdirSync(SEED_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => path.join(SEED_DIR, f));
  const db = createDb(url);
  await runPostMigrate(url, db);
  const outcome = await ingestFiles(db, files, "seed");
  await db.$disconnect();
  printIngestOutcome(outcome);
  if (!outcome.ok) process.exit(1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
