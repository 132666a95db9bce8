// npm run import -- FILE [--format departures|csv|warning-collective|wikidata|popolo] [--mapping MAP.json]
//     [--dataset NAME] [--dataset-version V] [--licence L] [--account EMAIL] [--dry-run] [--retract-missing] [--json]
// npm run import -- --undo BATCH_ID [--account EMAIL]
// Imports a dataset as one batch (docs/import-formats.md) and prints the report; --dry-run rolls everything
// back and prints what would happen. Exit codes: 0 done, 1 the import failed, 2 bad arguments or file.
import { parseArgs } from "node:util";
import { createDb, type Db } from "@/lib/db-factory";
import { IMPORT_FORMATS } from "@/lib/domain/vocabulary";
import { accountActor, systemActor, type Actor } from "@/lib/ingest/actor";
import { IngestError } from "@/lib/ingest/ingest-error";
import { importRead } from "@/lib/import/import-text";
import { DatasetReadError, isImportFormat, readDatasetFile } from "@/lib/import/read-dataset";
import { formatReport } from "@/lib/import/report";
import { undoBatch } from "@/lib/import/undo-batch";

const USAGE = `usage: npm run import -- FILE [--format ${IMPORT_FORMATS.join("|")}] [--mapping MAP.json] [--dataset NAME]
         [--dataset-version V] [--licence L] [--account EMAIL] [--dry-run] [--retract-missing] [--json]
       npm run import -- --undo BATCH_ID [--account EMAIL]`;

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function args() {
  try {
    return parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: "string" },
        mapping: { type: "string" },
        dataset: { type: "string" },
        "dataset-version": { type: "string" },
        licence: { type: "string" },
        account: { type: "string" },
        "dry-run": { type: "boolean" },
        "retract-missing": { type: "boolean" },
        json: { type: "boolean" },
        undo: { type: "string" },
        help: { type: "boolean" },
      },
    });
  } catch (error) {
    fail((error as Error).message);
  }
}

async function actorFor(db: Db, email: string | undefined): Promise<Actor> {
  if (!email) return systemActor("import");
  const user = await db.user.findUnique({ where: { email: email.toLowerCase() } });
  if (!user) fail(`no account has the email ${email}`);
  if (user.role !== "editor" && user.role !== "admin") fail(`${email} is a ${user.role}: only editors and admins import datasets`);
  return accountActor(user);
}

async function main() {
  const { values, positionals } = args();
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const db = createDb();
  try {
    const actor = await actorFor(db, values.account);
    if (values.undo !== undefined) {
      if (positionals.length > 0) fail("--undo takes a batch id and no file");
      const id = Number(values.undo);
      if (!Number.isInteger(id) || id <= 0) fail(`--undo needs a batch id (a positive whole number), not "${values.undo}"`);
      const result = await undoBatch(db, id, actor);
      if (values.json) console.log(JSON.stringify(result, null, 2));
      else console.log(`Undid import batch ${id}: ${result.retracted} claims retracted, ${result.restored} earlier claims restored`);
      return 0;
    }
    if (positionals.length !== 1) fail(positionals.length === 0 ? "name the file to import" : "import one file at a time");
    if (values.format && !isImportFormat(values.format)) fail(`unknown --format "${values.format}"`);
    const read = readDatasetFile(positionals[0], { format: values.format as never, mappingFile: values.mapping });
    const { report } = await importRead(db, read, {
      options: {
        dataset: values.dataset,
        version: values["dataset-version"],
        licence: values.licence,
        retractMissing: values["retract-missing"] ?? false,
      },
      dryRun: values["dry-run"],
      actor,
    });
    console.log(values.json ? JSON.stringify(report, null, 2) : formatReport(report));
    return 0;
  } catch (error) {
    if (error instanceof DatasetReadError) fail(error.message);
    if (error instanceof IngestError) {
      for (const [field, messages] of Object.entries(error.fieldErrors)) for (const m of messages) console.error(`${field}: ${m}`);
      return 1;
    }
    throw error;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
