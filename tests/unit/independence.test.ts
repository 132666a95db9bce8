import { describe, expect, it } from "vitest";
import { independenceKeys } from "@/lib/domain/independence";

describe("independent sources", () => {
  it("a tracker citing an article counts once with it; another paper stays independent", () => {
    const keys = independenceKeys(
      [
        { id: 1, publisher: "The Paper" },
        { id: 2, publisher: "Tracker" },
        { id: 3, publisher: "Other Daily" },
      ],
      [[2, 1]],
    );
    expect(keys.get(1)).toBe(keys.get(2));
    expect(keys.get(3)).not.toBe(keys.get(1));
    expect(new Set(keys.values()).size).toBe(2);
  });

  it("dependence is transitive: two trackers citing one article are one source", () => {
    const keys = independenceKeys(
      [
        { id: 10, publisher: null },
        { id: 11, publisher: null },
      ],
      [
        [10, 99],
        [11, 99],
      ],
    );
    expect(keys.get(10)).toBe(keys.get(11));
  });

  it("sources of one publisher count once, whatever the case of its name", () => {
    const keys = independenceKeys(
      [
        { id: 1, publisher: "Tencent Technology" },
        { id: 2, publisher: "tencent technology " },
      ],
      [],
    );
    expect(keys.get(1)).toBe(keys.get(2));
  });
});
