import { beforeAll, describe, expect, it } from "vitest";
import { alumniNetwork } from "@/lib/data/companies";
import { listChanges, listCorrections } from "@/lib/data/changes";
import { findEvents } from "@/lib/data/find-events";
import { flowFilters, flowPairs } from "@/lib/data/flows";
import { watchChanges } from "@/lib/data/watches";
import { groupFlows } from "@/lib/domain/flow-layout";
import { ingestClaim } from "@/lib/ingest/ingest-claim";
import { changeClaimState } from "@/lib/ingest/retract-claim";
import { revertChange } from "@/lib/ingest/revert-change";
import { systemActor } from "@/lib/ingest/actor";
import { filtersOf, parseEventQuery, type EventFilters } from "@/lib/validation/event-filters";
import { canonicalFilter } from "@/lib/validation/watch";
import { follow, markSeen, unfollow } from "@/lib/watches/store";
import type { ClaimInputRaw } from "@/lib/validation/claim";
import { claimInput } from "../factories/claims";
import { createAccount } from "../helpers/accounts";
import { useTestDb } from "../helpers/test-db";

const { db } = useTestDb();

const northwind = { name: "Northwind Labs", aliases: [] };
const southport = { name: "Southport AI", aliases: [] };
const eastgate = { name: "Eastgate Robotics", aliases: [] };

/** Fictional departures: Northwind → Eastgate ×2 (one founded), → Southport ×1, → unknown ×2; Southport → Eastgate ×1. */
const CLAIMS: Partial<ClaimInputRaw>[] = [
  { person: { name: "Ada Quill", aliases: [] }, company: northwind, destination: { ...eastgate, relation: "founded" }, roleCategory: "research" },
  { person: { name: "Ben Quill", aliases: [] }, company: northwind, destination: { ...eastgate, relation: "joined" }, roleCategory: "engineering" },
  { person: { name: "Cai Quill", aliases: [] }, company: northwind, destination: { ...southport, relation: "joined" }, roleCategory: "research" },
  { person: { name: "Dee Quill", aliases: [] }, company: northwind, roleCategory: "research" },
  { person: { name: "Eli Quill", aliases: [] }, company: northwind, roleCategory: "product" },
  { person: { name: "Fay Quill", aliases: [] }, company: southport, destination: { ...eastgate, relation: "joined" }, roleCategory: "research" },
  // not a move: a join, and a role change
  { person: { name: "Gus Quill", aliases: [] }, company: eastgate, kind: "joined", roleCategory: "research" },
  { person: { name: "Ada Quill", aliases: [] }, company: eastgate, kind: "role_changed", role: "CEO", roleCategory: "executive" },
];

const filters = (qs: string): EventFilters => {
  const r = parseEventQuery(new URLSearchParams(qs));
  if (!r.ok) throw new Error(JSON.stringify(r.fieldErrors));
  return filtersOf(r.query);
};

const pairKey = (p: { from: { slug: string }; to: { slug: string } | null; n: number; founded: number }) =>
  `${p.from.slug}→${p.to?.slug ?? "?"}:${p.n}/${p.founded}`;

let claimIds: number[] = [];

/** Retract a claim through the write path; the id of the change it logged. */
async function retract(claimId: number, reason: string): Promise<number> {
  await changeClaimState(db, { claimId, state: "retracted", reason }, systemActor("test"));
  return (await db.change.findFirstOrThrow({ where: { claimId, action: "retract_claim" }, orderBy: { id: "desc" } })).id;
}

beforeAll(async () => {
  claimIds = [];
  for (const [i, c] of CLAIMS.entries()) {
    const r = await ingestClaim(db, claimInput({ kind: "departed", date: "2024-05", role: "Staff", ...c, excerpt: `Move ${i}` }));
    claimIds.push(r.claimId);
  }
}, 60_000);

