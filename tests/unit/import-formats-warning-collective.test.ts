import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readWarningCollective } from "@/lib/import/formats/warning-collective";
import { claimInputSchema } from "@/lib/validation/claim";

const dir = path.resolve(import.meta.dirname, "../fixtures/import/warning-collective");
const fixture = (name: string) => fs.readFileSync(path.join(dir, name), "utf8");
const read = (name: string, text = fixture(name)) => readWarningCollective(text, { fileName: name });
const byName = (ds: ReturnType<typeof read>, name: string) => ds.records.find((r) => (r.claim.person as { name: string }).name === name)!;

describe("Warning Collective format reader", () => {
  it("makes each profile a citation claim by the tracker, its stated reason the excerpt", () => {
    const ds = read("v1.json");
    expect(ds.rejected).toEqual([]);
    expect(ds.meta.dataset).toBe("warning-collective");
    expect(ds.records.map((r) => (r.claim.person as { name: string }).name)).toEqual([
      "Jan Leike",
      "Ilya Sutskever",
      "Leopold Aschenbrenner",
      "William Saunders",
      "Daniel Kokotajlo",
      "Miles Brundage",
    ]);
    const leike = byName(ds, "Jan Leike");
    const profile = JSON.parse(fixture("v1.json"))[0];
    expect(leike.claim.excerpt).toBe(profile.statedReason);
    expect(leike.claim).toMatchObject({
      kind: "departed",
      role: "Head of Alignment",
      recordStatus: "verified",
      tags: ["safety-culture", "superalignment"],
    });
    expect(leike.claim.source).toEqual({
      title: "The Warning Collective: Jan Leike (OpenAI)",
      publisher: "The Warning Collective",
      language: "en",
      kind: "dataset",
      cites: profile.sources.map((s: { url: string; title: string }) => ({ url: s.url, title: s.title })),
    });
  });

  it("keeps dates at the precision given", () => {
    const ds = read("v1.json");
    expect(ds.records.map((r) => r.claim.date)).toEqual(["2024-05", "2024-05", "2024-04", "2024", "2024-04-17", "2024-10-23"]);
  });

  it("reads the newer fields: departure type as manner, motive evidence and quote as the reason", () => {
    const ds = read("v1.json");
    expect(byName(ds, "Leopold Aschenbrenner").claim).toMatchObject({
      manner: "fired",
      reasonEvidence: "alleged",
      reason: "I wrote a memo ... and shared it with the board",
    });
    const saunders = byName(ds, "William Saunders");
    expect(saunders.claim).toMatchObject({
      excerpt: "I didn't want to end up working for the Titanic of AI",
      manner: "resigned",
      reasonEvidence: "direct",
    });
    const kokotajlo = byName(ds, "Daniel Kokotajlo");
    expect(kokotajlo.claim.manner).toBeUndefined();
    expect(kokotajlo.claim.note).toContain('"pushed out"');
    expect(kokotajlo.claim.reasonEvidence).toBe("direct");
    expect(byName(ds, "Jan Leike").claim.manner).toBeUndefined();
  });

  it("gives claims that pass the claim schema", () => {
    for (const r of read("v1.json").records) expect(claimInputSchema.safeParse(r.claim).error?.issues ?? []).toEqual([]);
  });

  it("keys records by name and company: stable across parses and versions, unchanged by a changed role or date", () => {
    const v1 = read("v1.json");
    const v2 = read("v2.json");
    expect(read("v1.json").records.map((r) => r.externalId)).toEqual(v1.records.map((r) => r.externalId));
    expect(byName(v2, "Jan Leike").externalId).toBe(byName(v1, "Jan Leike").externalId);
    expect(byName(v2, "Jan Leike").claim.role).toBe("Co-lead, Superalignment");
    expect(byName(v2, "William Saunders").claim.date).toBe("2024-02");
    expect(byName(v2, "William Saunders").externalId).toBe(byName(v1, "William Saunders").externalId);
    expect(v2.records.map((r) => r.externalId)).not.toContain(byName(v1, "Miles Brundage").externalId);
    // the same person spelt differently is the same record
    const respelt = fixture("v1.json").replace('"name": "Jan Leike"', '"name": "JAN  LEIKE"');
    expect(read("x", respelt).records[0].externalId).toBe(v1.records[0].externalId);
    expect(new Set(v1.records.map((r) => r.externalId)).size).toBe(6);
  });

  it("rejects profiles it cannot quote or date, naming the index and field", () => {
    const ds = read("rejects.json");
    expect(ds.records.map((r) => r.ref.index)).toEqual([0]);
    expect(ds.rejected.map((r) => [r.ref.index, r.field])).toEqual([
      [1, "statedReason"],
      [2, "departureDate"],
      [3, "sources.0.url"],
      [4, "name"],
    ]);
    expect(ds.rejected[1].message).toContain('"Spring 2024" is not a date');
  });

  it("refuses a file that is not an export at all", () => {
    expect(() => readWarningCollective('{"a":1}', {})).toThrow(/JSON array of profiles/);
  });
});
