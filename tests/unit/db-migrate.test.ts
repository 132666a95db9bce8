import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { migrationSql } from "@/lib/db/migration-diff";
import {
  markPostMigrateDone,
  migrate,
  migrationStatus,
  MigrationError,
  MIGRATIONS_TABLE,
  pendingPostMigrate,
  readMigrations,
} from "@/lib/db/migrate";
import { MIGRATION_DIRS, SCHEMA_PATHS } from "@/lib/db/paths";
import { sqliteFilePath } from "@/lib/database-url";
import { dbStructure } from "../helpers/db-structure";
import { createDatabase, dropDatabase, withDatabase } from "../helpers/pg-admin";

// The migration runner (lib/db/migrate.ts) on the suite's provider: SQLite, or PostgreSQL when the suite
// runs with TEST_DATABASE_URL (scripts/run-tests.mjs does both).
const { provider, template, prefix } = inject("testDb");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "departures-migrate-"));
const dropLater: string[] = [];
afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  for (const name of dropLater) await dropDatabase(template, name);
});

/** A new, empty database of the suite's provider. */
async function emptyDb(): Promise<string> {
  const id = crypto.randomUUID().replace(/-/g, "").slice(0, 10);
  if (provider === "sqlite") return `file:${path.join(tmp, `${id}.db`)}`;
  const name = `${prefix}m_${id}`;
  await createDatabase(template, name);
  dropLater.push(name);
  return withDatabase(template, name);
}

/** A migrations folder made of the given files. */
function folder(migrations: Record<string, string | { sql: string; post?: object }>): string {
  const dir = fs.mkdtempSync(path.join(tmp, "dir-"));
  for (const [name, m] of Object.entries(migrations)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, "migration.sql"), typeof m === "string" ? m : m.sql);
    if (typeof m !== "string" && m.post) fs.writeFileSync(path.join(dir, name, "post-migrate.json"), JSON.stringify(m.post));
  }
  return dir;
}

