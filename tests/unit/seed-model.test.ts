/**
 * The seed dataset loaded the way `npm run setup` loads it (ingestFiles over prisma/seed/data/*.json into
 * a fresh database), checked against issue 9's "Must show": one departure per exit, quit-versus-fired as
 * one disputed event, the "this year" list dated by its context, every excerpt inside its source's stored
 * text, and a board seat kept apart from the company exit.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "@/lib/ingest/actor";
import { ingestFiles } from "@/lib/ingest/ingest-file";
import { fromColumns, overlaps } from "@/lib/domain/partial-date";
import { useTestDb } from "../helpers/test-db";

const { db } = useTestDb();
const DATA = path.resolve(import.meta.dirname, "../../prisma/seed/data");
const files = fs
  .readdirSync(DATA)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => path.join(DATA, f));

/** The sentence of source 002 that says its list is of this year's moves. */
const THIS_YEAR = "今年だけでも14人の重要な人物が他のチームやスタートアップに移った";

const departures = (where: object = {}) =>
  db.event.findMany({
    where: { kind: "departed", status: { not: "retracted" }, ...where },
    include: { person: true, company: true, claims: { where: { state: "active" }, include: { source: true } } },
    orderBy: { id: "asc" },
  });

const personEvents = (name: string, company = "OpenAI") => departures({ person: { name }, company: { name: company } });

let counts: { claims: number; created: number; merged: number; duplicate: number };

beforeAll(async () => {
  const outcome = await ingestFiles(db, files, systemActor("seed"));
  if (!outcome.ok) throw new Error(`the seed did not load: ${JSON.stringify(outcome.errors, null, 2)}`);
  counts = outcome.counts;
}, 300_000);

