/**
 * `column IN (ids)` for raw SQL with any number of ids, as ONE bound parameter: a JSON array the database
 * unpacks (SQLite json_each, PostgreSQL json_array_elements_text). Prisma's `{ in: ids }` binds each id
 * and, past SQLite's 999 parameters, had to be chunked; reading 1,711 people by id that way took 80–90 ms
 * through the client against 9 ms this way (docs/decisions/0092-raw-reads-and-people-counts.md).
 */
import { Prisma } from "@/generated/prisma/client";
import { providerOf, type Db, type Tx } from "@/lib/db-factory";

const { sql } = Prisma;

/** The fragment `IN (…ids)` (empty ids match nothing). */
export function inIds(client: Db | Tx, ids: readonly number[]): Prisma.Sql {
  const json = JSON.stringify(ids);
  return providerOf(client) === "postgresql"
    ? sql`IN (SELECT CAST(value AS integer) FROM json_array_elements_text(CAST(${json} AS json)))`
    : sql`IN (SELECT value FROM json_each(${json}))`;
}
