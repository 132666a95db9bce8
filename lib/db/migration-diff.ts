// The SQL that takes a database from one schema to another, per provider, from `prisma migrate diff`
// between two schema texts (no shadow database: the offline JS engine cannot create one, P3006).
// For PostgreSQL the CLI needs a reachable server (it asks it for its version); it creates nothing there.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Provider } from "./provider";
import { postgresSchemaFrom } from "./schemas";

/**
 * `from` null means an empty database. Both texts are SQLite schemas (prisma/schema.prisma at two
 * points in time); for PostgreSQL they are converted first. `url` is a database of that provider.
 */
export function migrationSql(provider: Provider, from: string | null, to: string, url: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "departures-diff-"));
  try {
    const write = (name: string, text: string) => {
      const file = path.join(dir, name, "schema.prisma");
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, provider === "postgresql" ? postgresSchemaFrom(text) : text);
      return file;
    };
    const fromArgs = from === null ? ["--from-empty"] : ["--from-schema-datamodel", write("from", from)];
    return execFileSync("npx", ["prisma", "migrate", "diff", ...fromArgs, "--to-schema-datamodel", write("to", to), "--script"], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "pipe", "pipe"],
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** True when the SQL changes anything (migrate diff prints only a comment for "no difference"). */
export function changesSomething(sql: string): boolean {
  return /\b(CREATE|ALTER|DROP|INSERT|UPDATE|DELETE|PRAGMA)\b/i.test(sql.replace(/--.*$/gm, ""));
}
