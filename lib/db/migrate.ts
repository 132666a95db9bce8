// Our migration runner (ADR 0033): Prisma 6.19's `migrate deploy` fails on PostgreSQL through the pg
// driver adapter (prisma/orm#27403), so `npm run setup`, the test template and the e2e reset apply the
// committed SQL themselves, through the raw drivers so multi-statement files and triggers work:
// - the URL's provider picks the folder (prisma/migrations or prisma/postgresql/migrations); folders
//   are applied in name order, each exactly once, each in its own transaction;
// - each is recorded in _departures_migrations (name, sha256 of migration.sql, applied_at); a changed
//   checksum of an applied migration stops the run (MigrationError) before anything is applied;
// - PostgreSQL: the whole run holds pg_advisory_lock, so instances starting together migrate once;
//   SQLite: each migration runs under BEGIN IMMEDIATE (the write lock) and re-checks what is applied;
// - SQLite: foreign keys are turned off before BEGIN (inside a transaction the PRAGMA is a no-op, and
//   Prisma's table redefinitions DROP TABLE a referenced table, which would cascade-delete child rows),
//   `PRAGMA foreign_key_check` runs before COMMIT, and they are turned back on after;
// - databases made by `prisma migrate deploy` keep their history: finished rows of _prisma_migrations
//   are adopted as applied;
// - a folder holding post-migrate.json (e.g. {"recomputeEvents": true}) is recorded as needing that
//   work after migrating; scripts/setup.ts asks pendingPostMigrate() and calls markPostMigrateDone().
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { sqliteFilePath } from "../database-url";
import { MIGRATION_DIRS } from "./paths";
import { providerOfUrl, redactUrl, type Provider } from "./provider";

export const MIGRATIONS_TABLE = "_departures_migrations";
/** pg_advisory_lock key: any constant shared by every instance of this app. */
export const MIGRATION_LOCK_KEY = 724_110_033;
const SQLITE_BUSY_TIMEOUT_MS = 30_000;

export class MigrationError extends Error {
  override name = "MigrationError";
}

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
  /** the folder's post-migrate.json, verbatim, when it has one */
  postMigrate: string | null;
}

export interface MigrateOptions {
  /** a migrations folder other than the provider's (tests) */
  dir?: string;
  log?: (line: string) => void;
}

interface AppliedRow {
  name: string;
  checksum: string;
  applied_at: string;
  post_migrate: string | null;
  post_migrate_done_at: string | null;
}

export interface MigrationStatus {
  provider: Provider;
  applied: string[];
  pending: string[];
  /** applied, but migration.sql no longer hashes to the recorded checksum */
  changed: string[];
  /** recorded in the database but absent here: the database is ahead of this code */
  unknown: string[];
  /** applied migrations whose post-migrate work has not been marked done */
  postMigratePending: string[];
  current: boolean;
}

export interface PostMigrateTask {
  name: string;
  /** parsed post-migrate.json */
  tasks: Record<string, unknown>;
}

const sha256 = (text: string) => crypto.createHash("sha256").update(text).digest("hex");

/** The committed migrations of a folder, in the order they apply. */
export function readMigrations(dir: string): Migration[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((d) => fs.existsSync(path.join(dir, d, "migration.sql")))
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      const post = path.join(dir, name, "post-migrate.json");
      const postMigrate = fs.existsSync(post) ? fs.readFileSync(post, "utf8") : null;
      if (postMigrate !== null) JSON.parse(postMigrate); // fail early on a malformed file
      // the same checksum `prisma migrate deploy` recorded, so adopted rows compare equal
      return { name, sql, checksum: sha256(sql), postMigrate };
    });
}

// ---------------------------------------------------------------------------------------------------
// The two drivers behind one small interface: each statement below is written once, with $n
// placeholders translated for SQLite.

