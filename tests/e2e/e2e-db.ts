/**
 * The database the e2e server reads and writes, read back with plain SQL (Playwright's loader cannot
 * import the generated Prisma client, an ES module): better-sqlite3 for a file: URL, pg for PostgreSQL.
 * Write the SQL once for both: quote mixed-case identifiers ("Event", e."personId", AS "personName"),
 * use ? for parameters (numbered for PostgreSQL here). COUNT(*) and other 64-bit integers come back as
 * numbers on both. Opened lazily, on the first query: test files are imported to list the tests before
 * the web server has created and seeded the database.
 */
import Database from "better-sqlite3";
import pg from "pg";
import { sqliteFilePath } from "../../lib/database-url";
import { providerOfUrl } from "../../lib/db/provider";
import { E2E_DATABASE_URL } from "../../playwright.config";

pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

let sqlite: Database.Database | null = null;
let pool: pg.Pool | null = null;

async function rows<T>(sql: string, params: unknown[]): Promise<T[]> {
  if (providerOfUrl(E2E_DATABASE_URL) === "postgresql") {
    if (!pool) {
      pool = new pg.Pool({ connectionString: E2E_DATABASE_URL, max: 2 });
      process.once("exit", () => void pool?.end());
    }
    let n = 0;
    return (
      await pool.query(
        sql.replace(/\?/g, () => `$${++n}`),
        params,
      )
    ).rows as T[];
  }
  if (!sqlite) {
    sqlite = new Database(sqliteFilePath(E2E_DATABASE_URL)!, { readonly: true, fileMustExist: true });
    sqlite.pragma("busy_timeout = 5000");
    process.once("exit", () => sqlite?.close());
  }
  return sqlite.prepare(sql).all(...params) as T[];
}

export async function one<T>(sql: string, ...params: unknown[]): Promise<T | undefined> {
  return (await rows<T>(sql, params))[0];
}
export async function all<T>(sql: string, ...params: unknown[]): Promise<T[]> {
  return rows<T>(sql, params);
}
/** count(`"Claim" WHERE excerpt = ?`, excerpt): SELECT COUNT(*) FROM what follows. */
export const count = async (sql: string, ...params: unknown[]) => (await one<{ n: number }>(`SELECT COUNT(*) AS n FROM ${sql}`, ...params))!.n;
