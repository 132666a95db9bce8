/**
 * What is read from a company's tenures and asked again and again (the org chart's timeline stops, the
 * company page's people counts), remembered per client with the version of the tenures it was read at:
 * COUNT and MAX(id) of the company's Position rows. That pair changes on every write that can change
 * such a result, because tenures are never updated in place: every write that touches a company's events
 * (a claim, a retraction, a merge, an undo, an import) rebuilds the tenures of each (person, company) it
 * touches by deleting them and inserting new rows (lib/ingest/recompute-event.ts rebuildPositionsOf),
 * new ids only grow, and every leave or return that is not retracted lies on one of them
 * (derivePositions). A deletion alone lowers the count. So an equal pair means the very same rows, and
 * what was read from them then is still what they say. Asking the version is one index lookup
 * (Position_roster_idx); tests/unit/org-change-days.test.ts and company-people.test.ts compare remembered
 * results with fresh reads after each kind of write. A new write path that changed tenures in place
 * would have to bump the version (ADR 0091).
 */
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db-factory";

const { sql } = Prisma;

const seen = new WeakMap<Db, Map<string, { version: string; value: unknown }>>();
/** Results remembered per client (the oldest read is forgotten first). */
const KEPT = 1_000;

/** The version of a company's tenures: equal versions mean the very same Position rows. */
export async function tenureVersion(client: Db, companyId: number): Promise<string> {
  const [row] = await client.$queryRaw<{ n: bigint | number; m: bigint | number | null }[]>(
    sql`SELECT COUNT(*) AS n, MAX("id") AS m FROM "Position" WHERE "companyId" = ${companyId}`,
  );
  return `${row?.n ?? 0}:${row?.m ?? ""}`;
}

/** `read()` of the company's tenures, read again only when they changed. `what` names the result. */
export async function byTenureVersion<T>(client: Db, companyId: number, what: string, read: () => Promise<T>): Promise<T> {
  const version = await tenureVersion(client, companyId);
  let memo = seen.get(client);
  if (!memo) seen.set(client, (memo = new Map()));
  const key = `${what}:${companyId}`;
  const hit = memo.get(key);
  if (hit?.version === version) return hit.value as T;
  const value = await read();
  memo.delete(key);
  memo.set(key, { version, value });
  if (memo.size > KEPT) memo.delete(memo.keys().next().value!);
  return value;
}
