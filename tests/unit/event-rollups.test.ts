import { describe, expect, it } from "vitest";
import { countEvents, destinationCounts, findEvents, intervalCounts, resolveFilters } from "@/lib/data/find-events";
import { rollupCountSql } from "@/lib/data/event-rollups";
import { dateRange, fallsWithin } from "@/lib/domain/date-range";
import { rollupKeys, rollupKeyString, type RollupEventRow } from "@/lib/domain/event-rollup-keys";
import { fromColumns } from "@/lib/domain/partial-date";
import { ROLE_CATEGORIES } from "@/lib/domain/vocabulary";
import { roleCategoriesOf } from "@/lib/domain/role-categories";
import { ingestClaim, ingestClaims } from "@/lib/ingest/ingest-claim";
import { changeClaimState } from "@/lib/ingest/retract-claim";
import { mergeEntities } from "@/lib/ingest/merge-entities";
import { systemActor } from "@/lib/ingest/actor";
import { revertChange } from "@/lib/ingest/revert-change";
import { DEFAULT_QUERY, filtersOf, type EventFilters } from "@/lib/validation/event-filters";
import { seededRandom } from "../../scripts/bench/random";
import { claimInput } from "../factories/claims";
import { rollupBackfillStatements } from "../helpers/rollup-backfill";
import { useTestDb } from "../helpers/test-db";

const { db, provider } = useTestDb();
const as = (name: string) => ({ accountId: null, name });

const PEOPLE = ["Ada Quill", "Bo Renn", "Cy Marsh", "Di Holt", "Ed Vance", "Flo Nadir", "Gus Orr"];
const COMPANIES = ["Northwind Labs", "Acme AI", "Globex Research"];
const DESTINATIONS = ["Initech", "Hooli", "Acme AI"];
const KINDS = ["departed", "departed", "joined", "fired", "role_changed", "leave_started", "returned"] as const;
const DATES = [undefined, "2021-03", "2021-03-14", "2021-Q2", "2020", "2019/2020", "2022-11", "2021-12-31", "2023-01"];

const eventRows = async (): Promise<(RollupEventRow & { id: number; dateText: string | null; role: string | null })[]> =>
  db.event.findMany({
    select: {
      id: true,
      role: true,
      companyId: true,
      kind: true,
      status: true,
      roleCategory: true,
      sortDate: true,
      dateLatest: true,
      dateText: true,
      destinationId: true,
      destinationRelation: true,
      claimCount: true,
    },
  });

/** The rollup as stored, as key → n (rows at 0 must not linger). */
async function storedRollup() {
  const rows = await db.eventRollup.findMany();
  return new Map(rows.map((r) => [rollupKeyString({ ...r, grain: r.grain as "period" }), r.n]));
}

/** A full recount from the events, by the same key function the write path uses. */
async function recount() {
  const counts = new Map<string, number>();
  for (const e of await eventRows()) for (const k of rollupKeys(e)) counts.set(rollupKeyString(k), (counts.get(rollupKeyString(k)) ?? 0) + 1);
  return counts;
}