interface Conn {
  provider: Provider;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** run a whole migration file (several statements) */
  script(sql: string): Promise<void>;
  /** run fn as one transaction that also holds the migration lock (SQLite: BEGIN IMMEDIATE) */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// Transactions on one SQLite file from this process take turns here: better-sqlite3 waits for the write
// lock synchronously, so a second BEGIN IMMEDIATE in the same process would block the holder forever.
const sqliteTurns = new Map<string, Promise<unknown>>();

function sqliteConn(url: string): Conn {
  const file = sqliteFilePath(url);
  if (!file) throw new MigrationError(`not a SQLite file URL: ${url}`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  if (sqlite.pragma("journal_mode", { simple: true }) !== "wal") sqlite.pragma("journal_mode = WAL");
  const toSqlite = (sql: string) => sql.replace(/\$\d+/g, "?");
  return {
    provider: "sqlite",
    async query<T>(sql: string, params: unknown[] = []) {
      const stmt = sqlite.prepare(toSqlite(sql));
      return (stmt.reader ? stmt.all(...params) : (stmt.run(...params), [])) as T[];
    },
    async script(sql) {
      sqlite.exec(sql);
    },
    transaction(fn) {
      const previous = sqliteTurns.get(file) ?? Promise.resolve();
      const turn = previous.catch(() => {}).then(() => locked(fn));
      sqliteTurns.set(file, turn);
      const forget = () => {
        if (sqliteTurns.get(file) === turn) sqliteTurns.delete(file);
      };
      turn.then(forget, forget);
      return turn;
    },
    async close() {
      sqlite.close();
    },
  };
  async function locked<T>(fn: () => Promise<T>): Promise<T> {
    sqlite.pragma("foreign_keys = OFF");
    sqlite.exec("BEGIN IMMEDIATE");
    try {
      const result = await fn();
      const violations = sqlite.pragma("foreign_key_check") as { table: string; rowid: number; parent: string }[];
      if (violations.length > 0) {
        const sample = violations
          .slice(0, 5)
          .map((v) => `${v.table} row ${v.rowid} → ${v.parent}`)
          .join("; ");
        throw new MigrationError(`foreign key check failed (${violations.length} rows): ${sample}`);
      }
      sqlite.exec("COMMIT");
      return result;
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
      throw error;
    } finally {
      sqlite.pragma("foreign_keys = ON");
    }
  }
}

async function postgresConn(url: string, { lock }: { lock: boolean }): Promise<Conn> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  // notices such as "schema public already exists, skipping" are not news
  client.on("notice", () => {});
  if (lock) await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
  return {
    provider: "postgresql",
    async query<T>(sql: string, params: unknown[] = []) {
      return (await client.query(sql, params)).rows as T[];
    },
    async script(sql) {
      // no parameters: the simple query protocol, which accepts many statements in one string
      await client.query(sql);
    },
    async transaction(fn) {
      await client.query("BEGIN");
      try {
        const result = await fn();
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      }
    },
    async close() {
      if (lock) await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
      await client.end();
    },
  };
}

async function connect(url: string, lock: boolean): Promise<Conn> {
  return providerOfUrl(url) === "postgresql" ? postgresConn(url, { lock }) : sqliteConn(url);
}

async function tableExists(conn: Conn, table: string): Promise<boolean> {
  const rows =
    conn.provider === "postgresql"
      ? await conn.query<{ n: unknown }>("SELECT 1 AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = $1", [
          table,
        ])
      : await conn.query<{ n: unknown }>("SELECT 1 AS n FROM sqlite_master WHERE type = 'table' AND name = $1", [table]);
  return rows.length > 0;
}

async function ensureTable(conn: Conn) {
  const time = conn.provider === "postgresql" ? "TIMESTAMPTZ" : "TEXT";
  await conn.script(`CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (
  "name" TEXT NOT NULL PRIMARY KEY,
  "checksum" TEXT NOT NULL,
  "applied_at" ${time} NOT NULL,
  "post_migrate" TEXT,
  "post_migrate_done_at" ${time}
)`);
}

async function appliedRows(conn: Conn): Promise<Map<string, AppliedRow>> {
  if (!(await tableExists(conn, MIGRATIONS_TABLE))) return new Map();
  const rows = await conn.query<AppliedRow>(
    `SELECT "name", "checksum", "applied_at", "post_migrate", "post_migrate_done_at" FROM "${MIGRATIONS_TABLE}" ORDER BY "name"`,
  );
  return new Map(rows.map((r) => [r.name, r]));
}

/** Rows `prisma migrate deploy` recorded, taken over as applied (same checksum algorithm). */
async function adoptPrismaHistory(conn: Conn, applied: Map<string, AppliedRow>, log: (line: string) => void) {
  if (!(await tableExists(conn, "_prisma_migrations"))) return;
  const rows = await conn.query<{ migration_name: string; checksum: string; finished_at: unknown; rolled_back_at: unknown }>(
    `SELECT "migration_name", "checksum", "finished_at", "rolled_back_at" FROM "_prisma_migrations" ORDER BY "started_at"`,
  );
  for (const row of rows) {
    if (applied.has(row.migration_name) || row.rolled_back_at !== null) continue;
    if (row.finished_at === null) {
      throw new MigrationError(
        `migration ${row.migration_name} failed part-way under \`prisma migrate deploy\` (_prisma_migrations has no finished_at): ` +
          `repair the database by hand, then delete that row`,
      );
    }
    const appliedAt = new Date(typeof row.finished_at === "number" ? row.finished_at : String(row.finished_at)).toISOString();
    await conn.query(`INSERT INTO "${MIGRATIONS_TABLE}" ("name", "checksum", "applied_at") VALUES ($1, $2, $3)`, [
      row.migration_name,
      row.checksum,
      appliedAt,
    ]);
    applied.set(row.migration_name, {
      name: row.migration_name,
      checksum: row.checksum,
      applied_at: appliedAt,
      post_migrate: null,
      post_migrate_done_at: null,
    });
    log(`adopted ${row.migration_name} from _prisma_migrations`);
  }
}

function checkChecksums(migrations: Migration[], applied: Map<string, AppliedRow>, dir: string) {
  const changed = migrations.filter((m) => applied.has(m.name) && applied.get(m.name)!.checksum !== m.checksum);
  if (changed.length === 0) return;
  const lines = changed.map(
    (m) =>
      `  ${path.join(dir, m.name, "migration.sql")}: applied with sha256 ${applied.get(m.name)!.checksum.slice(0, 12)}…, the file now hashes to ${m.checksum.slice(0, 12)}…`,
  );
  throw new MigrationError(
    `refusing to migrate: ${changed.length === 1 ? "an applied migration was" : "applied migrations were"} edited after being applied:\n${lines.join("\n")}\n` +
      `Restore the committed file (git checkout -- <file>) and put the change in a new migration (npm run db:migration -- NAME).`,
  );
}

/**
 * Apply every pending migration of the URL's provider. Returns the names applied now (empty when the
 * database was current). Throws MigrationError when a checksum changed or a migration fails; a failed
 * migration is rolled back and nothing after it runs.
 */
export async function migrate(url: string, options: MigrateOptions = {}): Promise<{ provider: Provider; applied: string[] }> {
  const provider = providerOfUrl(url);
  const dir = options.dir ?? MIGRATION_DIRS[provider];
  const log = options.log ?? (() => {});
  const migrations = readMigrations(dir);
  if (migrations.length === 0) throw new MigrationError(`no migrations in ${dir}`);
  const conn = await connect(url, true);
  const appliedNow: string[] = [];
  try {
    // the bookkeeping itself is one locked transaction, so two SQLite runners cannot adopt twice
    let applied = await conn.transaction(async () => {
      await ensureTable(conn);
      const rows = await appliedRows(conn);
      await adoptPrismaHistory(conn, rows, log);
      return rows;
    });
    checkChecksums(migrations, applied, dir);
    for (const m of migrations) {
      if (applied.has(m.name)) continue;
      const done = await conn.transaction(async () => {
        // another SQLite process may have applied it while we waited for the lock
        if (conn.provider === "sqlite") {
          applied = await appliedRows(conn);
          if (applied.has(m.name)) return false;
        }
        try {
          await conn.script(m.sql);
        } catch (error) {
          throw new MigrationError(`migration ${m.name} failed and was rolled back: ${(error as Error).message}`);
        }
        await conn.query(`INSERT INTO "${MIGRATIONS_TABLE}" ("name", "checksum", "applied_at", "post_migrate") VALUES ($1, $2, $3, $4)`, [
          m.name,
          m.checksum,
          new Date().toISOString(),
          m.postMigrate,
        ]);
        return true;
      });
      if (done) {
        appliedNow.push(m.name);
        log(`applied ${m.name}${m.postMigrate ? " (post-migrate work pending)" : ""}`);
      }
    }
    if (conn.provider === "sqlite") checkChecksums(migrations, await appliedRows(conn), dir);
    return { provider, applied: appliedNow };
  } catch (error) {
    if (error instanceof MigrationError) throw error;
    throw new MigrationError(`migrating ${redactUrl(url)} failed: ${(error as Error).message}`);
  } finally {
    await conn.close();
  }
}

/** What migrate() would do, without changing anything (GET /api/health, tests). Throws when the database is unreachable. */
export async function migrationStatus(url: string, options: Pick<MigrateOptions, "dir"> = {}): Promise<MigrationStatus> {
  const provider = providerOfUrl(url);
  const migrations = readMigrations(options.dir ?? MIGRATION_DIRS[provider]);
  if (provider === "sqlite" && !fs.existsSync(sqliteFilePath(url)!)) {
    return { provider, applied: [], pending: migrations.map((m) => m.name), changed: [], unknown: [], postMigratePending: [], current: false };
  }
  const conn = await connect(url, false);
  try {
    const applied = await appliedRows(conn);
    // a database still on _prisma_migrations counts those as applied (the next setup adopts them)
    if (applied.size === 0 && (await tableExists(conn, "_prisma_migrations"))) {
      const rows = await conn.query<{ migration_name: string; checksum: string }>(
        `SELECT "migration_name", "checksum" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
      );
      for (const r of rows)
        applied.set(r.migration_name, {
          name: r.migration_name,
          checksum: r.checksum,
          applied_at: "",
          post_migrate: null,
          post_migrate_done_at: null,
        });
    }
    const names = new Set(migrations.map((m) => m.name));
    const status = {
      provider,
      applied: migrations.filter((m) => applied.has(m.name)).map((m) => m.name),
      pending: migrations.filter((m) => !applied.has(m.name)).map((m) => m.name),
      changed: migrations.filter((m) => applied.has(m.name) && applied.get(m.name)!.checksum !== m.checksum).map((m) => m.name),
      unknown: [...applied.keys()].filter((n) => !names.has(n)),
      postMigratePending: [...applied.values()].filter((r) => r.post_migrate !== null && r.post_migrate_done_at === null).map((r) => r.name),
    };
    return { ...status, current: status.pending.length === 0 && status.changed.length === 0 && status.postMigratePending.length === 0 };
  } finally {
    await conn.close();
  }
}

/** Applied migrations whose post-migrate.json work (e.g. recomputing every event) is not done yet, oldest first. */
export async function pendingPostMigrate(url: string): Promise<PostMigrateTask[]> {
  const conn = await connect(url, false);
  try {
    const rows = [...(await appliedRows(conn)).values()].filter((r) => r.post_migrate !== null && r.post_migrate_done_at === null);
    return rows.map((r) => ({ name: r.name, tasks: JSON.parse(r.post_migrate!) as Record<string, unknown> }));
  } finally {
    await conn.close();
  }
}

export async function markPostMigrateDone(url: string, names: string[]): Promise<void> {
  if (names.length === 0) return;
  const conn = await connect(url, false);
  try {
    const now = new Date().toISOString();
    for (const name of names) {
      await conn.query(`UPDATE "${MIGRATIONS_TABLE}" SET "post_migrate_done_at" = $1 WHERE "name" = $2`, [now, name]);
    }
  } finally {
    await conn.close();
  }
}
