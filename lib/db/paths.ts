import path from "node:path";
import type { Provider } from "./provider";

// The project root: every entry point (npm scripts, next start, vitest, playwright) runs from it.
const ROOT = /*turbopackIgnore: true*/ process.cwd();

/** prisma/schema.prisma is the one schema developers edit; the PostgreSQL one is generated from it. */
export const SCHEMA_PATHS: Record<Provider, string> = {
  sqlite: path.join(ROOT, "prisma", "schema.prisma"),
  postgresql: path.join(ROOT, "prisma", "postgresql", "schema.prisma"),
};

/** Committed SQL migrations, one folder per provider, the same folder names in both. */
export const MIGRATION_DIRS: Record<Provider, string> = {
  sqlite: path.join(ROOT, "prisma", "migrations"),
  postgresql: path.join(ROOT, "prisma", "postgresql", "migrations"),
};
