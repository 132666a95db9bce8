/**
 * Editors merge two records of one person (or company) and split a wrongly merged spelling off: every
 * claim is kept, the old slug redirects, and a revert puts everything back.
 */
import { describe, expect, it } from "vitest";
import { systemActor } from "@/lib/ingest/actor";
import { ingestClaim } from "@/lib/ingest/ingest-claim";
import { mergeEntities, splitAlias } from "@/lib/ingest/merge-entities";
import { revertChange } from "@/lib/ingest/revert-change";
import { claimInput } from "../factories/claims";
import { useTestDb } from "../helpers/test-db";

const { db } = useTestDb();
const actor = systemActor("test");

describe("merging people", () => {
  it("moves aliases, claims and positions, redirects the old slug, and reverts", async () => {
    await ingestClaim(
      db,
      claimInput({ person: { name: "Ula Voss", aliases: ["ウラ・ヴォス"] }, excerpt: "Voss left", kind: "departed", date: "2024-02" }),
    );
    await ingestClaim(db, claimInput({ person: { name: "ウラ・ボス", aliases: [] }, excerpt: "ボス氏が退社", kind: "departed", date: "2024-02" }));
    const claimsBefore = await db.claim.count();
    const { changeId, snapshot } = await db.$transaction((tx) => mergeEntities(tx, "person", "ウラボス", "ula-voss", actor));
    expect(snapshot.eventIds).toHaveLength(1);
    const kept = await db.person.findUniqueOrThrow({
      where: { slug: "ula-voss" },
      include: { aliases: true, events: { include: { claims: true } }, positions: true },
    });
    expect(kept.aliases.map((a) => a.name)).toEqual(expect.arrayContaining(["ウラ・ボス", "ウラ・ヴォス"]));
    expect(kept.events.flatMap((e) => e.claims)).toHaveLength(2);
    expect(await db.claim.count()).toBe(claimsBefore);
    expect(await db.slugRedirect.findUnique({ where: { kind_fromSlug: { kind: "person", fromSlug: "ウラボス" } } })).toMatchObject({ toId: kept.id });
    expect(await db.person.findUnique({ where: { slug: "ウラボス" } })).toBeNull();

    await revertChange(db, changeId, actor);
    const back = await db.person.findUniqueOrThrow({ where: { slug: "ウラボス" }, include: { aliases: true, events: true, positions: true } });
    expect(back.aliases.map((a) => a.name)).toEqual(["ウラ・ボス"]);
    expect(back.events).toHaveLength(1);
    expect(back.positions).toHaveLength(1);
    expect(await db.slugRedirect.count({ where: { fromSlug: "ウラボス" } })).toBe(0);
    expect((await db.person.findUniqueOrThrow({ where: { slug: "ula-voss" }, include: { events: true } })).events).toHaveLength(1);
  });

  it("refuses to merge a record into itself or into a slug that does not exist, changing nothing", async () => {
    await ingestClaim(db, claimInput({ person: { name: "Vera Wolk", aliases: [] }, excerpt: "Wolk left" }));
    await expect(db.$transaction((tx) => mergeEntities(tx, "person", "vera-wolk", "vera-wolk", actor))).rejects.toThrow(/itself/);
    await expect(db.$transaction((tx) => mergeEntities(tx, "person", "vera-wolk", "nobody-here", actor))).rejects.toThrow(/No person/);
    expect(await db.person.findUnique({ where: { slug: "vera-wolk" } })).not.toBeNull();
  });
});

describe("merging companies and splitting an alias", () => {
  it("a company merge moves events and arrivals; a split takes the picked events to a new record and reverts", async () => {
    await ingestClaim(
      db,
      claimInput({
        person: { name: "Wes Xu", aliases: [] },
        company: { name: "Acme Labs", aliases: [] },
        excerpt: "Xu left Acme Labs",
        destination: { name: "Acme Research", aliases: [], relation: "joined" },
      }),
    );
    await ingestClaim(
      db,
      claimInput({ person: { name: "Yan Zee", aliases: [] }, company: { name: "Acme Research", aliases: [] }, excerpt: "Zee left Acme Research" }),
    );
    await db.$transaction((tx) => mergeEntities(tx, "company", "acme-research", "acme-labs", actor));
    const acme = await db.company.findUniqueOrThrow({ where: { slug: "acme-labs" }, include: { events: true, arrivals: true, aliases: true } });
    expect(acme.events).toHaveLength(2);
    expect(acme.arrivals).toHaveLength(1);

    const alias = acme.aliases.find((a) => a.name === "Acme Research")!;
    const zee = acme.events.find((e) => e.personId !== acme.arrivals[0].personId)!;
    const { changeId, slug } = await db.$transaction((tx) => splitAlias(tx, "company", "acme-labs", alias.id, [zee.id], actor));
    const split = await db.company.findUniqueOrThrow({ where: { slug }, include: { events: true, aliases: true } });
    expect(split.events.map((e) => e.id)).toEqual([zee.id]);
    expect(split.aliases.map((a) => a.name)).toEqual(["Acme Research"]);

    await revertChange(db, changeId, actor);
    expect((await db.company.findUniqueOrThrow({ where: { slug: "acme-labs" }, include: { events: true } })).events).toHaveLength(2);
  });
});
