import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, inject } from "vitest";
import { createDb, type Db } from "@/lib/db-factory";
import { removeDatabase } from "./migrations";

/** A fresh, migrated database file for one test file, copied from the run's template; removed afterwards. */
export function useTestDb(): { db: Db; url: string; file: string } {
  const template = inject("templateDb");
  const file = path.resolve(path.dirname(template), `test-${randomUUID()}.db`);
  fs.copyFileSync(template, file);
  const url = `file:${file}`;
  const db = createDb(url);
  afterAll(async () => {
    await db.$disconnect();
    removeDatabase(file);
  });
  return { db, url, file };
}
