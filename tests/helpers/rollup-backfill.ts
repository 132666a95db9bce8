// The EventRollup backfill exactly as migration 0009 runs it (its hand-written statements), for databases
// whose events were loaded around the write path: the benchmark's bulk load, and the tests' recount.
import fs from "node:fs";
import path from "node:path";
import { handWrittenPart } from "../../lib/db/migration-files";
import { MIGRATION_DIRS } from "../../lib/db/paths";
import type { Provider } from "../../lib/db/provider";

export const ROLLUP_MIGRATION = "0009_event_rollups";

/** `DELETE FROM "EventRollup"` and the migration's INSERT … SELECT statements, one string each. */
export function rollupBackfillStatements(provider: Provider): string[] {
  const text = fs.readFileSync(path.join(MIGRATION_DIRS[provider], ROLLUP_MIGRATION, "migration.sql"), "utf8");
  const body = handWrittenPart(text)
    .split("\n")
    .filter((l) => !l.trim().startsWith("--"))
    .join("\n");
  return [
    'DELETE FROM "EventRollup"',
    ...body
      .split(";")
      .map((s) => s.trim())
      .filter(Boolean),
  ];
}
