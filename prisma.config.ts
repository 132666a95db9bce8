import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseUrl } from "./lib/database-url";
import { SCHEMA_PATHS } from "./lib/db/paths";
import { providerOfUrl, type Provider } from "./lib/db/provider";

// Resolve (and default) DATABASE_URL before the CLI reads the schema: without it Prisma 6 tries to
// download a query engine, which fails offline. The schema and the driver adapter must name the same
// provider (else the CLI also tries to download an engine): `--schema prisma/postgresql/schema.prisma`
// picks PostgreSQL, otherwise DATABASE_URL's scheme does (ADR 0033).
let url = databaseUrl();
const schemaArg = process.argv.find((a, i) => process.argv[i - 1] === "--schema" || a.startsWith("--schema="));
const schema = schemaArg ? path.resolve(schemaArg.replace(/^--schema=/, "")) : null;
const provider: Provider = schema === SCHEMA_PATHS.postgresql ? "postgresql" : schema === SCHEMA_PATHS.sqlite ? "sqlite" : providerOfUrl(url);

// Generating (or formatting) the other provider's client never connects: give it a URL of its own kind.
const OFFLINE_COMMANDS = ["generate", "validate", "format"];
if (providerOfUrl(url) !== provider) {
  if (!process.argv.some((a) => OFFLINE_COMMANDS.includes(a))) {
    throw new Error(`--schema ${schemaArg} is for ${provider} but DATABASE_URL is a ${providerOfUrl(url)} URL`);
  }
  url = provider === "postgresql" ? "postgresql://offline@127.0.0.1:1/generate-only" : "file:./generate-only.db";
  process.env.DATABASE_URL = url;
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: SCHEMA_PATHS[provider],
  async adapter() {
    return provider === "postgresql" ? new PrismaPg({ connectionString: url }) : new PrismaBetterSQLite3({ url });
  },
});
