/**
 * The database the e2e server reads and writes, with plain SQL (Playwright's loader cannot import the
 * generated Prisma client, an ES module). Opened lazily, on the first query: test files are imported to
 * list the tests before the web server has created and seeded the file.
 */
import Database from "better-sqlite3";
import { sqliteFilePath } from "../../lib/database-url";
import { E2E_DATABASE_URL } from "../../playwright.config";

let sqlite: Database.Database | null = null;

function db(): Database.Database {
  if (!sqlite) {
    sqlite = new Database(sqliteFilePath(E2E_DATABASE_URL)!, { readonly: true, fileMustExist: true });
    sqlite.pragma("busy_timeout = 5000");
    process.once("exit", () => sqlite?.close());
  }
  return sqlite;
}

export function one<T>(sql: string, ...params: unknown[]): T | undefined {
  return db().prepare(sql).get(...params) as T | undefined;
}
export function all<T>(sql: string, ...params: unknown[]): T[] {
  return db().prepare(sql).all(...params) as T[];
}
export const count = (sql: string, ...params: unknown[]) => one<{ n: number }>(`SELECT COUNT(*) AS n FROM ${sql}`, ...params)!.n;
