import { describe, expect, it } from "vitest";
import { csvFilename } from "@/lib/export/csv-filename";

describe("csvFilename", () => {
  it("names the file for the filter", () => {
    expect(csvFilename({})).toBe("departures-events.csv");
    expect(csvFilename({ destination: ["anthropic"] })).toBe("departures-to-anthropic.csv");
    expect(csvFilename({ company: ["openai"], kind: ["departed"], role: ["research"], from: "2023", to: "2024-06" })).toBe(
      "departures-openai-research-departed-2023-to-2024-06.csv",
    );
    expect(csvFilename({ destination: ["~founded"], from: "2020" })).toBe("departures-to-founded-from-2020.csv");
  });

  it("keeps only safe characters, whatever was searched, and stays short", () => {
    const name = csvFilename({ q: 'ヤン "x"; rm -rf / ../..', title: "Chief Ü" });
    expect(name).toMatch(/^[a-z0-9-]+\.csv$/);
    expect(csvFilename({ company: Array.from({ length: 20 }, (_, i) => `company-${i}-with-a-long-slug`) }).length).toBeLessThanOrEqual(124);
  });
});
