/**
 * How lib/search (and the browse SQL, lib/data/find-events.ts) run a statement: through Prisma in the
 * app, or straight on the driver in the benchmark, so both time exactly the same SQL.
 */
import type { Prisma } from "@/generated/prisma/client";
import type { Db, Tx } from "@/lib/db-factory";

export type Run = <T>(statement: Prisma.Sql) => Promise<T[]>;

export const runner =
  (db: Db | Tx): Run =>
  (s) =>
    db.$queryRaw(s);
