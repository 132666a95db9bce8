/**
 * Multi-row INSERT … RETURNING "id" for the bulk import's large tables, on both databases. Prisma's
 * createMany costs about 0.1 ms a row on this machine (its query interpreter handles every value), a
 * plain multi-row INSERT a fifth of that (docs/decisions/0090-bulk-import.md). Columns are the model's
 * field names (these tables have no @map); a DateTime the client would default (createdAt, updatedAt,
 * Change.at) is passed by the caller so both databases store what Prisma would.
 */
import { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/lib/db-factory";

/** Bound parameters per statement: well below SQLite's 32,766 and PostgreSQL's 65,535. */
const PARAMS_PER_STATEMENT = 8_000;

type Value = string | number | boolean | Date | null;

/** Insert the rows (all with the same columns) and return their ids in row order (none for a table keyed by its columns). */
export async function insertRows(tx: Tx, table: string, rows: Record<string, Value>[], returning: "id" | null = "id"): Promise<number[]> {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]);
  const head = Prisma.raw(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES `);
  const perStatement = Math.max(1, Math.floor(PARAMS_PER_STATEMENT / columns.length));
  const ids: number[] = [];
  for (let start = 0; start < rows.length; start += perStatement) {
    const values = rows.slice(start, start + perStatement).map((row) => Prisma.sql`(${Prisma.join(columns.map((c) => row[c] ?? null))})`);
    if (!returning) {
      await tx.$executeRaw`${head}${Prisma.join(values)}`;
      continue;
    }
    const returned = await tx.$queryRaw<{ id: number | bigint }[]>`${head}${Prisma.join(values)} RETURNING "id"`;
    // one statement numbers its rows in order on both databases; RETURNING's order is not promised
    ids.push(...returned.map((r) => Number(r.id)).sort((a, b) => a - b));
  }
  return ids;
}
