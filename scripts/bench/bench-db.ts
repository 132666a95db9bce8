// A throwaway benchmark database on either provider, never the app's: a SQLite file, or a database the
// bench creates on the PostgreSQL server named by --db postgresql://… (any database there; it is only
// used to reach the server). Migrated with the app's own runner, bulk-loaded with the secondary indexes
// of the big tables dropped and rebuilt afterwards (building an index once, sorted, is several times
// faster than maintaining it through a million random inserts; on PostgreSQL foreign keys likewise), and
// read through the raw driver for the "raw SQL" side of the comparison. Triggers stay: what they derive
// (the title list of migration 0004) is built as the app builds it. The event rollup (migration 0009),
// which the write path keeps, is counted after the load by the migration's own backfill.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import type { Prisma } from "@/generated/prisma/client";
import type { Run } from "@/lib/data/find-events";
import { migrate } from "@/lib/db/migrate";
import type { Provider } from "@/lib/db/provider";
import { createDatabase, databaseName, dropDatabase, withDatabase } from "../../tests/helpers/pg-admin";
import { removeDatabase } from "../../tests/helpers/migrations";
import { rollupBackfillStatements } from "../../tests/helpers/rollup-backfill";

/** Rows for one table, in insertion order (parents before children); values as the column expects. */
export interface TableRows {
  table: string;
  columns: string[];
  rows: Iterable<unknown[]>;
}

export interface BenchDb {
  provider: Provider;
  /** the URL createDb opens for the findEvents side */
  url: string;
  /** what `--db` named, for the printout */
  where: string;
  /** raw statements on the driver, prepared statements cached (the raw-SQL side) */
  run: Run;
  /** whether the database already held a dataset (--reuse) */
  hasData(): Promise<boolean>;
  /** migrate an empty database and bulk-load the rows */
  build(tables: TableRows[]): Promise<void>;
  close(): Promise<void>;
  /** delete the database (the file, or DROP DATABASE) */
  remove(): Promise<void>;
}

/** Tables whose secondary indexes are dropped for the load and rebuilt after it. */
const BIG_TABLES = ["Event", "Claim"];

