// npm run ingest -- FILE.json [FILE.json ...]: validate and ingest sources and claims (docs/ingest-format.md).
// All files are validated before anything is stored; one invalid record means nothing is stored.
import { createDb } from "@/lib/db-factory";
import { systemActor } from "@/lib/ingest/actor";
import { ingestFiles } from "@/lib/ingest/ingest-file";
import { printIngestOutcome } from "./print-ingest-outcome";

async function main() {
  const files = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  if (files.length === 0) {
    console.error("usage: npm run ingest -- FILE.json [FILE.json ...]   (format: docs/ingest-format.md)");
    process.exit(2);
  }
  const db = createDb();
  const outcome = await ingestFiles(db, files, systemActor("cli"));
  await db.$disconnect();
  printIngestOutcome(outcome);
  process.exit(outcome.ok ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
