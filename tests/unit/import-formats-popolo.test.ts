import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readPopolo } from "@/lib/import/formats/popolo";
import { claimInputSchema } from "@/lib/validation/claim";

const dir = path.resolve(import.meta.dirname, "../fixtures/import/popolo");
const fixture = (name: string) => fs.readFileSync(path.join(dir, name), "utf8");
const read = (name: string) => readPopolo(fixture(name), { fileName: name });
const record = (ds: ReturnType<typeof read>, id: string) => ds.records.find((r) => r.externalId === id)!;

describe("Popolo format reader", () => {
  it("turns memberships into joined and departed claims at the precision given", () => {
    const ds = read("v1.json");
    expect(ds.rejected).toEqual([]);
    expect(ds.meta).toEqual({ dataset: "ai-lab-memberships", version: "1", licence: "CC0-1.0" });
    expect(ds.records.map((r) => [r.externalId, r.claim.kind, r.claim.date])).toEqual([
      ["membership/schulman-openai:start", "joined", "2015-12"],
      ["membership/schulman-openai:end", "departed", "2024-08-05"],
      ["membership/schulman-anthropic:start", "joined", "2024-08"],
      ["membership/karpathy-tesla:start", "joined", "2017-06"],
      ["membership/karpathy-tesla:end", "departed", "2022-07-13"],
      ["membership/karpathy-openai:start", "joined", "2023-02"],
      ["membership/karpathy-openai:end", "departed", "2024-02-13"],
      ["membership/murati-openai:start", "joined", "2018"],
      ["membership/murati-openai:end", "departed", "2024-09"],
      ["membership/leike-deepmind:start", "joined", "2016"],
      ["membership/leike-deepmind:end", "departed", "2021-01"],
    ]);
    expect(ds.records.every((r) => r.ref.index >= 0)).toBe(true);
    expect(record(ds, "membership/karpathy-tesla:end").ref).toEqual({ index: 2 });
  });

  it("quotes the source's note, else renders the membership; the dataset is the source citing the URLs", () => {
    const ds = read("v1.json");
    const schulman = record(ds, "membership/schulman-openai:end").claim;
    expect(schulman.excerpt).toBe("I've made the difficult decision to leave OpenAI.");
    expect(schulman.source).toEqual({
      title: "AI lab memberships (Popolo sample): John Schulman (OpenAI)",
      language: "en",
      kind: "dataset",
      cites: [{ url: "https://x.com/johnschulman2/status/1820610863499509855" }],
    });
    expect(record(ds, "membership/karpathy-tesla:end").claim.excerpt).toBe(
      "membership: Andrej Karpathy in Tesla; role: Senior Director of AI; start date: 2017-06; end date: 2022-07-13",
    );
    expect(record(ds, "membership/karpathy-tesla:end").claim.role).toBe("Senior Director of AI");
  });

  it("keeps other names as aliases, identifiers, and parent organizations", () => {
    const ds = read("v1.json");
    expect(record(ds, "membership/schulman-openai:end").claim.person).toEqual({
      name: "John Schulman",
      aliases: ["ジョン・シュルマン"],
      externalIds: [{ scheme: "x", value: "johnschulman2" }],
    });
    expect(ds.people.find((p) => p.name === "Mira Murati")!.externalIds).toEqual([{ scheme: "x-handle", value: "miramurati" }]);
    expect(ds.companies.find((c) => c.name === "Google DeepMind")).toEqual({ name: "Google DeepMind", aliases: ["DeepMind"], partOf: "Google" });
    expect(record(ds, "membership/karpathy-tesla:start").claim.company).toEqual({ name: "Tesla", aliases: ["Tesla, Inc.", "Tesla Motors"] });
  });

  it("gives claims that pass the claim schema", () => {
    for (const r of read("v1.json").records) expect(claimInputSchema.safeParse(r.claim).error?.issues ?? []).toEqual([]);
  });

  it("keeps membership ids across versions: a changed role or date keeps its id, a removed membership is gone", () => {
    const v1 = read("v1.json");
    const v2 = read("v2.json");
    expect(record(v2, "membership/schulman-openai:end").claim.role).toBe("Co-founder, post-training lead");
    expect(record(v2, "membership/murati-openai:end").claim.date).toBe("2024-09-25");
    const gone = v1.records.map((r) => r.externalId).filter((id) => !v2.records.some((r) => r.externalId === id));
    expect(gone).toEqual(["membership/leike-deepmind:start", "membership/leike-deepmind:end"]);
  });

  it("rejects memberships it cannot read, naming the index and field; an id-less one gets a stable key", () => {
    const ds = read("rejects.json");
    expect(ds.rejected.map((r) => [r.ref.index, r.field])).toEqual([
      [1, "person_id"],
      [2, "start_date"],
      [3, "start_date"],
      [4, "sources.0.url"],
      [5, "organization_id"],
    ]);
    expect(ds.records.map((r) => r.externalId)).toEqual([expect.stringMatching(/^[0-9a-f]{20}:start$/), expect.stringMatching(/^[0-9a-f]{20}:end$/)]);
    expect(read("rejects.json").records[0].externalId).toBe(ds.records[0].externalId);
    expect(ds.records[0].claim.source).toMatchObject({ title: "rejects: Ilya Sutskever (OpenAI)" });
  });
});
