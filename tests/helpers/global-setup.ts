import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrate } from "../../lib/db/migrate";
import { providerOfUrl, type Provider } from "../../lib/db/provider";
import { createDatabase, dropDatabase, dropDatabasesLike, withDatabase } from "./pg-admin";
import { removeDatabase } from "./migrations";

export interface TestDbContext {
  provider: Provider;
  /** SQLite: the template file; PostgreSQL: the template database's URL */
  template: string;
  /** PostgreSQL: names of this run's per-file databases start with it */
  prefix: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    testDb: TestDbContext;
  }
}

/**
 * Migrate one template database per run with the app's own runner; each test file then gets a copy
 * (tests own their data). SQLite by default; TEST_DATABASE_URL=postgresql://… (any database on the
 * server, used only to reach it) runs every database test on PostgreSQL.
 */
export default async function setup(project: TestProject) {
  const server = process.env.TEST_DATABASE_URL;
  if (server && providerOfUrl(server) === "postgresql") {
    const prefix = `departures_test_${process.pid}_`;
    const name = `${prefix}template`;
    await createDatabase(server, name);
    const template = withDatabase(server, name);
    await migrate(template);
    project.provide("testDb", { provider: "postgresql", template, prefix });
    return async () => {
      await dropDatabasesLike(server, prefix);
      await dropDatabase(server, name);
    };
  }
  const file = path.resolve(import.meta.dirname, `../.tmp/template-${process.pid}.db`);
  removeDatabase(file);
  await migrate(`file:${file}`);
  project.provide("testDb", { provider: "sqlite", template: file, prefix: "" });
  return () => removeDatabase(file);
}
