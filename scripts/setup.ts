// npm run setup: apply committed migrations to DATABASE_URL (our runner, lib/db/migrate.ts, for SQLite and
// PostgreSQL alike), finish any post-migrate work they declare, then load the seed dataset through the
// same ingest path users use. Idempotent: a second run stores nothing.
import fs from "node:fs";
import path from "node:path";
import { databaseUrl } from "@/lib/database-url";
import { createDb } from "@/lib/db-factory";
import { migrateOrExit } from "@/lib/db/migrate-cli";
import { runPostMigrate } from "@/lib/db/post-migrate";
import { redactUrl } from "@/lib/db/provider";
import { systemActor } from "@/lib/ingest/actor";
import { ingestFiles } from "@/lib/ingest/ingest-file";
import { printIngestOutcome } from "./print-ingest-outcome";

const SEED_DIR = path.join(process.cwd(), "prisma", "seed", "data");

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
  const outcome = await ingestFiles(db, files, systemActor("seed"));
  await db.$disconnect();
  printIngestOutcome(outcome);
  if (!outcome.ok) process.exit(1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
