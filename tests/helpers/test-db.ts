import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll } from "vitest";
import { createDb, type Db } from "@/lib/db-factory";
import { TEMPLATE_DB } from "./migrations";

/** A fresh, migrated database file for one test file; removed afterwards. */
export function useTestDb(): { db: Db; url: string; file: string } {
  const file = path.resolve(path.dirname(TEMPLATE_DB), `test-${randomUUID()}.db`);
  fs.copyFileSync(TEMPLATE_DB, file);
  const url = `file:${file}`;
  const db = createDb(url);
  afterAll(async () => {
    await db.$disconnect();
    for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
  });
  return { db, url, file };
}
