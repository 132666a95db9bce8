import { describe, expect, it } from "vitest";
import { locatePassages, passageAnchor, segmentText } from "@/lib/domain/text-marks";

const text = "This year alone, four left. Jane quit. Doe quit too.";

describe("locatePassages", () => {
  it("finds each excerpt and context excerpt, and reports those not in the text", () => {
    const { ranges, missing } = locatePassages(text, [
      { id: 1, excerpt: "Jane quit.", context: "This year alone, four left." },
      { id: 2, excerpt: "Doe quit too.", context: "This year alone, four left." },
      { id: 3, excerpt: "not here", context: null },
    ]);
    expect(ranges).toEqual([
      { claimId: 1, role: "excerpt", start: 28, end: 38 },
      { claimId: 1, role: "context", start: 0, end: 27 },
      { claimId: 2, role: "excerpt", start: 39, end: 52 },
      { claimId: 2, role: "context", start: 0, end: 27 },
    ]);
    expect(missing).toEqual([{ claimId: 3, role: "excerpt" }]);
    expect(passageAnchor("excerpt", 7)).toBe("excerpt-7");
  });
});

describe("segmentText", () => {
  it("cuts at every boundary so overlapping passages never nest, most specific first", () => {
    const ranges = [
      { claimId: 1, role: "context" as const, start: 0, end: 38 },
      { claimId: 2, role: "excerpt" as const, start: 28, end: 38 },
    ];
    const segments = segmentText(text, ranges);
    expect(segments.map((s) => s.text).join("")).toBe(text);
    expect(segments.map((s) => [s.text, s.covering.map((r) => r.claimId)])).toEqual([
      ["This year alone, four left. ", [1]],
      ["Jane quit.", [2, 1]],
      [" Doe quit too.", []],
    ]);
    expect(segments[0].starting).toEqual([ranges[0]]);
    expect(segments[1].ending.map((r) => r.claimId)).toEqual([1, 2]);
  });

  it("gives an unmarked text as one segment", () => {
    expect(segmentText("plain", [])).toEqual([{ text: "plain", covering: [], starting: [], ending: [] }]);
  });
});
