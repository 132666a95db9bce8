import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

const MIGRATIONS = path.resolve(import.meta.dirname, "../../prisma/migrations");

/** Apply every committed migration, in order, to a new SQLite file: the same SQL `prisma migrate deploy` runs. */
export function createMigratedDatabase(file: string) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  removeDatabase(file);
  const sqlite = new Database(file);
  for (const dir of fs.readdirSync(MIGRATIONS).filter((d) => fs.statSync(path.join(MIGRATIONS, d)).isDirectory()).sort()) {
    sqlite.exec(fs.readFileSync(path.join(MIGRATIONS, dir, "migration.sql"), "utf8"));
  }
  sqlite.close();
}

export function removeDatabase(file: string) {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
}