describe("the seed dataset, loaded", () => {
  it("loads every claim, and loading it again adds nothing", async () => {
    expect(counts.claims).toBeGreaterThan(80);
    expect(counts.duplicate).toBe(0);
    const before = { events: await db.event.count(), claims: await db.claim.count() };
    const again = await ingestFiles(db, files, systemActor("seed"));
    expect(again.ok && again.counts).toMatchObject({ created: 0, merged: 0, duplicate: counts.claims });
    expect({ events: await db.event.count(), claims: await db.claim.count() }).toEqual(before);
  });

  it("no person has two departures at one company and scope whose dates overlap or are unknown", async () => {
    const groups = new Map<string, Awaited<ReturnType<typeof departures>>>();
    for (const e of await departures()) {
      const key = `${e.person.name} @ ${e.company.name} (${e.scope})`;
      groups.set(key, [...(groups.get(key) ?? []), e]);
    }
    const clashes: string[] = [];
    for (const [key, events] of groups) {
      if (events.length < 2) continue;
      for (const [i, a] of events.entries())
        for (const b of events.slice(i + 1)) {
          const [da, db_] = [fromColumns(a.dateText), fromColumns(b.dateText)];
          if (!da || !db_ || overlaps(da, db_)) clashes.push(`${key}: ${a.dateText ?? "unknown"} and ${b.dateText ?? "unknown"}`);
        }
    }
    expect(clashes).toEqual([]);
    // the one person with two exits from OpenAI: Karpathy left in 2017-2018 and again in 2024
    expect((await personEvents("Andrej Karpathy")).map((e) => e.dateText).sort()).toEqual(["2017/2018", "2024"]);
    expect(await personEvents("Andrej Karpathy")).toHaveLength(2);
  });

  it("Aschenbrenner's OpenAI departure is one disputed event: quit in one source, fired in another", async () => {
    const events = await personEvents("Leopold Aschenbrenner");
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event.status).toBe("disputed");
    const byManner = new Map(event.claims.filter((c) => c.manner).map((c) => [c.manner, c.sourceId]));
    expect([...byManner.keys()].sort()).toEqual(["fired", "resigned"]);
    expect(byManner.get("fired")).not.toBe(byManner.get("resigned"));
  });

  it("Musk's exit is one disputed board departure: he announced it (001) against voted out by the board (003)", async () => {
    const events = await personEvents("Elon Musk");
    expect(events.map((e) => [e.scope, e.status])).toEqual([["board", "disputed"]]);
    expect(new Set(events[0].claims.map((c) => c.manner).filter(Boolean))).toEqual(new Set(["resigned", "removed_by_board"]));
  });

  it("the members of the 'this year' list carry 2024, read relative to publication, with the list's sentence as context", async () => {
    const listed = await db.claim.findMany({ where: { context: { contains: THIS_YEAR } }, include: { event: { include: { person: true } } } });
    const names = new Set(listed.map((c) => c.event.person.name));
    for (const name of [
      "Ilya Sutskever",
      "Jan Leike",
      "John Schulman",
      "Greg Brockman",
      "Peter Deng",
      "William Saunders",
      "Leopold Aschenbrenner",
      "Evan Morikawa",
      "Logan Kilpatrick",
      "Diane Yoon",
      "Andrej Karpathy",
      "Chris Clark",
      "ダニエル・ザーモ",
    ])
      expect(names, name).toContain(name);
    for (const c of listed) {
      const who = c.event.person.name;
      expect({ who, date: c.dateText, basis: c.dateBasis, phrase: c.datePhrase }).toEqual({
        who,
        date: "2024",
        basis: "relative_to_published",
        phrase: "今年",
      });
      // and the event each is attached to is dated consistently with it
      expect(overlaps(fromColumns(c.event.dateText)!, fromColumns("2024")!), who).toBe(true);
    }
  });

  it("every excerpt and context is a substring of its source's stored text, and every source stores its text", async () => {
    const sources = await db.source.findMany({ include: { claims: true } });
    expect(sources).toHaveLength(5);
    const outside: string[] = [];
    for (const s of sources) {
      expect(s.text, s.title).toBeTruthy();
      expect(s.textSha256, s.title).toMatch(/^[0-9a-f]{64}$/);
      expect(s.titleEnglish, s.title).toBeTruthy();
      for (const c of s.claims) {
        if (!s.text!.includes(c.excerpt)) outside.push(`excerpt of claim ${c.id}: ${c.excerpt}`);
        if (c.context !== null && !s.text!.includes(c.context)) outside.push(`context of claim ${c.id}: ${c.context}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it("publisher and publication date as the articles give them: stated, only bounded, or absent", async () => {
    const byTitle = async (start: string) => db.source.findFirstOrThrow({ where: { title: { startsWith: start } } });
    expect(await byTitle("「暴君」")).toMatchObject({ publisher: "Tencent Technology", publishedText: "2024-08-06" });
    expect(await byTitle("退任したcto")).toMatchObject({ publisher: "Tencent Technology", publishedText: "2024-10-04" });
    // 003 states neither; the two note.com transcripts name no publisher, and their own words only bound their date
    expect(await byTitle("OpenAIがトップ人材")).toMatchObject({ publisher: null, publishedText: null });
    expect(await byTitle("OpenAIの裏に")).toMatchObject({ publisher: null, publishedText: "2024-09/2024-10" });
    expect(await byTitle("ゲームオーバー")).toMatchObject({ publisher: null, publishedText: "2024-08/2024-12" });
  });

  it("relative phrases resolve against the publication date, with the sentence that dates them as context", async () => {
    const claim = async (person: string, excerptStart: string, kind: "departed" | "joined" = "departed") =>
      db.claim.findFirstOrThrow({ where: { kind, event: { person: { name: person } }, excerpt: { startsWith: excerptStart } } });
    const read = (c: { dateText: string | null; dateBasis: string | null; datePhrase: string | null }) => [c.dateText, c.dateBasis, c.datePhrase];
    expect(read(await claim("John Schulman", "残りのメンバーは"))).toEqual(["2024-08-06", "relative_to_published", "ちょうど今日"]);
    expect(read(await claim("Sam Altman", "11月に"))).toEqual(["2023-11", "relative_to_published", "11月"]);
    expect(read(await claim("Sam Altman", "さらに劇的なのは"))).toEqual(["2023-Q4", "relative_to_published", "昨年末"]);
    // "the same day" as Murati's resignation "last Wednesday": the week before the Friday 2024-10-04
    const mcgrew = await claim("Bob McGrew", "同じ日");
    expect(read(mcgrew)).toEqual(["2024-09-23/2024-09-29", "relative_to_published", "先週"]);
    expect(mcgrew.context).toContain("先週水曜日");
    // undated news is "on or before" publication, never a guessed start
    expect(read(await claim("Peter Deng", "さらに、昨年 OpenAI"))).toEqual(["../2024-08-06", "bounded_by_published", null]);
    expect(read(await claim("Peter Deng", "さらに、昨年 OpenAI", "joined"))).toEqual(["2023", "relative_to_published", "昨年"]);
  });

  it("Sutskever's exit from the board (end of 2023) is a separate event from his exit from the company (2024)", async () => {
    const events = await personEvents("Ilya Sutskever");
    expect(events.map((e) => [e.scope, e.dateText]).sort()).toEqual([
      ["board", "2023-Q4"],
      ["company", "2024"],
    ]);
    for (const e of events) {
      expect(new Set(e.claims.map((c) => c.scope)), e.scope).toEqual(new Set([e.scope]));
      expect(new Set(e.claims.map((c) => c.roleCategory === "board")), e.scope).toEqual(new Set([e.scope === "board"]));
    }
    // the company exit is disputed for the right reason: how he left (quit/chose to leave against forced out)
    const company = events.find((e) => e.scope === "company")!;
    expect(company.status).toBe("disputed");
    expect(new Set(company.claims.map((c) => c.manner).filter(Boolean))).toEqual(new Set(["resigned", "fired"]));
  });

  it("a founder's exit is dated by the founding of the company they started, as a bound", async () => {
    const [daniela] = await personEvents("Daniela Amodei");
    expect(daniela.dateText).toBe("../2021");
    expect(daniela.claims[0]).toMatchObject({ dateBasis: "stated", dateText: "../2021" });
    expect(daniela.claims[0].context).toContain("2021年、Dario AmodeiがAnthropicを設立");
    expect((await db.company.findFirstOrThrow({ where: { name: "Anthropic" } })).foundedAt).toBe("2021");
    expect((await db.company.findFirstOrThrow({ where: { name: "OpenAI" } })).foundedAt).toBe("2015-12-11");
  });
});
