import { systemActor } from "@/lib/ingest/actor";
import { describe, expect, it } from "vitest";
import { ingestClaim, ingestClaims } from "@/lib/ingest/ingest-claim";
import { ingestFiles } from "@/lib/ingest/ingest-file";
import { claimInput } from "../factories/claims";
import { useTestDb } from "../helpers/test-db";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const { db } = useTestDb();

async function counts() {
  const [people, companies, events, claims, sources, aliases, positions] = await Promise.all([
    db.person.count(),
    db.company.count(),
    db.event.count(),
    db.claim.count(),
    db.source.count(),
    db.personAlias.count(),
    db.position.count(),
  ]);
  return { people, companies, events, claims, sources, aliases, positions };
}

describe("ingestClaim", () => {
  it("creates the person, companies, source, event, claim and position", async () => {
    const r = await ingestClaim(
      db,
      claimInput({
        person: { name: "John Schulman", aliases: ["ジョン・シュルマン"] },
        excerpt: "John Schulman is leaving for Anthropic",
        date: "2024-08-05",
        destination: { name: "Anthropic", aliases: [], relation: "joined" },
      }),
    );
    expect(r.outcome).toBe("created");
    const event = await db.event.findUniqueOrThrow({ where: { id: r.eventId }, include: { person: true, destination: true } });
    expect(event).toMatchObject({ kind: "departed", status: "reported", dateText: "2024-08-05", datePrecision: "day" });
    expect(event.person.name).toBe("John Schulman");
    expect(event.destination?.name).toBe("Anthropic");
    const positions = await db.position.findMany({ where: { personId: event.personId } });
    expect(positions).toHaveLength(1);
    expect(positions[0]).toMatchObject({ title: "CTO", startText: null, endText: "2024-08-05" });
  });

  it("merges a claim naming the person by a katakana alias into the same event, corroborated", async () => {
    const first = await ingestClaim(db, claimInput({ excerpt: "Mira Murati is leaving OpenAI" }));
    const second = await ingestClaim(
      db,
      claimInput({
        source: { title: "ムラティ氏退任", publisher: "Tencent Technology", language: "ja", kind: "article" },
        person: { name: "ミーラ・モラティ", aliases: [] },
        company: { name: "ＯｐｅｎＡＩ", aliases: [] },
        excerpt: "ミーラ・モラティも辞めた",
        date: "2024",
      }),
    );
    expect(second).toMatchObject({ outcome: "merged", eventId: first.eventId });
    expect(second.created.person).toBe(false);
    const event = await db.event.findUniqueOrThrow({ where: { id: first.eventId } });
    // the more precise date wins when the less precise one contains it
    expect(event).toMatchObject({ status: "corroborated", dateText: "2024-09", sourceCount: 2, claimCount: 2 });
  });

  it("is idempotent: the same claim twice is stored once", async () => {
    const input = claimInput({ person: { name: "Bob McGrew", aliases: [] }, excerpt: "Bob McGrew also left" });
    await ingestClaim(db, input);
    const before = await counts();
    const again = await ingestClaim(db, input);
    expect(again.outcome).toBe("duplicate");
    expect(await counts()).toEqual(before);
  });

  it("keeps conflicting claims and marks the event disputed", async () => {
    const person = { name: "Barret Zoph", aliases: [] };
    const a = await ingestClaim(db, claimInput({ person, excerpt: "Zoph left in February", date: "2024-02" }));
    const b = await ingestClaim(
      db,
      claimInput({
        person,
        source: { title: "Other paper", publisher: "Other", language: "en", kind: "article" },
        excerpt: "Zoph left in March",
        date: "2024-03",
      }),
    );
    expect(b).toMatchObject({ outcome: "merged", eventId: a.eventId });
    const event = await db.event.findUniqueOrThrow({ where: { id: a.eventId }, include: { claims: true } });
    expect(event.status).toBe("disputed");
    expect(event.claims.map((c) => c.dateText).sort()).toEqual(["2024-02", "2024-03"]);
  });

  it("stores nothing when a batch fails midway", async () => {
    const before = await counts();
    await expect(
      ingestClaims(db, [
        claimInput({ person: { name: "Brand New Person", aliases: [] }, excerpt: "new person left" }),
        claimInput({ source: { id: 999_999 }, excerpt: "points at a source that does not exist" }),
      ]),
    ).rejects.toThrow(/No recorded source/);
    expect(await counts()).toEqual(before);
  });
});

describe("ingestFiles", () => {
  const write = (json: unknown) => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ingest-")), "f.json");
    fs.writeFileSync(file, JSON.stringify(json));
    return file;
  };
  const source = { ref: "s", title: "Seed", language: "ja", kind: "article" };

  it("reports every invalid record with its path and stores nothing", async () => {
    const before = await counts();
    const file = write({
      sources: [source],
      claims: [
        { source: "s", excerpt: "ok", person: { name: "Valid Person" }, company: { name: "OpenAI" }, kind: "departed" },
        { source: "s", excerpt: "", person: { name: "X" }, company: { name: "OpenAI" }, kind: "quit", date: "2024-02-30" },
        { source: "nope", excerpt: "x", person: { name: "Y" }, company: { name: "OpenAI" }, kind: "joined" },
      ],
    });
    const r = await ingestFiles(db, [file], systemActor("test"));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = Object.keys(r.errors[0].errors);
    expect(paths).toEqual(expect.arrayContaining(["claims.1.excerpt", "claims.1.kind", "claims.1.date", "claims.2.source"]));
    expect(await counts()).toEqual(before);
  });

  it("ingests a valid file and a second run adds nothing", async () => {
    const file = write({
      sources: [source],
      claims: [
        {
          source: "s",
          excerpt: "イリヤ・サツキーバが辞めた",
          person: { name: "Ilya Sutskever", aliases: ["イリヤ・サツキーバ"] },
          company: { name: "OpenAI" },
          kind: "departed",
          date: "2024-05",
        },
      ],
    });
    const first = await ingestFiles(db, [file], systemActor("test"));
    expect(first).toMatchObject({ ok: true, counts: { claims: 1, created: 1 } });
    const before = await counts();
    const second = await ingestFiles(db, [file], systemActor("test"));
    expect(second).toMatchObject({ ok: true, counts: { duplicate: 1, created: 0, merged: 0 } });
    expect(await counts()).toEqual(before);
  });
});