async function query<T = Record<string, unknown>>(url: string, sql: string): Promise<T[]> {
  if (provider === "sqlite") {
    const sqlite = new Database(sqliteFilePath(url)!);
    try {
      const stmt = sqlite.prepare(sql);
      return (stmt.reader ? stmt.all() : (stmt.run(), [])) as T[];
    } finally {
      sqlite.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

const recorded = async (url: string) =>
  (await query<{ name: string; checksum: string }>(url, `SELECT "name", "checksum" FROM "${MIGRATIONS_TABLE}" ORDER BY "name"`)).map((r) => r.name);

const A = `CREATE TABLE "Parent" ("id" INTEGER NOT NULL PRIMARY KEY, "name" TEXT NOT NULL);
CREATE TABLE "Child" ("id" INTEGER NOT NULL PRIMARY KEY, "parentId" INTEGER NOT NULL REFERENCES "Parent" ("id") ON DELETE CASCADE);`;
const B = `INSERT INTO "Parent" ("id", "name") VALUES (1, 'one'), (2, 'two');
INSERT INTO "Child" ("id", "parentId") VALUES (10, 1), (11, 1), (12, 2);`;

describe(`migration runner (${provider})`, () => {
  it("applies the committed migrations in order, once; a second run applies nothing and the status is current", async () => {
    const url = await emptyDb();
    const first = await migrate(url);
    const names = readMigrations(MIGRATION_DIRS[provider]).map((m) => m.name);
    expect(first.applied).toEqual(names);
    expect(await recorded(url)).toEqual(names);
    expect((await migrate(url)).applied).toEqual([]);
    const status = await migrationStatus(url);
    expect(status).toMatchObject({ pending: [], changed: [], unknown: [], applied: names });
    const rows = await query<{ name: string; checksum: string }>(url, `SELECT "name", "checksum" FROM "${MIGRATIONS_TABLE}"`);
    for (const r of rows) {
      const sql = fs.readFileSync(path.join(MIGRATION_DIRS[provider], r.name, "migration.sql"), "utf8");
      expect(r.checksum).toBe(crypto.createHash("sha256").update(sql).digest("hex"));
    }
  });

  it("the migrated database has every table, column, index and key prisma/schema.prisma describes", async () => {
    const fromSchema = await emptyDb();
    const sql = migrationSql(provider, null, fs.readFileSync(SCHEMA_PATHS.sqlite, "utf8"), fromSchema);
    await migrate(fromSchema, { dir: folder({ "0001_schema": sql }) });
    const migrated = await emptyDb();
    await migrate(migrated);
    const want = await dbStructure(fromSchema);
    const have = await dbStructure(migrated);
    // hand-written objects (FTS5 tables, pg_trgm indexes, triggers) may come on top; nothing may be missing
    for (const key of ["columns", "indexes", "constraints"] as const) {
      expect(
        want[key].filter((x) => !have[key].includes(x)),
        `${key} missing from the migrated database`,
      ).toEqual([]);
    }
    const schemaTables = new Set(want.columns.map((c) => c.split(".")[0]));
    expect(
      have.columns.filter((c) => schemaTables.has(c.split(".")[0]) && !want.columns.includes(c)),
      "columns not in the schema",
    ).toEqual([]);
  }, 120_000);

  it("applies only what is pending, and refuses to run when an applied migration was edited", async () => {
    const url = await emptyDb();
    const dir = folder({ "0001_a": A });
    await migrate(url, { dir });
    fs.mkdirSync(path.join(dir, "0002_b"));
    fs.writeFileSync(path.join(dir, "0002_b", "migration.sql"), B);
    expect((await migrate(url, { dir })).applied).toEqual(["0002_b"]);
    fs.appendFileSync(path.join(dir, "0001_a", "migration.sql"), "\n-- edited\n");
    fs.mkdirSync(path.join(dir, "0003_c"));
    fs.writeFileSync(path.join(dir, "0003_c", "migration.sql"), `INSERT INTO "Parent" ("id", "name") VALUES (3, 'three');`);
    await expect(migrate(url, { dir })).rejects.toThrow(MigrationError);
    await expect(migrate(url, { dir })).rejects.toThrow(/0001_a.*edited after being applied|edited after being applied[\s\S]*0001_a/);
    expect(await recorded(url)).toEqual(["0001_a", "0002_b"]);
    expect((await migrationStatus(url, { dir })).changed).toEqual(["0001_a"]);
  });

  it("rolls a failing migration back entirely and applies nothing after it", async () => {
    const url = await emptyDb();
    const dir = folder({ "0001_a": A, "0002_bad": `CREATE TABLE "Half" ("id" INTEGER);\nINSERT INTO "Nowhere" VALUES (1);`, "0003_c": B });
    await expect(migrate(url, { dir })).rejects.toThrow(/0002_bad failed and was rolled back/);
    expect(await recorded(url)).toEqual(["0001_a"]);
    const half =
      provider === "sqlite" ? `SELECT name FROM sqlite_master WHERE name = 'Half'` : `SELECT tablename FROM pg_tables WHERE tablename = 'Half'`;
    expect(await query(url, half)).toEqual([]);
  });

  it("runs multi-statement files with triggers and functions", async () => {
    const url = await emptyDb();
    const trigger =
      provider === "sqlite"
        ? `CREATE TABLE "Log" ("n" INTEGER);
CREATE TRIGGER "Parent_log" AFTER INSERT ON "Parent" BEGIN
  INSERT INTO "Log" ("n") VALUES (new."id");
END;`
        : `CREATE TABLE "Log" ("n" INTEGER);
CREATE FUNCTION "log_parent"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "Log" ("n") VALUES (NEW."id");
  RETURN NULL;
END;
$$;
CREATE TRIGGER "Parent_log" AFTER INSERT ON "Parent" FOR EACH ROW EXECUTE FUNCTION "log_parent"();`;
    await migrate(url, { dir: folder({ "0001_a": A, "0002_trigger": trigger, "0003_b": B }) });
    expect((await query<{ n: number }>(url, `SELECT COUNT(*) AS n FROM "Log"`))[0].n).toEqual(provider === "sqlite" ? 2 : "2");
  });

  it("records post-migrate work as pending until it is marked done", async () => {
    const url = await emptyDb();
    const dir = folder({ "0001_a": A, "0002_b": { sql: B, post: { recomputeEvents: true } } });
    await migrate(url, { dir });
    expect(await pendingPostMigrate(url)).toEqual([{ name: "0002_b", tasks: { recomputeEvents: true } }]);
    expect((await migrationStatus(url, { dir })).current).toBe(false);
    await markPostMigrateDone(url, ["0002_b"]);
    expect(await pendingPostMigrate(url)).toEqual([]);
    expect((await migrationStatus(url, { dir })).current).toBe(true);
  });

  it("two runners started together apply each migration exactly once", async () => {
    const url = await emptyDb();
    const slow = provider === "postgresql" ? `SELECT pg_sleep(0.3);` : "";
    const dir = folder({ "0001_a": A + slow, "0002_b": B + slow, "0003_c": `INSERT INTO "Parent" ("id", "name") VALUES (3, 'three');` });
    const results = await Promise.all([migrate(url, { dir }), migrate(url, { dir }), migrate(url, { dir })]);
    expect(results.flatMap((r) => r.applied).sort()).toEqual(["0001_a", "0002_b", "0003_c"]);
    expect((await query<{ n: number }>(url, `SELECT COUNT(*) AS n FROM "Parent"`))[0].n).toEqual(provider === "sqlite" ? 3 : "3");
    expect(await recorded(url)).toEqual(["0001_a", "0002_b", "0003_c"]);
  });

  it("two runner processes started together apply each migration exactly once", async () => {
    const url = await emptyDb();
    const dir = folder({ "0001_a": A, "0002_b": B, "0003_c": `INSERT INTO "Parent" ("id", "name") VALUES (3, 'three');` });
    const code = `import { migrate } from "./lib/db/migrate"; migrate(process.env.URL!, { dir: process.env.DIR }).then((r) => console.log(JSON.stringify(r.applied)), (e) => { console.error(e.message); process.exit(1); });`;
    const run = () =>
      new Promise<string[]>((resolve, reject) => {
        const child = spawn("npx", ["tsx", "-e", code], { env: { ...process.env, URL: url, DIR: dir } });
        let out = "";
        let err = "";
        child.stdout.on("data", (d) => (out += d));
        child.stderr.on("data", (d) => (err += d));
        child.on("close", (status) => (status === 0 ? resolve(JSON.parse(out.trim().split("\n").pop()!)) : reject(new Error(err))));
      });
    const applied = await Promise.all([run(), run()]);
    expect(applied.flat().sort()).toEqual(["0001_a", "0002_b", "0003_c"]);
    expect(await recorded(url)).toEqual(["0001_a", "0002_b", "0003_c"]);
  }, 60_000);
});

describe.runIf(provider === "sqlite")("migration runner, SQLite specifics", () => {
  // Prisma's "RedefineTables": create new_X, copy, DROP TABLE X, rename. With foreign keys on, dropping a
  // referenced table cascades into its children, and PRAGMA foreign_keys=OFF inside a transaction is a no-op.
  const REDEFINE = `PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Parent" ("id" INTEGER NOT NULL PRIMARY KEY, "name" TEXT NOT NULL, "extra" TEXT);
INSERT INTO "new_Parent" ("id", "name") SELECT "id", "name" FROM "Parent";
DROP TABLE "Parent";
ALTER TABLE "new_Parent" RENAME TO "Parent";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;`;

  it("a table redefinition keeps the child rows of the redefined table", async () => {
    const url = await emptyDb();
    await migrate(url, { dir: folder({ "0001_a": A, "0002_b": B, "0003_redefine": REDEFINE }) });
    expect(await query(url, `SELECT "id", "parentId" FROM "Child" ORDER BY "id"`)).toEqual([
      { id: 10, parentId: 1 },
      { id: 11, parentId: 1 },
      { id: 12, parentId: 2 },
    ]);
    // and foreign keys are enforced again afterwards, on the redefined table
    const db = new Database(sqliteFilePath(url)!);
    db.pragma("foreign_keys = ON");
    expect(() => db.prepare(`DELETE FROM "Parent" WHERE "id" = 2`).run()).not.toThrow();
    expect(db.prepare(`SELECT COUNT(*) AS n FROM "Child"`).get()).toEqual({ n: 2 });
    db.close();
  });

  it("a migration that leaves a dangling reference fails the foreign key check and is rolled back", async () => {
    const url = await emptyDb();
    const dir = folder({ "0001_a": A, "0002_b": B, "0003_orphan": `INSERT INTO "Child" ("id", "parentId") VALUES (99, 42);` });
    await expect(migrate(url, { dir })).rejects.toThrow(/foreign key check failed/);
    expect(await recorded(url)).toEqual(["0001_a", "0002_b"]);
  });

  it("adopts the history of a database made by prisma migrate deploy and upgrades it in place", async () => {
    const url = await emptyDb();
    const migrations = readMigrations(MIGRATION_DIRS.sqlite);
    const [first, second] = migrations;
    const db = new Database(sqliteFilePath(url)!);
    // _prisma_migrations exactly as Prisma creates it
    db.exec(`CREATE TABLE "_prisma_migrations" ("id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
      "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME, "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
      "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`);
    for (const m of [first, second]) {
      db.exec(m.sql);
      db.prepare(
        `INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "applied_steps_count") VALUES (?, ?, ?, ?, 1)`,
      ).run(crypto.randomUUID(), m.checksum, Date.now(), m.name);
    }
    db.prepare(`INSERT INTO "Company" ("slug", "name") VALUES ('kept', 'Kept')`).run();
    db.close();
    const { applied } = await migrate(url);
    expect(applied).toEqual(migrations.slice(2).map((m) => m.name));
    expect(await recorded(url)).toEqual(migrations.map((m) => m.name));
    expect(await query(url, `SELECT "slug" FROM "Company"`)).toEqual([{ slug: "kept" }]);
  });
});
