// npm run setup: apply committed migrations to DATABASE_URL, then load the seed dataset through the
// same ingest path users use. Idempotent: a second run stores nothing.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { databaseUrl } from "@/lib/database-url";
import { createDb } from "@/lib/db-factory";
import { ingestFiles } from "@/lib/ingest/ingest-file";
import { printIngestOutcome } from "./print-ingest-outcome";

const SEED_DIR = path.join(process.cwd(), "prisma", "seed", "data");

async function main() {
  const url = databaseUrl();
  console.log(`Database: ${url}`);
  execFileSync("npx", ["prisma", "migrate", "deploy"], { stdio: "inherit", env: process.env });
  const files = fs
    .readdirSync(SEED_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => path.join(SEED_DIR, f));
  const db = createDb(url);
  const outcome = await ingestFiles(db, files, "seed");
  await db.$disconnect();
  printIngestOutcome(outcome);
  if (!outcome.ok) process.exit(1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
