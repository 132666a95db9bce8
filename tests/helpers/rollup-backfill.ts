// The EventRollup backfill exactly as migrations 0009 and 0011 run it (its hand-written statements), for databases
// whose events were loaded around the write path: the benchmark's bulk load, and the tests' recount.
import fs from "node:fs";
import path from "node:path";
import { handWrittenPart } from "../../lib/db/migration-files";
import { MIGRATION_DIRS } from "../../lib/db/paths";
import type { Provider } from "../../lib/db/provider";

/** The migrations whose hand-written statements build the rollup, in order (0011 rebuilt two grains). */
export const ROLLUP_MIGRATIONS = ["0009_event_rollups", "0011_rollup_grains_without_role"];

/** `DELETE FROM "EventRollup"` and the migrations' statements, one string each, in order. */
export function rollupBackfillStatements(provider: Provider): string[] {
  const statements = ROLLUP_MIGRATIONS.flatMap((name) => {
    const text = fs.readFileSync(path.join(MIGRATION_DIRS[provider], name, "migration.sql"), "utf8");
    const body = handWrittenPart(text)
      .split("\n")
      .filter((l) => !l.trim().startsWith("--"))
      .join("\n");
    return body
      .split(";")
      .map((s) => s.trim())
      .filter(Boolean);
  });
  return ['DELETE FROM "EventRollup"', ...statements];
}
