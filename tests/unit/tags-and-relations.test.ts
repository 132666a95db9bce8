/**
 * Tags travel from claims to their events (and leave with a retracted claim); the timeline filters by
 * them; a company filter with units=1 includes its units and the names it was renamed from; exports carry
 * tags, batch, record id, reason and ISO date bounds.
 */
import { describe, expect, it } from "vitest";
import { eventToJson } from "@/lib/data/event-json";
import { findEvents } from "@/lib/data/find-events";
import { relateCompanies } from "@/lib/import/apply-descriptions";
import { systemActor } from "@/lib/ingest/actor";
import { ingestClaim } from "@/lib/ingest/ingest-claim";
import { changeClaimStateIn } from "@/lib/ingest/retract-claim";
import { EVENT_CSV_HEADER, eventCsvRows } from "@/lib/export/event-csv";
import { parseEventQuery } from "@/lib/validation/event-filters";
import { claimInput } from "../factories/claims";
import { useTestDb } from "../helpers/test-db";

const { db } = useTestDb();

async function page(qs: string) {
  const parsed = parseEventQuery(new URLSearchParams(qs));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return findEvents(db, parsed.query);
}

describe("tags", () => {
  it("an event carries its active claims' tags; the timeline filters by tag; a retracted claim takes its tags away", async () => {
    const tagged = await ingestClaim(
      db,
      claimInput({
        person: { name: "Opal Reyes", aliases: [] },
        excerpt: "Reyes left citing safety",
        tags: ["Safety concerns", "safety  concerns", "Governance"],
      }),
    );
    await ingestClaim(db, claimInput({ person: { name: "Pia Stone", aliases: [] }, excerpt: "Stone left" }));
    const bySafety = await page("tag=safety-concerns");
    expect(bySafety.events.map((e) => e.person.name)).toEqual(["Opal Reyes"]);
    expect(eventToJson(bySafety.events[0]).tags.sort()).toEqual(["governance", "safety-concerns"]);
    expect((await page("tag=no-such-tag")).total).toBe(0);

    await db.$transaction((tx) => changeClaimStateIn(tx, { claimId: tagged.claimId, state: "retracted", reason: "test" }, systemActor("test")));
    expect((await page("tag=safety-concerns&status=all")).events[0]?.tags ?? []).toEqual([]);
  });

  it("rejects a malformed tag or units parameter with a field error", () => {
    const bad = parseEventQuery(new URLSearchParams("units=yes"));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.fieldErrors.units?.[0]).toMatch(/units is 1/);
  });
});

describe("companies in relation", () => {
  it("units=1 widens a company filter to its units and former names, never to its parent", async () => {
    await ingestClaim(
      db,
      claimInput({ person: { name: "Quin Ames", aliases: [] }, company: { name: "Alphabet Test", aliases: [] }, excerpt: "Ames left Alphabet Test" }),
    );
    await ingestClaim(
      db,
      claimInput({
        person: { name: "Rue Banks", aliases: [] },
        company: { name: "Alphabet Mind", aliases: [] },
        excerpt: "Banks left Alphabet Mind",
      }),
    );
    await ingestClaim(
      db,
      claimInput({ person: { name: "Sol Cruz", aliases: [] }, company: { name: "OldBook", aliases: [] }, excerpt: "Cruz left OldBook" }),
    );
    const [parent, unit, old] = await Promise.all(
      ["alphabet-test", "alphabet-mind", "oldbook"].map((slug) => db.company.findUniqueOrThrow({ where: { slug } })),
    );
    await db.$transaction((tx) => relateCompanies(tx, unit.id, parent.id, "part_of"));
    await db.$transaction((tx) => relateCompanies(tx, old.id, parent.id, "renamed_to", "2021-10-28"));

    expect((await page("company=alphabet-test")).events.map((e) => e.person.name)).toEqual(["Quin Ames"]);
    expect((await page("company=alphabet-test&units=1")).events.map((e) => e.person.name).sort()).toEqual(["Quin Ames", "Rue Banks", "Sol Cruz"]);
    expect((await page("company=alphabet-mind&units=1")).events.map((e) => e.person.name)).toEqual(["Rue Banks"]);
    expect((await page("company=oldbook&units=1")).events.map((e) => e.person.name).sort()).toEqual(["Quin Ames", "Rue Banks", "Sol Cruz"]);
  });
});

describe("exports", () => {
  it("the CSV has ISO date bounds, tags, reason and per-claim provenance columns", async () => {
    await ingestClaim(
      db,
      claimInput({
        person: { name: "Tess Vu", aliases: [] },
        excerpt: "Vu quit",
        date: "2023",
        tags: ["Policy"],
        reason: "policy dispute",
        note: "read as a resignation",
      }),
    );
    const e = eventToJson((await page("q=Tess Vu")).events[0]);
    const header = EVENT_CSV_HEADER.trim().split(",");
    const row = eventCsvRows(e).trim().split(",");
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell("date_earliest")).toBe("2023-01-01");
    expect(cell("date_latest")).toBe("2023-12-31");
    expect(cell("tags")).toBe("policy");
    expect(cell("reason")).toBe("policy dispute");
    expect(cell("claim_note")).toBe("read as a resignation");
    expect(cell("added_by")).toBe("cli");
  });
});
