import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { sqliteFilePath } from "../../lib/database-url";
import { E2E_DATABASE_URL } from "../../playwright.config";

/** A fresh e2e database, migrated and seeded with `npm run setup` exactly as a user's first run does. */
export default function globalSetup() {
  const file = sqliteFilePath(E2E_DATABASE_URL)!;
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
  execFileSync("npx", ["tsx", "scripts/setup.ts"], { stdio: "inherit", env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL } });
}