/** `target`: a SQLite file path or `file:` URL, or a postgresql:// server URL; `name` names the database. */
export function benchDb(target: string, name: string): BenchDb {
  if (/^postgres(ql)?:\/\//.test(target)) return postgresBench(withDatabase(target, name), target);
  const file = path.resolve(target.startsWith("file:") ? target.slice(5) : target);
  return sqliteBench(file);
}

// ---- SQLite ---------------------------------------------------------------------------------------------

function sqliteBench(file: string): BenchDb {
  let reader: Database.Database | null = null;
  const statements = new Map<string, Database.Statement>();
  const open = () => (reader ??= new Database(file, { readonly: true }));
  return {
    provider: "sqlite",
    url: `file:${file}`,
    where: file,
    run: <T>(s: Prisma.Sql) => {
      let st = statements.get(s.sql);
      if (!st) statements.set(s.sql, (st = open().prepare(s.sql)));
      return Promise.resolve(st.all(...(s.values as unknown[])) as T[]);
    },
    async hasData() {
      if (!fs.existsSync(file)) return false;
      const probe = new Database(file, { readonly: true });
      try {
        return (
          Boolean(probe.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'Event'`).get()) &&
          Boolean(probe.prepare(`SELECT 1 FROM "Event" LIMIT 1`).get())
        );
      } finally {
        probe.close();
      }
    },
    async build(tables) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      removeDatabase(file);
      await migrate(`file:${file}`, { log: () => {} });
      const sqlite = new Database(file);
      sqlite.pragma("journal_mode = OFF");
      sqlite.pragma("synchronous = OFF");
      sqlite.pragma("cache_size = -400000");
      const indexes = sqlite
        .prepare(
          `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN (${BIG_TABLES.map((t) => `'${t}'`).join(", ")}) AND sql IS NOT NULL`,
        )
        .all() as { name: string; sql: string }[];
      for (const index of indexes) sqlite.exec(`DROP INDEX "${index.name}"`);
      for (const { table, columns, rows } of tables) {
        const insert = sqlite.prepare(
          `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
        );
        sqlite.transaction(() => {
          for (const row of rows) insert.run(...row);
        })();
      }
      for (const index of indexes) sqlite.exec(index.sql);
      // the rows went in around the write path: count them into the rollup as migration 0009 does
      for (const statement of rollupBackfillStatements("sqlite")) sqlite.exec(statement);
      sqlite.pragma("journal_mode = WAL");
      sqlite.close();
    },
    async close() {
      reader?.close();
    },
    async remove() {
      removeDatabase(file);
    },
  };
}

// ---- PostgreSQL -------------------------------------------------------------------------------------------

/** Rows per multi-row INSERT: one statement per batch, each column sent as one array parameter. */
const PG_BATCH = 20_000;

function postgresBench(url: string, server: string): BenchDb {
  // a pool, as the Prisma adapter uses, so both sides may run the count and the page side by side
  let pool: pg.Pool | null = null;
  const open = () => (pool ??= new pg.Pool({ connectionString: url }));
  const name = databaseName(url);
  return {
    provider: "postgresql",
    url,
    where: `${name} on ${new URL(server).host}`,
    run: async <T>(s: Prisma.Sql) => (await open().query(s.text, s.values as unknown[])).rows as T[],
    async hasData() {
      const admin = new pg.Client({ connectionString: withDatabase(server, "postgres") });
      await admin.connect();
      try {
        const { rows } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
        if (rows.length === 0) return false;
      } finally {
        await admin.end();
      }
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query(`SELECT to_regclass('"Event"') IS NOT NULL AS migrated`);
        return rows[0].migrated && (await client.query(`SELECT 1 FROM "Event" LIMIT 1`)).rows.length > 0;
      } finally {
        await client.end();
      }
    },
    async build(tables) {
      await createDatabase(server, name);
      await migrate(url, { log: () => {} });
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const { rows: indexes } = await client.query<{ name: string; def: string }>(
          `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def FROM pg_index i
           WHERE i.indrelid = ANY ($1::regclass[]) AND NOT i.indisprimary`,
          [BIG_TABLES.map((t) => `"${t}"`)],
        );
        // foreign keys too (PostgreSQL's "Populating a database"): checked row by row they cost more than
        // the inserts; added back afterwards, each is validated in one pass
        const { rows: foreignKeys } = await client.query<{ tbl: string; name: string; def: string }>(
          `SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
           WHERE contype = 'f' AND conrelid = ANY ($1::regclass[])`,
          [tables.map((t) => `"${t.table}"`)],
        );
        for (const fk of foreignKeys) await client.query(`ALTER TABLE ${fk.tbl} DROP CONSTRAINT "${fk.name}"`);
        for (const index of indexes) await client.query(`DROP INDEX ${index.name}`);
        for (const t of tables) await copyRows(client, t);
        for (const index of indexes) await client.query(index.def);
        for (const fk of foreignKeys) await client.query(`ALTER TABLE ${fk.tbl} ADD CONSTRAINT "${fk.name}" ${fk.def}`);
        for (const statement of rollupBackfillStatements("postgresql")) await client.query(statement);
        for (const { table } of tables.filter((t) => t.columns.includes("id"))) {
          // ids were given explicitly: move each serial past them, as the app would find it
          await client.query(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), COALESCE(MAX(id), 1)) FROM "${table}"`);
        }
        // what autovacuum does soon after a load: statistics for the planner, visibility for index-only scans
        await client.query("VACUUM ANALYZE");
      } finally {
        await client.end();
      }
    },
    async close() {
      await pool?.end();
    },
    async remove() {
      await dropDatabase(server, name);
    },
  };
}

/** Batches of rows as `INSERT … SELECT FROM unnest($1::text[], …)`, each value cast to its column's type. */
async function copyRows(client: pg.Client, { table, columns, rows }: TableRows) {
  const { rows: types } = await client.query<{ column_name: string; udt_name: string }>(
    "SELECT column_name, udt_name FROM information_schema.columns WHERE table_name = $1",
    [table],
  );
  const typeOf = new Map(types.map((t) => [t.column_name, t.udt_name]));
  const list = columns.map((c) => `"${c}"`).join(", ");
  const casts = columns.map((c, i) => `c${i}::"${typeOf.get(c)}"`).join(", ");
  const params = columns.map((_, i) => `$${i + 1}::text[]`).join(", ");
  const statement = `INSERT INTO "${table}" (${list}) SELECT ${casts} FROM unnest(${params}) AS t(${columns.map((_, i) => `c${i}`).join(", ")})`;
  let batch: unknown[][] = columns.map(() => []);
  let size = 0;
  const flush = async () => {
    if (size) await client.query(statement, batch);
    batch = columns.map(() => []);
    size = 0;
  };
  for (const row of rows) {
    row.forEach((v, i) => batch[i].push(v === null || v === undefined ? null : String(v)));
    if (++size === PG_BATCH) await flush();
  }
  await flush();
}
