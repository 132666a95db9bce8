import fs from "node:fs";
import path from "node:path";

/**
 * The SQLite database location: DATABASE_URL when set, else data/departures.db in the project
 * (git-ignored). Shared by the Prisma CLI config, the app and the scripts so they never disagree.
 */
export function databaseUrl(): string {
  const url = process.env.DATABASE_URL ?? `file:${path.join(process.cwd(), "data", "departures.db")}`;
  process.env.DATABASE_URL = url;
  const file = sqliteFilePath(url);
  if (file) fs.mkdirSync(path.dirname(file), { recursive: true });
  return url;
}

export function sqliteFilePath(url: string): string | null {
  if (!url.startsWith("file:")) return null;
  const raw = url.slice("file:".length).split("?")[0];
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), raw);
}
