import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readDepartures } from "@/lib/import/formats/departures";
import { claimInputSchema } from "@/lib/validation/claim";
import { parseIngestFile } from "@/lib/validation/ingest-file";

const dir = path.resolve(import.meta.dirname, "../fixtures/import/departures");
const fixture = (name: string) => fs.readFileSync(path.join(dir, name), "utf8");
const read = (name: string) => readDepartures(fixture(name), { fileName: name });

describe("departures format reader", () => {
  it("reads each claim as one record with its source described in full", () => {
    const ds = read("v1.json");
    expect(ds.format).toBe("departures");
    expect(ds.rejected).toEqual([]);
    expect(ds.records.map((r) => (r.claim.person as { name: string }).name)).toEqual([
      "Jan Leike",
      "Ilya Sutskever",
      "John Schulman",
      "Andrej Karpathy",
    ]);
    expect(ds.records.map((r) => r.ref.index)).toEqual([0, 1, 2, 3]);
    const leike = ds.records[0].claim;
    expect(leike.source).toMatchObject({ url: "https://x.com/janleike/status/1791498174659715494", kind: "post" });
    expect(leike.source).not.toHaveProperty("ref");
    expect(leike).not.toHaveProperty("id");
    expect(leike.tags).toEqual(["safety-concerns", "superalignment"]);
    expect(leike.date).toBe("2024-05");
    // a cited ref becomes the cited source's own description
    expect((ds.records[2].claim.source as { cites: unknown[] }).cites).toEqual([
      expect.objectContaining({ url: "https://x.com/ilyasut/status/1790517455628198322" }),
    ]);
  });

  it("gives claims that pass the claim schema", () => {
    for (const r of read("v1.json").records) expect(claimInputSchema.safeParse(r.claim).error?.issues ?? []).toEqual([]);
  });

  it("keeps the dataset's own ids and builds stable ones for claims without, unchanged by a changed role", () => {
    const v1 = read("v1.json");
    const v2 = read("v2.json");
    expect(v1.records[0].externalId).toBe("leike-openai-2024");
    expect(read("v1.json").records.map((r) => r.externalId)).toEqual(v1.records.map((r) => r.externalId));
    const schulman1 = v1.records.find((r) => (r.claim.person as { name: string }).name === "John Schulman")!;
    const schulman2 = v2.records.find((r) => (r.claim.person as { name: string }).name === "John Schulman")!;
    expect(schulman2.claim.role).not.toBe(schulman1.claim.role);
    expect(schulman2.externalId).toBe(schulman1.externalId);
    expect(schulman1.externalId).toMatch(/^[0-9a-f]{20}$/);
    expect(v2.records.map((r) => r.externalId)).not.toContain("karpathy-openai-2024");
    expect(v2.records.find((r) => r.externalId === "leike-openai-2024")!.claim.date).toBe("2024-05-16");
  });

  it("reads the dataset meta, people and companies described beside the claims", () => {
    const ds = read("v1.json");
    expect(ds.meta).toEqual({ dataset: "ai-lab-departures-sample", version: "2024-09", licence: "CC-BY-4.0" });
    expect(ds.people[0]).toEqual({ name: "Jan Leike", aliases: ["ヤン・ライケ"], externalIds: [{ scheme: "url", value: "https://jan.leike.name" }] });
    expect(ds.companies).toEqual([
      { name: "Google DeepMind", aliases: ["DeepMind"], partOf: "Google" },
      { name: "Facebook", renamedTo: { name: "Meta", date: "2021-10-28" } },
    ]);
  });

  it("rejects only the bad records, naming their index and field", () => {
    const ds = read("rejects.json");
    expect(ds.records).toHaveLength(1);
    expect(ds.records[0].claim.source).not.toHaveProperty("textFile");
    expect(ds.rejected).toEqual([
      { ref: { index: 1 }, field: "source", message: 'no source with ref "nowhere"' },
      { ref: { index: 2 }, field: "source", message: expect.stringContaining('two sources have the ref "dup"') },
      { ref: { index: 3 }, field: "claim", message: expect.any(String) },
    ]);
  });

  it("refuses a file that is not a departures file at all", () => {
    expect(() => readDepartures("{", {})).toThrow(/not a JSON file/);
    expect(() => readDepartures("[]", {})).toThrow(/"sources" and "claims"/);
  });

  it("stays a valid file for npm run ingest (the extra fields are ignored there)", () => {
    const parsed = parseIngestFile(JSON.parse(fixture("v1.json")));
    expect(parsed.ok).toBe(true);
  });
});
