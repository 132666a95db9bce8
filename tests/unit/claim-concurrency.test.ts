import { describe, expect, it } from "vitest";
import { ingestClaim } from "@/lib/ingest/ingest-claim";
import { claimInput } from "../factories/claims";
import { useTestDb } from "../helpers/test-db";

const { db } = useTestDb();

describe("ingestClaim under concurrency", () => {
  it("twenty concurrent identical submissions store one claim, one event, one person and one source", async () => {
    const input = claimInput({
      person: { name: "Quinta Lorrimer", aliases: [] },
      company: { name: "Halvorsen Robotics", aliases: [] },
      source: { title: "Lorrimer leaves", url: "https://news.example/lorrimer", language: "en", kind: "article" },
      excerpt: "Quinta Lorrimer has left Halvorsen Robotics.",
      date: "2023-05",
    });
    const results = await Promise.all(Array.from({ length: 20 }, () => ingestClaim(db, input)));
    expect(results.filter((r) => r.outcome === "created")).toHaveLength(1);
    expect(results.filter((r) => r.outcome === "duplicate")).toHaveLength(19);
    expect(new Set(results.map((r) => r.claimId)).size).toBe(1);
    const person = await db.person.findFirstOrThrow({ where: { name: "Quinta Lorrimer" }, include: { events: { include: { claims: true } } } });
    expect(person.events).toHaveLength(1);
    expect(person.events[0].claims).toHaveLength(1);
    expect(await db.source.count({ where: { url: "https://news.example/lorrimer" } })).toBe(1);
    expect(await db.person.count({ where: { name: "Quinta Lorrimer" } })).toBe(1);
    expect(await db.change.count({ where: { eventId: person.events[0].id } })).toBe(1);
  });

  it("twenty concurrent different claims about one event are all kept on that event", async () => {
    const person = { name: "Ossian Feldgrau", aliases: [] };
    const company = { name: "Marrow Labs", aliases: [] };
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        ingestClaim(
          db,
          claimInput({
            person,
            company,
            source: { title: `Report ${i}`, publisher: `Paper ${i}`, language: "en", kind: "article" },
            excerpt: `Feldgrau left Marrow Labs (report ${i})`,
            date: "2022-11",
          }),
        ),
      ),
    );
    expect(new Set(results.map((r) => r.claimId)).size).toBe(20);
    const events = await db.event.findMany({ where: { person: { name: "Ossian Feldgrau" } }, include: { claims: true } });
    expect(events).toHaveLength(1);
    expect(events[0].claims).toHaveLength(20);
    expect(events[0]).toMatchObject({ status: "corroborated", claimCount: 20, sourceCount: 20 });
    expect(await db.source.count({ where: { title: { startsWith: "Report " } } })).toBe(20);
  });
});
