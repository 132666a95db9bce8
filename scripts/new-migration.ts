// npm run db:migration -- NAME: write the migration for a schema change for BOTH providers,
//   prisma/migrations/NNNN_NAME/migration.sql             (SQLite)
//   prisma/postgresql/migrations/NNNN_NAME/migration.sql  (PostgreSQL)
// from the difference between the committed prisma/schema.prisma (HEAD, or --from REV) and the working one,
// and regenerates prisma/postgresql/schema.prisma. Schemas are diffed as text (`migrate diff
// --from-schema-datamodel`), never against a database or the migration history: `migrate dev` needs a
// shadow database, which the offline JS engine cannot create (P3006), and hand-written objects (FTS5
// tables, triggers, pg_trgm indexes) that are not in the schema would show up as things to drop.
//
// Each file has a generated part and a hand-written part, split by END_MARKER. Rerunning with the same
// NAME (before committing) regenerates the generated part of both files and keeps what was written below
// the marker. PostgreSQL's diff needs a reachable server: MIGRATION_DATABASE_URL or TEST_DATABASE_URL
// when set (nothing is written there), else a throwaway cluster is started and removed.
//
//   npm run db:migration -- NAME [--from REV]   schema change → both migrations
//   npm run db:migration -- NAME --empty        hand-written only (no schema change): both files, generated part empty
//   npm run db:migration -- --twin NNNN_NAME    the PostgreSQL twin of an existing SQLite migration, from the
//                                               schema before/after the commit that added it; SQL in the
//                                               SQLite file that Prisma did not generate is copied in as
//                                               comments marked TODO(port) (a unit test fails until ported)
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { changesSomething, migrationSql } from "@/lib/db/migration-diff";
import { handWrittenStatements, migrationText, nextMigrationNumber, writeMigrationFile } from "@/lib/db/migration-files";
import { MIGRATION_DIRS, SCHEMA_PATHS } from "@/lib/db/paths";
import { providerOfUrl, type Provider } from "@/lib/db/provider";
import { postgresSchemaFrom } from "@/lib/db/schemas";
import { findPostgresBin, startThrowawayPostgres } from "@/lib/db/throwaway-postgres.mjs";

const PROVIDERS: Provider[] = ["sqlite", "postgresql"];

function usage(): never {
  console.error("usage: npm run db:migration -- some_name [--from REV] [--empty]   |   npm run db:migration -- --twin NNNN_name");
  process.exit(2);
}

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  args.splice(i, 2);
  return value ?? usage();
};
const twin = flag("--twin");
const from = flag("--from") ?? "HEAD";
const empty = args.includes("--empty");
const name = args.find((a) => !a.startsWith("--"));

const git = (...a: string[]) => execFileSync("git", a, { encoding: "utf8" });
const schemaAt = (rev: string) => git("show", `${rev}:prisma/schema.prisma`);

async function postgresUrl(): Promise<{ url: string; stop: () => void }> {
  const given = process.env.MIGRATION_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (given && providerOfUrl(given) === "postgresql") return { url: given, stop: () => {} };
  if (!findPostgresBin()) {
    console.error("PostgreSQL's diff needs a server: set MIGRATION_DATABASE_URL=postgresql://… or install postgresql (PG_BIN for its bin dir)");
    process.exit(1);
  }
  console.log("Starting a throwaway PostgreSQL cluster for the diff…");
  return startThrowawayPostgres();
}

/** The folder NNNN_name when one exists (in either provider) and git does not track it yet. */
function uncommittedFolder(migrationName: string): string | null {
  for (const p of PROVIDERS) {
    if (!fs.existsSync(MIGRATION_DIRS[p])) continue;
    const found = fs.readdirSync(MIGRATION_DIRS[p]).find((d) => d.replace(/^\d{4}_/, "") === migrationName);
    if (!found) continue;
    const tracked = git("ls-files", path.relative(process.cwd(), path.join(MIGRATION_DIRS[p], found))).trim();
    if (tracked) {
      console.error(`${found} is already committed: applied migrations never change. Pick a new name.`);
      process.exit(1);
    }
    return found;
  }
  return null;
}

function writeMigration(file: string, generated: string, provider: Provider, description: string) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeMigrationFile(file, provider, description, generated);
}

function writePostgresSchema() {
  const text = postgresSchemaFrom(fs.readFileSync(SCHEMA_PATHS.sqlite, "utf8"));
  if (!fs.existsSync(SCHEMA_PATHS.postgresql) || fs.readFileSync(SCHEMA_PATHS.postgresql, "utf8") !== text) {
    fs.writeFileSync(SCHEMA_PATHS.postgresql, text);
    console.log(`Wrote ${path.relative(process.cwd(), SCHEMA_PATHS.postgresql)}`);
  }
}

