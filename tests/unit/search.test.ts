import { describe, expect, it, beforeAll } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { foldKana, KANA_FOLDS } from "@/lib/domain/names";
import { dialectOf } from "@/lib/data/sql/dialect";
import { substringDistance } from "@/lib/search/distance";
import { judge, queryKeys } from "@/lib/search/match";
import { runner } from "@/lib/search/run";
import { searchNames, type NameMatch } from "@/lib/search/search";
import { ingestClaim } from "@/lib/ingest/ingest-claim";
import { claimInput } from "../factories/claims";
import { useTestDb } from "../helpers/test-db";

const { db, provider } = useTestDb();
const search = (q: string, options?: Parameters<typeof searchNames>[3]) => searchNames(runner(db), dialectOf(db), q, options);
const first = async (q: string, type: "person" | "company" | "all" = "person"): Promise<NameMatch | undefined> => (await search(q, { type }))[0];

describe("match judging (no database)", () => {
  it("names the reason for each kind of match", () => {
    const reason = (q: string, key: string) => judge(queryKeys(q), key)?.reason ?? null;
    expect(reason("Mira Murati", "miramurati")).toBe("exact");
    expect(reason("ＭＩＲＡ", "miramurati")).toBe("prefix"); // full width and case
    expect(reason("murati", "miramurati")).toBe("substring");
    expect(reason("Murati Mira", "miramurati")).toBe("token_order");
    expect(reason("サツケバー", "イリヤサツケヴァー")).toBe("kana_variant");
    expect(reason("Sutskevar", "ilyasutskever")).toBe("typo");
    expect(reason("Zzzzz", "ilyasutskever")).toBeNull();
    expect(reason("ai", "al")).toBeNull(); // two letters: no typo forgiven
  });

  it("measures a typo against the best place in the key", () => {
    expect(substringDistance("karpaty", "andrejkarpathy")).toBe(1);
    expect(substringDistance("sutskevar", "ilyasutskever")).toBe(1);
    expect(substringDistance("スツケバ", "サツケバ")).toBe(1);
  });
});

describe(`searchNames on ${provider}`, () => {
  beforeAll(async () => {
    const people: [string, string[]][] = [
      ["Ilya Sutskever", ["イリヤ・サツケヴァー"]],
      ["Andrej Karpathy", ["アンドレイ・カルパシー"]],
      ["Mira Murati", ["ミーラ・ムラティ"]],
      ["Miranda Vale", []],
      ["Ilya Kovac", []],
    ];
    for (const [name, aliases] of people) {
      await ingestClaim(db, claimInput({ person: { name, aliases }, excerpt: `${name} left`, company: { name: "OpenAI", aliases: ["オープンAI"] } }));
    }
    await ingestClaim(
      db,
      claimInput({ person: { name: "Jan Leike", aliases: [] }, excerpt: "Leike left", company: { name: "Anthropic", aliases: [] } }),
    );
  });

  it("forgives typos in the Latin key", async () => {
    expect(await first("Sutskevar")).toMatchObject({ name: "Ilya Sutskever", reason: "typo", distance: 1, matched: "Ilya Sutskever" });
    expect(await first("Karpaty")).toMatchObject({ name: "Andrej Karpathy", reason: "typo", distance: 1 });
    expect(await first("Antropic", "company")).toMatchObject({ name: "Anthropic", reason: "typo" });
  });

  it("finds names with the words in any order", async () => {
    expect(await first("Murati Mira")).toMatchObject({ name: "Mira Murati", reason: "token_order" });
    expect(await first("karpathy andrej")).toMatchObject({ name: "Andrej Karpathy", reason: "token_order" });
  });

  it("folds kana variants: ヴ/バ, long vowels, small kana, with or without ・", async () => {
    expect(await first("サツケバー")).toMatchObject({ name: "Ilya Sutskever", reason: "kana_variant", matched: "イリヤ・サツケヴァー" });
    expect(await first("サツケヴァー")).toMatchObject({ name: "Ilya Sutskever", reason: "substring" });
    expect(await first("イリヤサツケバ")).toMatchObject({ name: "Ilya Sutskever", reason: "kana_variant" });
    expect(await first("スツケヴァー")).toMatchObject({ name: "Ilya Sutskever", reason: "typo", distance: 1 });
    expect(await first("みーら・むらてぃ")).toMatchObject({ name: "Mira Murati", reason: "exact" }); // hiragana
  });

  it("ranks exact, then prefix, then inside, and says so; full width and case do not matter", async () => {
    const mira = await search("mira", { type: "person" });
    expect(mira.map((m) => [m.name, m.reason])).toEqual([
      ["Mira Murati", "prefix"],
      ["Miranda Vale", "prefix"],
    ]);
    expect(await first("ＭＩＲＡ　ＭＵＲＡＴＩ")).toMatchObject({ name: "Mira Murati", reason: "exact" });
    // one or two characters: names starting with them, never a name merely containing them
    expect((await search("Mi", { type: "person" })).map((m) => [m.name, m.reason])).toEqual([
      ["Mira Murati", "prefix"],
      ["Miranda Vale", "prefix"],
    ]);
    expect(await search("ra", { type: "person" })).toEqual([]);
  });

  it("searches people and companies together, each once with the spelling that matched", async () => {
    const all = await search("オープン", { type: "all" });
    expect(all).toEqual([expect.objectContaining({ type: "company", name: "OpenAI", slug: "openai", matched: "オープンAI", reason: "prefix" })]);
    expect((await search("ilya", { type: "all" })).map((m) => m.name)).toEqual(["Ilya Kovac", "Ilya Sutskever"]);
    expect(await search("qqqqqq", { type: "all" })).toEqual([]);
    expect(await search("  ", { type: "all" })).toEqual([]);
  });

  it("keeps the folded search index in step with the aliases (the triggers of migration 0008)", async () => {
    await ingestClaim(db, claimInput({ person: { name: "Wojciech Zaremba", aliases: ["ヴォイチェフ・ザレンバ"] }, excerpt: "Zaremba left" }));
    expect(await first("ボイチェフ")).toMatchObject({ name: "Wojciech Zaremba", reason: "kana_variant" });
    await db.personAlias.deleteMany({ where: { name: "ヴォイチェフ・ザレンバ" } });
    expect(await first("ボイチェフ")).toBeUndefined();
  });

  it("folds kana in SQL exactly as foldKana does", async () => {
    const sample = KANA_FOLDS.map(([from]) => `ア${from}カ`).join("");
    if (provider === "postgresql") {
      const [row] = await db.$queryRaw<{ f: string }[]>(Prisma.sql`SELECT search_fold(${sample}) AS f`);
      expect(row.f).toBe(foldKana(sample));
    } else {
      const [person] = await db.person.findMany({ take: 1 });
      const alias = await db.personAlias.create({ data: { personId: person.id, name: sample, key: sample } });
      const [row] = await db.$queryRaw<{ f: string }[]>(Prisma.sql`SELECT "fold" AS f FROM "PersonAliasSearch" WHERE rowid = ${alias.id}`);
      expect(row.f).toBe(foldKana(sample));
    }
  });
});
