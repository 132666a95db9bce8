// Creating and dropping PostgreSQL databases for tests: one per test file, cloned from a migrated
// template (CREATE DATABASE … TEMPLATE), the PostgreSQL counterpart of copying a SQLite file.
import { spawnSync } from "node:child_process";
import pg from "pg";

/** The same server URL with another database name. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export const databaseName = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Run statements on the server's maintenance database (CREATE/DROP DATABASE cannot run in the target). */
export async function adminQuery(serverUrl: string, ...statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await client.connect();
  try {
    for (const sql of statements) await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createDatabase(serverUrl: string, name: string, template?: string) {
  await adminQuery(
    serverUrl,
    `DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`,
    `CREATE DATABASE ${ident(name)}${template ? ` TEMPLATE ${ident(template)}` : ""}`,
  );
}

export async function dropDatabase(serverUrl: string, name: string) {
  await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
}

/** Drop every database whose name starts with prefix (leftovers of a crashed run). */
export async function dropDatabasesLike(serverUrl: string, prefix: string) {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [prefix]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${ident(datname)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/**
 * createDatabase, synchronously: useTestDb() returns a ready client at import time, as it always did
 * with SQLite, so test files need no extra hook. Runs pg in a child process; retries while another
 * clone of the same template holds it ("source database is being accessed by other users").
 */
export function createDatabaseSync(serverUrl: string, name: string, template?: string) {
  const code = `
    const pg = require("pg");
    const [url, name, template] = JSON.parse(process.env.PG_ADMIN_ARGS);
    const ident = (n) => '"' + n.replace(/"/g, '""') + '"';
    (async () => {
      for (let attempt = 0; ; attempt++) {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        try {
          await c.query("CREATE DATABASE " + ident(name) + (template ? " TEMPLATE " + ident(template) : ""));
          return;
        } catch (e) {
          if (attempt >= 50 || !/being accessed by other users/.test(e.message)) throw e;
        } finally {
          await c.end();
        }
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    })().catch((e) => { console.error(e.message); process.exit(1); });`;
  const r = spawnSync(process.execPath, ["-e", code], {
    env: { ...process.env, PG_ADMIN_ARGS: JSON.stringify([withDatabase(serverUrl, "postgres"), name, template ?? null]) },
    encoding: "utf8",
    timeout: 60_000,
  });
  if (r.status !== 0) throw new Error(`CREATE DATABASE ${name} failed: ${r.stderr || r.error?.message}`);
}
