import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { IMPORT_FORMATS } from "@/lib/domain/vocabulary";
import { readers } from "@/lib/import/formats";

const dir = path.resolve(import.meta.dirname, "../fixtures/import");
const JSON_FORMATS = IMPORT_FORMATS.filter((f) => f !== "csv");
const ODD = [null, 0, -1, 1.5, "", "x", true, [], {}, [null], { id: {} }, "2024-13-45", "javascript:alert(1)", "\u0000"];

/** Every node of a JSON value, by path, so each can be replaced by something odd. */
function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(v)) return [at, ...v.flatMap((x, i) => paths(x, [...at, i]))];
  if (v && typeof v === "object") return [at, ...Object.entries(v).flatMap(([k, x]) => paths(x, [...at, k]))];
  return [at];
}
function replaced(root: unknown, at: (string | number)[], value: unknown): unknown {
  if (at.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const k of at.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  node[at[at.length - 1]] = value;
  return copy;
}

describe("format readers on hostile input", () => {
  for (const format of JSON_FORMATS) {
    it(`${format}: any node replaced by an odd value gives records and rejections, or one clear error, never a crash`, () => {
      const original = JSON.parse(fs.readFileSync(path.join(dir, format, "v1.json"), "utf8"));
      let tried = 0;
      for (const [at, value] of paths(original).flatMap((at, n) => [null, {}, ODD[n % ODD.length]].map((v) => [at, v] as const))) {
        const text = JSON.stringify(replaced(original, at, value));
        try {
          const ds = readers[format](text, { fileName: "v1.json" });
          expect(Array.isArray(ds.records) && Array.isArray(ds.rejected)).toBe(true);
          for (const r of ds.records) expect(typeof r.externalId).toBe("string");
        } catch (error) {
          // only a file that is not this format at all may throw, with a message saying so
          expect(error, `${format} at ${at.join(".")} = ${JSON.stringify(value)}`).not.toBeInstanceOf(TypeError);
          expect(at.length, `${format} threw at ${at.join(".")}: ${(error as Error).message}`).toBeLessThanOrEqual(1);
        }
        tried++;
      }
      expect(tried).toBeGreaterThan(50);
    });
  }

  it("csv: arbitrary bytes and mappings with odd values never crash", () => {
    const mapping = JSON.parse(fs.readFileSync(path.join(dir, "csv/mapping.json"), "utf8"));
    const text = fs.readFileSync(path.join(dir, "csv/v1.csv"), "utf8");
    for (const cut of [0, 1, 17, 200, 333, 500, text.length - 3]) {
      for (const junk of ['"', "\r", "\n", ",", '""', "\u0000", "\uFEFF"]) {
        const mangled = text.slice(0, cut) + junk + text.slice(cut);
        try {
          const ds = readers.csv(mangled, { mapping, fileName: "v1.csv" });
          for (const r of [...ds.records, ...ds.rejected]) expect(r.ref.line).toBeGreaterThan(0);
        } catch (error) {
          expect(error).not.toBeInstanceOf(TypeError);
        }
      }
    }
    for (const [path, value] of paths(mapping).flatMap((at, n) => [null, ODD[n % ODD.length]].map((v) => [at, v] as const))) {
      try {
        readers.csv(text, { mapping: replaced(mapping, path, value), fileName: "v1.csv" });
      } catch (error) {
        expect(error, path.join(".")).not.toBeInstanceOf(TypeError);
        expect((error as Error).message).toMatch(/CSV mapping is not valid|needs a mapping/);
      }
    }
  });
});
