import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, inject } from "vitest";
import { createDb, type Db } from "@/lib/db-factory";
import type { Provider } from "@/lib/db/provider";
import { removeDatabase } from "./migrations";
import { createDatabaseSync, databaseName, dropDatabase, withDatabase } from "./pg-admin";

export interface TestDb {
  db: Db;
  url: string;
  provider: Provider;
  /** the SQLite file; null on PostgreSQL */
  file: string | null;
}

/**
 * A fresh, migrated database for one test file, removed afterwards: on SQLite a copy of the run's
 * template file, on PostgreSQL `CREATE DATABASE … TEMPLATE` of the run's template database.
 */
export function useTestDb(): TestDb {
  const { provider, template, prefix } = inject("testDb");
  if (provider === "postgresql") {
    const name = `${prefix}${randomUUID().replace(/-/g, "").slice(0, 12)}`;
    createDatabaseSync(template, name, databaseName(template));
    const url = withDatabase(template, name);
    const db = createDb(url);
    afterAll(async () => {
      // a test that left a transaction hanging must not hang the suite: DROP … WITH (FORCE) ends it anyway
      await Promise.race([db.$disconnect(), new Promise((resolve) => setTimeout(resolve, 5_000))]);
      await dropDatabase(template, name);
    });
    return { db, url, provider, file: null };
  }
  const file = path.resolve(path.dirname(template), `test-${randomUUID()}.db`);
  fs.copyFileSync(template, file);
  const url = `file:${file}`;
  const db = createDb(url);
  afterAll(async () => {
    await db.$disconnect();
    removeDatabase(file);
  });
  return { db, url, provider, file };
}

/**
 * A URL for an empty (unmigrated) database of the suite's provider, for tests that run the CLI's own
 * `npm run setup` against it; removed afterwards.
 */
export function useEmptyDatabaseUrl(): string {
  const { provider, template, prefix } = inject("testDb");
  if (provider === "postgresql") {
    const name = `${prefix}empty_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
    createDatabaseSync(template, name);
    afterAll(() => dropDatabase(template, name));
    return withDatabase(template, name);
  }
  const file = path.resolve(path.dirname(template), `empty-${randomUUID()}.db`);
  afterAll(() => removeDatabase(file));
  return `file:${file}`;
}