describe("flowPairs", () => {
  it("counts departures per company left and destination, unknown destinations included", async () => {
    const pairs = await flowPairs(db, filters(""));
    expect(pairs.map(pairKey)).toEqual([
      "northwind-labs→eastgate-robotics:2/1",
      "northwind-labs→?:2/0",
      "northwind-labs→southport-ai:1/0",
      "southport-ai→eastgate-robotics:1/0",
    ]);
  });

  it("follows the timeline's filters, and each pair's count is what the timeline lists for its link", async () => {
    const pairs = await flowPairs(db, filters("company=northwind-labs&role=research"));
    expect(pairs.map(pairKey)).toEqual(["northwind-labs→eastgate-robotics:1/1", "northwind-labs→southport-ai:1/0", "northwind-labs→?:1/0"]);
    for (const p of pairs) {
      const linked = { ...flowFilters(filters("role=research")), company: [p.from.slug], destination: [p.to?.slug ?? "~unknown"] };
      const page = await findEvents(db, { ...linked, sort: "newest", limit: 50, cursor: undefined });
      expect(page.total).toBe(p.n);
      expect(page.events.every((e) => e.kind === "departed")).toBe(true);
    }
  });

  it("counts into a destination, and only departures whatever kind the filter names", async () => {
    expect((await flowPairs(db, filters("destination=eastgate-robotics"))).map(pairKey)).toEqual([
      "northwind-labs→eastgate-robotics:2/1",
      "southport-ai→eastgate-robotics:1/0",
    ]);
    expect((await flowPairs(db, filters("kind=joined&company=eastgate-robotics"))).length).toBe(0);
  });

  it("groups into the layout's nodes without losing a departure", async () => {
    const pairs = await flowPairs(db, filters(""));
    const g = groupFlows(pairs, { sources: 1, targets: 1 });
    expect(g.total).toBe(6);
    expect(g.nodes.find((n) => n.kind === "unknown")!.n).toBe(2);
  });
});

describe("the person filter", () => {
  it("matches only that person's events (a person's feed)", async () => {
    const page = await findEvents(db, { ...filters("person=ada-quill"), sort: "newest", limit: 50, cursor: undefined });
    expect(page.total).toBe(2);
    expect(page.events.every((e) => e.person.slug === "ada-quill")).toBe(true);
    expect((await findEvents(db, { ...filters("person=nobody-here"), sort: "newest", limit: 50, cursor: undefined })).total).toBe(0);
  });
});

describe("alumniNetwork", () => {
  it("lists where people who left went, joined and founded apart, with counts", async () => {
    const company = await db.company.findUniqueOrThrow({ where: { slug: "northwind-labs" } });
    const n = await alumniNetwork(db, company.id);
    expect(n.withDestination).toBe(3);
    expect(n.unknown).toBe(2);
    expect(n.destinations.map((d) => [d.company.slug, d.joined.map((m) => m.person.name), d.founded.map((m) => m.person.name)])).toEqual([
      ["eastgate-robotics", ["Ben Quill"], ["Ada Quill"]],
      ["southport-ai", ["Cai Quill"], []],
    ]);
    expect(n.founded.map((d) => d.company.slug)).toEqual(["eastgate-robotics"]);
  });

  it("lists the top destinations with exact counts however few are named", async () => {
    const company = await db.company.findUniqueOrThrow({ where: { slug: "northwind-labs" } });
    const n = await alumniNetwork(db, company.id, { destinations: 1, names: 1 });
    expect(n.destinations.map((d) => [d.company.slug, d.joinedCount, d.foundedCount, d.joined.length, d.founded.length])).toEqual([
      ["eastgate-robotics", 1, 1, 1, 1],
    ]);
    expect([n.destinationCount, n.foundedCount, n.withDestination, n.unknown]).toEqual([2, 1, 3, 2]);
  });
});

