// Run by Playwright's webServer command before `next start`: a fresh e2e database, migrated and seeded with
// `npm run setup` exactly as a user's first run does, on SQLite (the file is deleted) or PostgreSQL (the
// database is dropped and created again). Doing it in the server's own command (not in globalSetup)
// guarantees the server never opens the database before it is seeded.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { sqliteFilePath } from "../../lib/database-url";
import { providerOfUrl } from "../../lib/db/provider";
import { createDatabase, databaseName } from "../helpers/pg-admin";

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("reset-db: DATABASE_URL must point at the e2e database");
  if (providerOfUrl(url) === "postgresql") {
    await createDatabase(url, databaseName(url));
  } else {
    const file = sqliteFilePath(url)!;
    for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
  }
  execFileSync("npx", ["tsx", "scripts/setup.ts"], { stdio: "inherit", env: process.env });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
