/**
 * Bulk ingest commits in batches (short write transactions) and is still all or nothing: a failure in a
 * later batch takes back what earlier batches committed, leaving the database as it was.
 */
import { describe, expect, it } from "vitest";
import { ingestClaim, ingestClaims } from "@/lib/ingest/ingest-claim";
import { claimInput } from "../factories/claims";
import { useTestDb } from "../helpers/test-db";

const { db } = useTestDb();

const snapshot = async () => ({
  people: await db.person.count(),
  personAliases: await db.personAlias.count(),
  companies: await db.company.count(),
  sources: await db.source.count(),
  citations: await db.sourceCitation.count(),
  events: await db.event.findMany({
    orderBy: { id: "asc" },
    select: { id: true, status: true, claimCount: true, sourceCount: true, dateText: true },
  }),
  claims: await db.claim.count(),
  changes: await db.change.count(),
  positions: await db.position.count(),
});

describe("ingestClaims in batches", () => {
  it("a failure in a later batch undoes the batches already committed, including merges into recorded events", async () => {
    const existing = await ingestClaim(
      db,
      claimInput({
        person: { name: "Hester Vale", aliases: [] },
        source: { title: "Vale leaves", publisher: "Old Paper", language: "en", kind: "article" },
        excerpt: "Vale left",
        date: "2021-03",
      }),
    );
    const before = await snapshot();
    const inputs = [
      claimInput({
        person: { name: "Hester Vale", aliases: ["ヘスター・ヴェイル"] },
        source: { title: "Vale exits", publisher: "New Paper", language: "en", kind: "article", cites: ["https://cited.example/vale"] },
        excerpt: "Vale exits",
        date: "2021-03",
      }),
      claimInput({ person: { name: "Batch Person One", aliases: [] }, company: { name: "Batch Co", aliases: [] }, excerpt: "one left" }),
      claimInput({
        person: { name: "Batch Person Two", aliases: [] },
        destination: { name: "Batch Destination", aliases: [], relation: "joined" },
        excerpt: "two left",
      }),
      claimInput({ source: { id: 999_999 }, excerpt: "points at a source that does not exist" }),
    ];
    await expect(ingestClaims(db, inputs, 2)).rejects.toThrow(/No recorded source/);
    expect(await snapshot()).toEqual(before);
    expect(await db.event.findUniqueOrThrow({ where: { id: existing.eventId } })).toMatchObject({ status: "reported", claimCount: 1 });
  });

  it("a successful multi-batch ingest stores every claim once; running it again adds nothing", async () => {
    const inputs = Array.from({ length: 7 }, (_, i) =>
      claimInput({
        person: { name: `Serial Person ${i}`, aliases: [] },
        source: { title: "Roster", publisher: "Roster Co", language: "en", kind: "article" },
        excerpt: `Serial ${i} left`,
      }),
    );
    expect(await ingestClaims(db, inputs, 3)).toEqual({ claims: 7, created: 7, merged: 0, duplicate: 0 });
    const after = await snapshot();
    expect(await ingestClaims(db, inputs, 3)).toEqual({ claims: 7, created: 0, merged: 0, duplicate: 7 });
    expect(await snapshot()).toEqual(after);
  });
});