/** SQLite's diff: migrate diff only needs some SQLite URL (it creates nothing there); removed at exit. */
const scratchDir = fs.mkdtempSync(path.join(os.tmpdir(), "departures-diff-"));
process.on("exit", () => fs.rmSync(scratchDir, { recursive: true, force: true }));
const scratchSqlite = () => `file:${path.join(scratchDir, "scratch.db")}`;

async function newMigration(migrationName: string) {
  const before = schemaAt(from);
  const after = fs.readFileSync(SCHEMA_PATHS.sqlite, "utf8");
  const sqliteSql = empty ? "" : migrationSql("sqlite", before, after, scratchSqlite());
  if (!empty && !changesSomething(sqliteSql)) {
    console.error(`prisma/schema.prisma has no changes since ${from}: no migration written (--empty for a hand-written one)`);
    process.exit(1);
  }
  const pg = empty ? null : await postgresUrl();
  try {
    const postgresSql = pg ? migrationSql("postgresql", before, after, pg.url) : "";
    const folder = uncommittedFolder(migrationName) ?? `${nextMigrationNumber(PROVIDERS.map((p) => MIGRATION_DIRS[p]))}_${migrationName}`;
    const description = empty ? "Hand-written migration" : `Schema change since ${from}`;
    writeMigration(path.join(MIGRATION_DIRS.sqlite, folder, "migration.sql"), sqliteSql, "sqlite", description);
    writeMigration(path.join(MIGRATION_DIRS.postgresql, folder, "migration.sql"), postgresSql, "postgresql", description);
    writePostgresSchema();
    console.log(`Wrote ${folder}/migration.sql in prisma/migrations and prisma/postgresql/migrations.`);
    console.log("Review both, add hand-written SQL below the END OF GENERATED SQL line of each (per provider), and commit them with the schema.");
    console.log(`If existing events must be recomputed afterwards, add {"recomputeEvents": true} as post-migrate.json to both folders.`);
  } finally {
    pg?.stop();
  }
}

async function postgresTwin(folder: string) {
  const sqliteFile = path.join(MIGRATION_DIRS.sqlite, folder, "migration.sql");
  if (!fs.existsSync(sqliteFile)) usage();
  const added = git("log", "--diff-filter=A", "--format=%H", "--", path.relative(process.cwd(), sqliteFile)).trim().split("\n").pop();
  // uncommitted: the change is between HEAD and the working schema
  const [beforeRev, after] = added ? [`${added}~1`, schemaAt(added)] : ["HEAD", fs.readFileSync(SCHEMA_PATHS.sqlite, "utf8")];
  const before = schemaAt(beforeRev);
  const pg = await postgresUrl();
  try {
    const postgresSql = migrationSql("postgresql", before, after, pg.url);
    // statements of the SQLite file that Prisma did not generate: hand-written, to be ported by hand
    const foreign = handWrittenStatements(fs.readFileSync(sqliteFile, "utf8"), migrationSql("sqlite", before, after, scratchSqlite()));
    const port = foreign
      ? `\n-- TODO(port): hand-written SQL of prisma/migrations/${folder}/migration.sql, to be rewritten for PostgreSQL\n` +
        `-- (tests/unit/db-schemas.test.ts fails while this marker is here):\n${foreign
          .split("\n")
          .map((l) => `-- ${l}`)
          .join("\n")}\n`
      : "\n";
    const target = path.join(MIGRATION_DIRS.postgresql, folder, "migration.sql");
    if (fs.existsSync(target)) {
      console.error(`${target} exists already`);
      process.exit(1);
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, migrationText("postgresql", `Twin of prisma/migrations/${folder}`, postgresSql, port));
    const post = path.join(MIGRATION_DIRS.sqlite, folder, "post-migrate.json");
    if (fs.existsSync(post)) fs.copyFileSync(post, path.join(MIGRATION_DIRS.postgresql, folder, "post-migrate.json"));
    console.log(`Wrote ${path.relative(process.cwd(), target)}${foreign ? " — port the TODO(port) statements by hand" : ""}`);
  } finally {
    pg.stop();
  }
}

async function main() {
  if (twin) return postgresTwin(twin);
  if (!name || !/^[a-z0-9_]+$/.test(name)) usage();
  return newMigration(name);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
