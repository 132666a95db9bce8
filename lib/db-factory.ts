import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/generated/prisma/client";
import { databaseUrl } from "./database-url";

export type Db = PrismaClient;
/** The client inside $transaction callbacks. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** The only place a Prisma client is constructed. The app uses lib/db.ts; scripts and tests call this. */
export function createDb(url: string = databaseUrl()): Db {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
}
