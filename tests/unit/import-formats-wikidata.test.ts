import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readWikidata } from "@/lib/import/formats/wikidata";
import { claimInputSchema } from "@/lib/validation/claim";

const dir = path.resolve(import.meta.dirname, "../fixtures/import/wikidata");
const fixture = (name: string) => fs.readFileSync(path.join(dir, name), "utf8");
const read = (name: string, mapping?: unknown) => readWikidata(fixture(name), { fileName: name, mapping });
const record = (ds: ReturnType<typeof read>, id: string) => ds.records.find((r) => r.externalId === id)!;
const ILYA_OPENAI = "Q28485575$1D7E3C2A-6B0F-4E55-9A43-0C1B2F3A4D01";
const LEIKE_OPENAI = "Q59202185$5D1C7A6E-0F4D-4C99-9E87-4A5F6B7E8B05";

describe("Wikidata format reader", () => {
  it("turns each employer and position statement into a joined and a departed claim, ids from the statement", () => {
    const ds = read("v1.json");
    expect(ds.rejected).toEqual([]);
    expect(ds.meta.dataset).toBe("wikidata");
    expect(
      ds.records.map((r) => [r.externalId.replace(/\$.*:/, ":"), r.claim.kind, (r.claim.company as { name: string }).name, r.claim.date ?? null]),
    ).toEqual([
      ["Q28485575:start", "joined", "OpenAI", "2015-12"],
      ["Q28485575:end", "departed", "OpenAI", "2024-05-14"],
      ["Q28485575:start", "joined", "Google", "2013"],
      ["Q28485575:end", "departed", "Google", "2015-12"],
      ["Q28485575:start", "joined", "OpenAI", "2015-12"],
      ["Q28485575:end", "departed", "OpenAI", "2024-05-14"],
      ["Q59202185:start", "joined", "Google DeepMind", "2016"],
      ["Q59202185:end", "departed", "Google DeepMind", "2021-01"],
      ["Q59202185:start", "joined", "OpenAI", "2021-01"],
      ["Q59202185:end", "departed", "OpenAI", "2024-05"],
      ["Q59202185:start", "joined", "Anthropic", "2024-05"],
    ]);
    expect(record(ds, `${ILYA_OPENAI}:end`).claim.manner).toBe("resigned");
    expect(record(ds, `${ILYA_OPENAI}:start`).claim.manner).toBeUndefined();
    expect(ds.records[4].claim.role).toBe("chief scientist");
  });

  it("renders the statement as the excerpt, the entity as the source citing the references", () => {
    const ds = read("v1.json");
    const end = record(ds, `${ILYA_OPENAI}:end`).claim;
    expect(end.excerpt).toBe("employer: OpenAI (Q21708200); start time: 2015-12; end time: 2024-05-14; end cause: resignation");
    expect(end.source).toEqual({
      title: "Wikidata: Ilya Sutskever",
      url: "https://www.wikidata.org/wiki/Q28485575",
      publisher: "Wikidata",
      language: "en",
      kind: "dataset",
      cites: [{ url: "https://x.com/ilyasut/status/1790517455628198322", title: "After almost a decade, I have made the decision to leave OpenAI." }],
    });
    // "stated in" is cited by its item
    expect((ds.records[2].claim.source as { cites: unknown[] }).cites).toEqual([
      { url: "https://www.wikidata.org/wiki/Q15733006", title: "Google DeepMind" },
    ]);
    expect((record(ds, `${LEIKE_OPENAI}:end`).claim.source as { cites: { url: string }[] }).cites.map((c) => c.url)).toEqual([
      "https://x.com/janleike/status/1791498174659715494",
      "https://www.theverge.com/2024/5/17/24159095/openai-jan-leike-superalignment-sam-altman-ai-safety",
    ]);
  });

  it("keeps labels and aliases in every language as aliases and the QIDs as identifiers", () => {
    const ds = read("v1.json");
    const person = record(ds, `${ILYA_OPENAI}:end`).claim.person as { name: string; aliases: string[]; externalIds: unknown[] };
    expect(person.name).toBe("Ilya Sutskever");
    expect(person.aliases).toEqual(["Илья Суцкевер", "איליה סוצקבר", "イリヤ・サツケバー", "Ilya Efimovich Sutskever", "Илья Ефимович Суцкевер"]);
    expect(person.externalIds).toEqual([{ scheme: "wikidata", value: "Q28485575" }]);
    expect(record(ds, `${ILYA_OPENAI}:end`).claim.company).toEqual({
      name: "OpenAI",
      aliases: ["オープンAI", "OpenAI Inc.", "OpenAI LP"],
      externalIds: [{ scheme: "wikidata", value: "Q21708200" }],
    });
    expect(ds.people.map((p) => p.name)).toEqual(["Ilya Sutskever", "Jan Leike"]);
    expect(ds.companies.find((c) => c.name === "Google DeepMind")).toEqual({
      name: "Google DeepMind",
      aliases: ["DeepMind", "DeepMind Technologies"],
      externalIds: [{ scheme: "wikidata", value: "Q15733006" }],
      partOf: "Google",
    });
  });

  it("gives claims that pass the claim schema", () => {
    for (const r of read("v1.json").records) expect(claimInputSchema.safeParse(r.claim).error?.issues ?? []).toEqual([]);
  });

  it("keeps ids across versions: a changed end time keeps its id, a removed statement is gone", () => {
    const v1 = read("v1.json");
    const v2 = read("v2.json");
    expect(read("v1.json").records.map((r) => r.externalId)).toEqual(v1.records.map((r) => r.externalId));
    expect(record(v2, `${LEIKE_OPENAI}:end`).claim.date).toBe("2024-05-16");
    expect(record(v2, `${LEIKE_OPENAI}:end`).claim.excerpt).not.toBe(record(v1, `${LEIKE_OPENAI}:end`).claim.excerpt);
    const gone = v1.records.map((r) => r.externalId).filter((id) => !v2.records.some((r) => r.externalId === id));
    expect(gone).toEqual(["Q28485575$2A8F4D3B-7C1A-4F66-8B54-1D2C3E4B5E02:start", "Q28485575$2A8F4D3B-7C1A-4F66-8B54-1D2C3E4B5E02:end"]);
  });

  it("rejects statements it cannot read, naming the statement and qualifier", () => {
    const ds = read("rejects.json");
    expect(ds.rejected.map((r) => [r.ref.index, r.field])).toEqual([
      [1, "entities.Q7.claims.P108.1.mainsnak"],
      [2, "entities.Q7.claims.P108.2.qualifiers.P580"],
      [3, "entities.Q7.claims.P108.3.qualifiers"],
      [7, "entities.Q7.claims.P39.0.qualifiers"],
    ]);
    expect(ds.rejected[0].message).toContain("no label for Q424242");
    // an end cause that is not a manner gives no manner and a note; an end known to exist but not when gives an undated departure
    const murati = ds.records.find((r) => r.externalId === "Q7$A:end")!;
    expect(murati.claim.manner).toBeUndefined();
    expect(murati.claim.note).toContain("career break (Q999)");
    const tesla = ds.records.find((r) => r.externalId === "Q7$E:end")!;
    expect(tesla.claim).toMatchObject({ kind: "departed", company: { name: "Tesla" } });
    expect(tesla.claim.date).toBeUndefined();
    for (const r of ds.records) expect(claimInputSchema.safeParse(r.claim).success).toBe(true);
    // an end time of "no value" is a tenure still running: a joined claim only; a deprecated statement is skipped
    expect(ds.records.filter((r) => r.externalId.startsWith("Q7$G")).map((r) => r.externalId)).toEqual(["Q7$G:start"]);
    expect(ds.records.some((r) => r.externalId.startsWith("Q7$H"))).toBe(false);
  });

  it("resolves a missing label from a companion labels map", () => {
    const ds = read("rejects.json", { labels: { Q424242: "Thinking Machines Lab" } });
    expect(ds.records.find((r) => r.externalId === "Q7$B:start")!.claim.company).toMatchObject({ name: "Thinking Machines Lab" });
  });
});
