/**
 * What is read from a company's tenures and asked again and again (the org chart's timeline stops, each
 * day's roster, the change index and a large diff's drawn rows of lib/data/org-view.ts, the company
 * page's people counts), remembered per client with the version of the tenures it was read at:
 * COUNT, MAX(id) and SUM(id) of the company's Position rows. That version changes on every write that
 * can change such a result, because tenures are never updated in place: every write that touches a
 * company's events (a claim, a retraction, a merge, an undo, an import) rebuilds the tenures of each
 * (person, company) it touches by deleting them and inserting new rows (lib/ingest/recompute-event.ts
 * rebuildPositionsOf), new ids only grow, and every leave or return that is not retracted lies on one of
 * them (derivePositions). A deletion alone lowers the count; a rebuild that deletes as many rows as it
 * inserts raises the sum (new ids exceed old ones), even when, on PostgreSQL, a transaction holding lower
 * new ids commits after one holding higher ids (MAX alone would miss it). So an equal version means the
 * very same rows, and what was read from them then is still what they say.
 *
 * The drawn rows of a diff go further: the events those tenures rest on, their active claims and the
 * names of the people and destination companies. Each event is one person's at one company, and every
 * change to it or its claims recomputes it and rebuilds that person's tenures there (recomputeEvent);
 * names and slugs are never edited in place (merges and splits delete or create the record and recompute
 * the events that name it, managed claims included). Sources are not among them: an import fills in a
 * source's title and publisher in place, so they are read on every request.
 *
 * Asking the version reads the company's entries of one index (Position_roster_idx);
 * tests/unit/org-change-days.test.ts, company-people.test.ts and org-view.test.ts compare remembered
 * results with fresh reads after each kind of write. A new write path that changed tenures, events,
 * claims or names in place would have to bump the version (ADRs 0091, 0093).
 */
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db-factory";

const { sql } = Prisma;

/** What one version of one company's tenures was found to hold, by name ("changeDays", "roster:2020-06-30"). */
export interface TenureMemo {
  version: string;
  /**
   * `read()`, or what it returned for this version before. `large`: a result of megabytes (a diff's drawn
   * rows), of which fewer are kept, apart, so they never push out the small ones.
   */
  get<T>(what: string, read: () => Promise<T>, options?: { large?: boolean }): Promise<T>;
}

interface Entry {
  version: string;
  small: Map<string, unknown>;
  large: Map<string, unknown>;
}

const seen = new WeakMap<Db, Map<number, Entry>>();
/** Companies remembered per client, and results per company (the least recently used is forgotten first in each). */
const COMPANIES_KEPT = 500;
const RESULTS_KEPT = 64;
const LARGE_RESULTS_KEPT = 8;

/** The version of a company's tenures: equal versions mean the very same Position rows. */
export async function tenureVersion(client: Db, companyId: number): Promise<string> {
  const [row] = await client.$queryRaw<{ n: bigint | number; m: bigint | number | null; s: bigint | number | string | null }[]>(
    sql`SELECT COUNT(*) AS n, MAX("id") AS m, SUM("id") AS s FROM "Position" WHERE "companyId" = ${companyId}`,
  );
  return `${row?.n ?? 0}:${row?.m ?? ""}:${row?.s ?? ""}`;
}

/** The results remembered for the company's tenures as they are now (one version query); none once they change. */
export async function tenureMemo(client: Db, companyId: number): Promise<TenureMemo> {
  const version = await tenureVersion(client, companyId);
  let companies = seen.get(client);
  if (!companies) seen.set(client, (companies = new Map()));
  let entry = companies.get(companyId);
  if (entry?.version !== version) entry = { version, small: new Map(), large: new Map() };
  companies.delete(companyId);
  companies.set(companyId, entry);
  if (companies.size > COMPANIES_KEPT) companies.delete(companies.keys().next().value!);
  const { small, large } = entry;
  return {
    version,
    async get<T>(what: string, read: () => Promise<T>, { large: isLarge = false } = {}): Promise<T> {
      const [values, kept] = isLarge ? [large, LARGE_RESULTS_KEPT] : [small, RESULTS_KEPT];
      if (values.has(what)) {
        // used again: the most recently used now
        const value = values.get(what) as T;
        values.delete(what);
        values.set(what, value);
        return value;
      }
      const value = await read();
      values.set(what, value);
      if (values.size > kept) values.delete(values.keys().next().value!);
      return value;
    },
  };
}

/** `read()` of the company's tenures, read again only when they changed. `what` names the result. */
export async function byTenureVersion<T>(client: Db, companyId: number, what: string, read: () => Promise<T>): Promise<T> {
  return (await tenureMemo(client, companyId)).get(what, read);
}
