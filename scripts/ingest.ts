// npm run ingest -- FILE.json [FILE.json ...] [--dry-run] [--json]: validate, then load files in the app's own
// format (docs/ingest-format.md). Every file is validated before anything is stored: one invalid record means
// nothing is stored (exit 1). Each file is then imported as a batch of the dataset named after the file, with
// the import's report and undo (`npm run import -- --undo BATCH_ID`); --dry-run only prints the report.
// For other formats, mappings and dataset names: npm run import (README, "Importing datasets").
import { parseArgs } from "node:util";
import { createDb } from "@/lib/db-factory";
import { systemActor } from "@/lib/ingest/actor";
import { readIngestFile } from "@/lib/ingest/ingest-file";
import { importRead } from "@/lib/import/import-text";
import { DatasetReadError, readDatasetFile } from "@/lib/import/read-dataset";
import { formatReport } from "@/lib/import/report";
import { printIngestOutcome } from "./print-ingest-outcome";

const USAGE = "usage: npm run ingest -- FILE.json [FILE.json ...] [--dry-run] [--json]   (format: docs/ingest-format.md)";

function args() {
  try {
    return parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      strict: true,
      options: { "dry-run": { type: "boolean" }, json: { type: "boolean" } },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

async function main() {
  const { values, positionals: files } = args();
  if (files.length === 0) {
    console.error(USAGE);
    process.exit(2);
  }
  const invalid = files.map((file) => ({ file, parsed: readIngestFile(file) })).filter((f) => !f.parsed.ok);
  if (invalid.length > 0) {
    printIngestOutcome({ ok: false, errors: invalid.map((f) => ({ file: f.file, errors: f.parsed.ok ? {} : f.parsed.errors })) });
    process.exit(1);
  }
  const db = createDb();
  try {
    for (const file of files) {
      const read = readDatasetFile(file, { format: "departures" });
      const { report } = await importRead(db, read, { options: { retractMissing: false }, dryRun: values["dry-run"], actor: systemActor("cli") });
      console.log(values.json ? JSON.stringify(report, null, 2) : `${file}\n${formatReport(report)}`);
    }
  } catch (error) {
    if (error instanceof DatasetReadError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
