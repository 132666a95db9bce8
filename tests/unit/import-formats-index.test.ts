import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { IMPORT_FORMATS } from "@/lib/domain/vocabulary";
import { guessFormat, readers } from "@/lib/import/formats";
import { claimInputSchema } from "@/lib/validation/claim";

const dir = path.resolve(import.meta.dirname, "../fixtures/import");
const files = { departures: "v1.json", csv: "v1.csv", "warning-collective": "v1.json", wikidata: "v1.json", popolo: "v1.json" } as const;
const mappingFor = (format: string) => (format === "csv" ? JSON.parse(fs.readFileSync(path.join(dir, "csv/mapping.json"), "utf8")) : undefined);

describe("import format readers", () => {
  it("has a reader for every format name", () => {
    expect(Object.keys(readers).sort()).toEqual([...IMPORT_FORMATS].sort());
  });

  for (const format of IMPORT_FORMATS) {
    for (const version of ["v1", "v2"]) {
      it(`${format} ${version}: every record is a valid claim with a unique id, and seed people are named as the seed names them`, () => {
        const name = files[format].replace("v1", version);
        const text = fs.readFileSync(path.join(dir, format, name), "utf8");
        const ds = readers[format](text, { mapping: mappingFor(format), fileName: name });
        expect(ds.format).toBe(format);
        expect(ds.rejected).toEqual([]);
        expect(ds.records.length).toBeGreaterThanOrEqual(3);
        for (const r of ds.records) expect(claimInputSchema.safeParse(r.claim).error?.issues ?? []).toEqual([]);
        expect(new Set(ds.records.map((r) => r.externalId)).size).toBe(ds.records.length);
        const seedPeople = [
          "Ilya Sutskever",
          "Jan Leike",
          "Mira Murati",
          "John Schulman",
          "Andrej Karpathy",
          "Leopold Aschenbrenner",
          "William Saunders",
        ];
        const named = ds.records.map((r) => (r.claim.person as { name: string }).name).filter((n) => seedPeople.includes(n));
        expect(new Set(named).size).toBeGreaterThanOrEqual(2);
        expect(guessFormat(name, text)).toBe(format);
      });
    }
  }

  it("each v2 fixture changes one record's date or role and drops one, keeping the other ids", () => {
    for (const format of IMPORT_FORMATS) {
      const parse = (v: string) => {
        const name = files[format].replace("v1", v);
        return readers[format](fs.readFileSync(path.join(dir, format, name), "utf8"), { mapping: mappingFor(format), fileName: name });
      };
      const v1 = parse("v1");
      const v2 = parse("v2");
      const ids2 = new Map(v2.records.map((r) => [r.externalId, r.claim]));
      const removed = v1.records.filter((r) => !ids2.has(r.externalId));
      const changed = v1.records.filter(
        (r) => ids2.has(r.externalId) && (ids2.get(r.externalId)!.date !== r.claim.date || ids2.get(r.externalId)!.role !== r.claim.role),
      );
      expect(removed.length, format).toBeGreaterThan(0);
      expect(changed.length, format).toBeGreaterThan(0);
      expect(
        v2.records.every((r) => v1.records.some((o) => o.externalId === r.externalId)),
        format,
      ).toBe(true);
    }
  });
});

describe("records are independent", () => {
  it("changing one record's claim changes no other record, nor the people the file describes", () => {
    for (const format of IMPORT_FORMATS) {
      const name = files[format];
      const ds = readers[format](fs.readFileSync(path.join(dir, format, name), "utf8"), { mapping: mappingFor(format), fileName: name });
      const before = JSON.stringify([ds.records.slice(1), ds.people]);
      const first = ds.records[0].claim as { person: { name: string }; source: { title: string } };
      first.person.name = "Changed";
      first.source.title = "Changed";
      expect(JSON.stringify([ds.records.slice(1), ds.people]), format).toBe(before);
    }
  });
});
