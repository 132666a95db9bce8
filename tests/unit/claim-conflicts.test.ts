import { describe, expect, it } from "vitest";
import { findEventCandidates, preflightClaim } from "@/lib/ingest/preflight";
import { ingestClaim } from "@/lib/ingest/ingest-claim";
import { summarizeStoredEvent } from "@/lib/data/event-facts";
import { claimInput } from "../factories/claims";
import { useTestDb } from "../helpers/test-db";

const { db } = useTestDb();

const source = (n: string) => ({ title: `Report ${n}`, publisher: `Publisher ${n}`, language: "en", kind: "article" as const });

describe("conflicting claims", () => {
  it("a claim with a different date is kept and the event becomes disputed, with both dates side by side", async () => {
    const person = { name: "Tamsin Oakhurst", aliases: [] };
    const a = await ingestClaim(db, claimInput({ person, source: source("a"), excerpt: "Oakhurst left in June", date: "2021-06" }));
    const b = await ingestClaim(db, claimInput({ person, source: source("b"), excerpt: "Oakhurst left in August", date: "2021-08" }));
    expect(b).toMatchObject({ outcome: "merged", eventId: a.eventId });
    const event = await db.event.findUniqueOrThrow({ where: { id: a.eventId } });
    expect(event.status).toBe("disputed");
    const summary = await summarizeStoredEvent(db, a.eventId);
    expect(summary.conflicts).toEqual([
      {
        field: "date",
        values: [
          { value: "2021-06", claimIds: [a.claimId] },
          { value: "2021-08", claimIds: [b.claimId] },
        ],
      },
    ]);
  });

  it("a different destination disputes the event; agreeing claims corroborate it", async () => {
    const person = { name: "Ignatius Brell", aliases: [] };
    const a = await ingestClaim(
      db,
      claimInput({
        person,
        source: source("c"),
        excerpt: "Brell joins Fennick",
        destination: { name: "Fennick AI", aliases: [], relation: "joined" },
      }),
    );
    await ingestClaim(
      db,
      claimInput({ person, source: source("d"), excerpt: "Brell to Fennick", destination: { name: "Fennick AI", aliases: [], relation: "joined" } }),
    );
    expect((await db.event.findUniqueOrThrow({ where: { id: a.eventId } })).status).toBe("corroborated");
    await ingestClaim(
      db,
      claimInput({
        person,
        source: source("e"),
        excerpt: "Brell joins Orrery",
        destination: { name: "Orrery Systems", aliases: [], relation: "joined" },
      }),
    );
    const event = await db.event.findUniqueOrThrow({ where: { id: a.eventId }, include: { destination: true } });
    expect(event.status).toBe("disputed");
    // the destination asserted by more claims stays the event's
    expect(event.destination?.name).toBe("Fennick AI");
    const conflict = (await summarizeStoredEvent(db, a.eventId)).conflicts.find((c) => c.field === "destination");
    expect(conflict?.values.map((v) => v.claimIds.length)).toEqual([2, 1]);
  });

  it("a claim of another kind attached to an event disputes what happened", async () => {
    const person = { name: "Marguerite Solle", aliases: [] };
    const a = await ingestClaim(db, claimInput({ person, source: source("f"), excerpt: "Solle resigned", kind: "departed" }));
    await ingestClaim(db, claimInput({ person, source: source("g"), excerpt: "Solle went on leave", kind: "leave_started", eventId: a.eventId }));
    const summary = await summarizeStoredEvent(db, a.eventId);
    expect(summary.status).toBe("disputed");
    expect(summary.conflicts.map((c) => c.field)).toEqual(["kind"]);
  });

  it("newEvent keeps a claim out of a matching event", async () => {
    const person = { name: "Osric Tallow", aliases: [] };
    const a = await ingestClaim(db, claimInput({ person, source: source("h"), excerpt: "Tallow left in May", date: "2020-05" }));
    const b = await ingestClaim(
      db,
      claimInput({ person, source: source("i"), excerpt: "Tallow left again in June", date: "2020-06", newEvent: true }),
    );
    expect(b.outcome).toBe("created");
    expect(b.eventId).not.toBe(a.eventId);
  });
});

describe("findEventCandidates", () => {
  it("offers the event with the same person (by any alias), company and kind and a nearby date; not far or other kinds", async () => {
    const person = { name: "Hesper Quillon", aliases: ["ヘスパー・クイロン"] };
    const near = await ingestClaim(db, claimInput({ person, source: source("j"), excerpt: "Quillon left", date: "2019-03" }));
    await ingestClaim(db, claimInput({ person, source: source("k"), excerpt: "Quillon left, years later", date: "2023-03" }));
    await ingestClaim(db, claimInput({ person, source: source("l"), excerpt: "Quillon went on leave", kind: "leave_started", date: "2019-03" }));

    const found = await findEventCandidates(db, {
      person: { name: "ヘスパー・クイロン" },
      company: { name: "ＯｐｅｎＡＩ" },
      kind: "departed",
      date: "2019-04",
    });
    expect(found.map((c) => c.id)).toEqual([near.eventId]);
    expect(found[0]).toMatchObject({ personName: "Hesper Quillon", overlapping: false, suggested: true, dateText: "2019-03" });

    const undated = await findEventCandidates(db, { person: { name: "Hesper Quillon" }, company: { name: "OpenAI" }, kind: "departed" });
    expect(undated).toHaveLength(2);
    expect(await findEventCandidates(db, { person: { name: "Nobody Recorded" }, company: { name: "OpenAI" }, kind: "departed" })).toEqual([]);
  });

  it("preflight finds this exact claim (same source and excerpt) and nothing else", async () => {
    const input = claimInput({ person: { name: "Linus Arbogast", aliases: [] }, source: source("m"), excerpt: "Arbogast quits" });
    expect((await preflightClaim(db, input)).recorded).toBeNull();
    const r = await ingestClaim(db, input);
    expect((await preflightClaim(db, input)).recorded).toEqual({ id: r.claimId, eventId: r.eventId });
    expect((await preflightClaim(db, { ...input, excerpt: "Arbogast quits!" })).recorded).toBeNull();
  });
});
