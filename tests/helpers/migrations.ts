import fs from "node:fs";

/** Delete a SQLite database file and its WAL/journal companions. (Migrating is lib/db/migrate.ts's job.) */
export function removeDatabase(file: string) {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
}