describe("the change log as a delta feed and the corrections", () => {
  it("returns every change strictly after an instant, oldest first, paged by id", async () => {
    const [newest] = (await listChanges(db, { limit: 1 })).changes;
    const none = await listChanges(db, { after: newest.at, order: "oldest" });
    expect(none.changes.filter((c) => c.id === newest.id)).toEqual([]);
    const retracted = await retract(claimIds[4], "Misread the source");
    const later = await listChanges(db, { after: newest.at, order: "oldest" });
    expect(later.changes.map((c) => c.id)).toContain(retracted);
    expect(later.changes.map((c) => c.id)).not.toContain(newest.id);
    // paging: one at a time, following nextAfter, visits the same changes in order
    const all = await listChanges(db, { order: "oldest", limit: 200 });
    const seen: number[] = [];
    let afterId: number | undefined;
    for (;;) {
      const page = await listChanges(db, { order: "oldest", afterId, limit: 3 });
      seen.push(...page.changes.map((c) => c.id));
      if (page.nextAfter === null) break;
      afterId = page.nextAfter;
    }
    expect(seen).toEqual(all.changes.map((c) => c.id));
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it("lists retractions and reverts as corrections, not plain additions", async () => {
    const retracted = await retract(claimIds[3], "Wrong person");
    const reverted = await revertChange(db, retracted, systemActor("test"));
    const corrections = await listCorrections(db);
    const ids = corrections.map((c) => c.id);
    expect(ids).toContain(retracted);
    expect(ids).toContain(reverted.changeId);
    expect(corrections.every((c) => c.action !== "add_claim" || c.revertOfId !== null || c.fields.some((f) => f.after === "disputed"))).toBe(true);
    expect(corrections.some((c) => c.action === "create_event" && c.revertOfId === null && !c.fields.some((f) => f.after === "disputed"))).toBe(
      false,
    );
  });
});

describe("watches", () => {
  it("shows a followed person's changes after the last visit, not before, and not other people's", async () => {
    const { user } = await createAccount(db, { email: "watcher@example.org", role: "contributor" });
    const w = await follow(db, user.id, { kind: "person", target: "ben-quill", label: "Ben Quill" });
    expect((await watchChanges(db, w, w.lastSeenAt)).count).toBe(0);
    await new Promise((r) => setTimeout(r, 5));
    const added = await ingestClaim(
      db,
      claimInput({
        person: { name: "Ben Quill", aliases: [] },
        company: northwind,
        kind: "departed",
        date: "2024-05",
        role: "Staff",
        roleCategory: "engineering",
        destination: { ...eastgate, relation: "joined" },
        excerpt: "Ben Quill left Northwind for Eastgate",
      }),
    );
    await ingestClaim(db, claimInput({ person: { name: "Cai Quill", aliases: [] }, company: northwind, excerpt: "Cai Quill, again" }));
    const seen = await watchChanges(db, w, w.lastSeenAt);
    expect(seen.changes.map((c) => c.claimId)).toEqual([added.claimId]);
    expect(seen.changes[0].event?.person.slug).toBe("ben-quill");
    // marked seen: nothing new until the next change
    await markSeen(db, user.id, new Date());
    const after = await db.watch.findUniqueOrThrow({ where: { id: w.id } });
    expect((await watchChanges(db, after, after.lastSeenAt)).count).toBe(0);
    expect(await unfollow(db, user.id, { kind: "person", target: "ben-quill" })).toBe(true);
    expect(await db.watch.count({ where: { accountId: user.id } })).toBe(0);
  });

  it("covers a company left and a timeline filter, retractions included", async () => {
    const since = new Date(Date.now() - 1);
    await new Promise((r) => setTimeout(r, 5));
    const r = await retract(claimIds[5], "Not Fay");
    const company = await watchChanges(db, { kind: "company", target: "southport-ai" }, since);
    expect(company.changes.map((c) => c.id)).toContain(r);
    const filter = await watchChanges(db, { kind: "filter", target: canonicalFilter("company=southport-ai&kind=departed")! }, since);
    expect(filter.changes.map((c) => c.id)).toEqual([r]);
    const other = await watchChanges(db, { kind: "filter", target: canonicalFilter("company=northwind-labs")! }, since);
    expect(other.count).toBe(0);
  });

  it("covers a company gone to", async () => {
    const since = new Date(Date.now() - 1);
    await new Promise((r) => setTimeout(r, 5));
    const added = await ingestClaim(
      db,
      claimInput({
        person: { name: "Hal Quill", aliases: [] },
        company: southport,
        kind: "departed",
        date: "2024-06",
        role: "Staff",
        roleCategory: "research",
        destination: { ...eastgate, relation: "joined" },
        excerpt: "Hal Quill joins Eastgate",
      }),
    );
    const company = await watchChanges(db, { kind: "company", target: "eastgate-robotics" }, since);
    expect(company.changes.map((c) => c.claimId)).toContain(added.claimId);
  });

  it("stores one spelling of a filter however it was typed", () => {
    expect(canonicalFilter("kind=departed&company=a,b")).toBe(canonicalFilter("?company=a&company=b&kind=departed"));
    expect(canonicalFilter("kind=bogus")).toBeNull();
  });
});