const sorted = (m: Map<string, number>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

describe("event rollups", () => {
  it("equal a full recount after random ingests, retractions and restores, and the migration's backfill rebuilds the same table", async () => {
    const { rand, int } = seededRandom(0x2011);
    const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
    const claims: number[] = [];
    const retractions: number[] = [];
    for (let step = 0; step < 90; step++) {
      const r = rand();
      if (r < 0.6 || claims.length === 0) {
        const kind = pick(KINDS);
        const leaving = kind === "departed" || kind === "fired";
        const result = await ingestClaim(
          db,
          claimInput({
            person: { name: pick(PEOPLE), aliases: [] },
            company: { name: pick(COMPANIES), aliases: [] },
            source: { title: `Report ${step}`, publisher: `Paper ${int(4)}`, language: "en", kind: "article" },
            excerpt: `Step ${step}: a ${kind} claim`,
            kind,
            role: "Engineer",
            roleCategory: rand() < 0.15 ? undefined : pick(ROLE_CATEGORIES),
            date: pick(DATES),
            destination:
              leaving && rand() < 0.6 ? { name: pick(DESTINATIONS), aliases: [], relation: rand() < 0.3 ? "founded" : "joined" } : undefined,
          }),
          as("Ingest"),
        );
        if (result.claimId) claims.push(result.claimId);
      } else if (r < 0.85) {
        const claimId = pick(claims);
        const claim = await db.claim.findUniqueOrThrow({ where: { id: claimId } });
        if (claim.state !== "active") continue;
        await changeClaimState(db, { claimId, state: rand() < 0.5 ? "retracted" : "deprecated", reason: `step ${step}` }, as("Editor"));
        retractions.push((await db.change.findFirstOrThrow({ where: { claimId }, orderBy: { id: "desc" } })).id);
      } else if (retractions.length) {
        // restore: revert a retraction or deprecation not reverted yet
        const changeId = retractions.splice(int(retractions.length), 1)[0];
        const change = await db.change.findUniqueOrThrow({ where: { id: changeId }, include: { revertedBy: true } });
        if (!change.revertedBy) await revertChange(db, changeId, as("Editor"));
      }
      if (step % 15 === 14) expect(sorted(await storedRollup())).toEqual(sorted(await recount()));
    }
    const statuses = new Set((await eventRows()).map((e) => e.status));
    // the sequence really exercised retraction and more than one status
    expect(statuses.has("retracted")).toBe(true);
    expect(statuses.size).toBeGreaterThan(2);
    const stored = await storedRollup();
    expect(sorted(stored)).toEqual(sorted(await recount()));

    for (const statement of rollupBackfillStatements(provider)) await db.$executeRawUnsafe(statement);
    expect(sorted(await storedRollup())).toEqual(sorted(stored));
  });

  it("a bulk ingest that fails in a later batch takes its deleted events back out of the rollup", async () => {
    const before = await storedRollup();
    const inputs = [
      claimInput({ person: { name: "Undone One", aliases: [] }, company: { name: "Undone Co", aliases: [] }, excerpt: "one left", date: "2024-02" }),
      claimInput({ person: { name: "Undone Two", aliases: [] }, company: { name: "Undone Co", aliases: [] }, excerpt: "two left", date: "2024-03" }),
      claimInput({ source: { id: 999_999 }, excerpt: "points at a source that does not exist" }),
    ];
    await expect(ingestClaims(db, inputs, 1)).rejects.toThrow(/No recorded source/);
    expect(sorted(await storedRollup())).toEqual(sorted(before));
    expect(sorted(await storedRollup())).toEqual(sorted(await recount()));
  });

  it("answers counts and charts exactly as counting the matching events does", async () => {
    const events = await eventRows();
    const companies = await db.company.findMany({ select: { id: true, slug: true } });
    const slugOf = (id: number | null) => companies.find((c) => c.id === id)?.slug;
    const some = companies.find((c) => events.some((e) => e.companyId === c.id))!.slug;
    const somewhere = slugOf(events.find((e) => e.destinationId !== null)!.destinationId)!;
    const base = filtersOf(DEFAULT_QUERY);
    const cases: EventFilters[] = [
      base,
      { ...base, company: [some] },
      { ...base, company: [some], kind: ["departed"] },
      { ...base, role: ["research", "engineering"], status: ["retracted", "reported"] },
      { ...base, kind: ["departed"], destination: [somewhere, "~founded"] },
      { ...base, destination: ["~unknown"] },
      { ...base, from: "2021", to: "2021-06" },
      { ...base, company: [some], from: "2021-03" },
      { ...base, to: "2020" },
      // not answerable from the rollup (a day bound, a title): the exact query
      { ...base, from: "2021-03-10" },
      { ...base, title: "engineer" },
    ];
    const wanted = (f: EventFilters) =>
      events.filter(
        (e) =>
          (!f.company.length || f.company.includes(slugOf(e.companyId)!)) &&
          (!f.role.length || roleCategoriesOf(e.roleCategory, e.role).some((c) => f.role.includes(c))) &&
          (!f.kind.length || f.kind.includes(e.kind as never)) &&
          f.status.includes(e.status as never) &&
          (!f.destination.length ||
            f.destination.some((d) =>
              d === "~founded" ? e.destinationRelation === "founded" : d === "~unknown" ? e.destinationId === null : slugOf(e.destinationId) === d,
            )) &&
          (!f.from && !f.to ? true : fallsWithin(fromColumns(e.dateText), dateRange(f.from, f.to))),
      );
    for (const f of cases) {
      const match = wanted(f);
      // every title here is "Engineer": the title filter (answered by the exact query) keeps them all
      expect(await countEvents(db, f), JSON.stringify(f)).toBe(match.length);
      const intervals = await intervalCounts(db, f);
      expect(
        intervals.reduce((s, r) => s + r.n, 0),
        JSON.stringify(f),
      ).toBe(match.length);
      const byCategory = (rows: { category: string | null; n: number }[]) => {
        const m = new Map<string, number>();
        for (const r of rows) m.set(String(r.category), (m.get(String(r.category)) ?? 0) + r.n);
        return [...m.entries()].sort();
      };
      expect(byCategory(intervals)).toEqual(byCategory(match.map((e) => ({ category: e.roleCategory, n: 1 }))));
      const destinations = await destinationCounts(db, f, 2);
      expect(destinations.withDestination).toBe(match.filter((e) => e.destinationId !== null).length);
      expect(destinations.unknown).toBe(match.filter((e) => e.destinationId === null).length);
      expect(destinations.founded).toBe(match.filter((e) => e.destinationRelation === "founded").length);
      const tally = new Map<string, number>();
      for (const e of match) if (e.destinationId !== null) tally.set(slugOf(e.destinationId)!, (tally.get(slugOf(e.destinationId)!) ?? 0) + 1);
      expect(destinations.top.map((t) => [t.slug, t.n])).toEqual(
        [...tally.entries()]
          .sort((a, b) => b[1] - a[1] || companies.find((c) => c.slug === a[0])!.id - companies.find((c) => c.slug === b[0])!.id)
          .slice(0, 2),
      );
    }
  });

  it("count a timeline page's matches from the rollup: its sort, size and cursor select nothing", async () => {
    for (const name of PEOPLE.slice(0, 3))
      await ingestClaim(db, claimInput({ person: { name, aliases: [] }, company: { name: COMPANIES[0], aliases: [] }, excerpt: `${name} left` }));
    for (const query of [DEFAULT_QUERY, { ...DEFAULT_QUERY, sort: "oldest" as const, limit: 10, view: "table" as const }]) {
      expect(rollupCountSql(await resolveFilters(db, query))).not.toBeNull();
      expect((await findEvents(db, query)).total).toBe(await countEvents(db, filtersOf(DEFAULT_QUERY)));
    }
    // a filter the rollup has no dimension for still counts the events
    expect(rollupCountSql(await resolveFilters(db, { ...DEFAULT_QUERY, title: "engineer" }))).toBeNull();
  });

  it("stay exact when an editor merges two companies (events and arrivals move) and reverts the merge", async () => {
    await ingestClaim(
      db,
      claimInput({
        person: { name: "Rollup Merge A", aliases: [] },
        company: { name: "Merge Left Co", aliases: [] },
        excerpt: "A left Merge Left Co",
        destination: { name: "Merge Dup Co", aliases: [], relation: "joined" },
      }),
    );
    await ingestClaim(
      db,
      claimInput({ person: { name: "Rollup Merge B", aliases: [] }, company: { name: "Merge Dup Co", aliases: [] }, excerpt: "B left Merge Dup Co" }),
    );
    await ingestClaim(
      db,
      claimInput({
        person: { name: "Rollup Merge C", aliases: [] },
        company: { name: "Merge Kept Co", aliases: [] },
        excerpt: "C left Merge Kept Co",
      }),
    );
    const { changeId } = await db.$transaction((tx) => mergeEntities(tx, "company", "merge-dup-co", "merge-kept-co", systemActor("test")));
    expect(sorted(await storedRollup())).toEqual(sorted(await recount()));
    await revertChange(db, changeId, systemActor("test"));
    expect(sorted(await storedRollup())).toEqual(sorted(await recount()));
  });
});
