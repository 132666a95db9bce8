import Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/generated/prisma-postgresql/client";
import { databaseUrl, sqliteFilePath } from "./database-url";
import { providerOfUrl, type Provider } from "./db/provider";

export type { Provider } from "./db/provider";
export { providerOfUrl } from "./db/provider";

/**
 * The client type everywhere: the SQLite client's. Both generated clients come from the same models
 * (prisma/postgresql/schema.prisma is generated from prisma/schema.prisma, a test checks they agree), so
 * the PostgreSQL client has the same shape at run time.
 */
export type Db = PrismaClient;
/** The client inside $transaction callbacks. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** How long a SQLite write waits for another process's write (a CLI ingest) before failing. */
export const SQLITE_BUSY_TIMEOUT_MS = 30_000;

const providers = new WeakMap<object, Provider>();

/** The only place a Prisma client is constructed. The app uses lib/db.ts; scripts and tests call this. */
export function createDb(url: string = databaseUrl()): Db {
  const provider = providerOfUrl(url);
  const db =
    provider === "postgresql"
      ? (new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db)
      : new PrismaClient({ adapter: sqliteAdapter(url) });
  providers.set(db, provider);
  return db;
}

/**
 * "sqlite" | "postgresql" for a client made by createDb, or for a transaction client inside one
 * (`db.$transaction(async (tx) => providerOf(tx))`): the dialect layer asks this, never the URL.
 */
export function providerOf(db: Db | Tx): Provider {
  const known = providers.get(db);
  if (known) return known;
  // interactive-transaction clients are proxies that keep the parent's provider name
  const active = (db as unknown as { _activeProvider?: string })._activeProvider;
  if (active === "sqlite" || active === "postgresql") return active;
  throw new Error("providerOf: not a client made by createDb");
}

/**
 * better-sqlite3 with a 30 s busy timeout, WAL journal mode (readers never block the writer and the writer
 * never blocks readers) and write transactions that take the write lock when they begin (BEGIN
 * IMMEDIATE): a deferred BEGIN that reads and then writes fails at once with SQLITE_BUSY when another
 * process committed in between, whatever the timeout; an immediate one waits its turn (ADR 0033); and
 * planner statistics refreshed when opened (ADR 0093).
 */
function sqliteAdapter(url: string) {
  const file = sqliteFilePath(url);
  if (file) {
    // journal_mode=WAL is stored in the database file: set once, every later connection uses it
    const sqlite = new Database(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
    if (sqlite.pragma("journal_mode", { simple: true }) !== "wal") sqlite.pragma("journal_mode = WAL");
    // planner statistics, as SQLite advises for a connection opened at start: ANALYZE the tables that have
    // none or have grown or shrunk since (a bounded sample each: 0.2 s on the 1 GB benchmark database,
    // nothing when current). Without them a company's page chose the roster index for a per-person test.
    sqlite.pragma("analysis_limit = 1000");
    sqlite.pragma("optimize = 0x10002");
    sqlite.close();
  }
  const factory = new PrismaBetterSQLite3({ url, timeout: SQLITE_BUSY_TIMEOUT_MS });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const client = (adapter as unknown as { client: Database.Database }).client;
    const prepare = client.prepare.bind(client);
    client.prepare = ((sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql)) as typeof client.prepare;
    return adapter;
  };
  return factory;
}
