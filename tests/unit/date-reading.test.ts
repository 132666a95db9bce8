import { describe, expect, it } from "vitest";
import { describeDateReading, glossPhrase } from "@/lib/domain/date-reading";

const article = { publishedText: "2024-08-06", kind: "article" as const };

describe("describeDateReading", () => {
  it("says a relative date's phrase, its English sense and the publication it was read against", () => {
    expect(
      describeDateReading(
        { dateText: "2024", dateBasis: "relative_to_published", datePhrase: "今年" },
        { publishedText: "2024-08", kind: "article" },
      ),
    ).toBe("2024 — ‘this year’ (今年) in an article published Aug 2024");
    expect(describeDateReading({ dateText: "2023-Q4", dateBasis: "relative_to_published", datePhrase: "late last year" }, article)).toBe(
      "Q4 2023 — ‘late last year’ in an article published 6 Aug 2024",
    );
  });

  it("says on or before the publication date for a bound", () => {
    expect(describeDateReading({ dateText: "../2024-08-06", dateBasis: "bounded_by_published", datePhrase: null }, article)).toBe(
      "on or before 6 Aug 2024 (publication date)",
    );
  });

  it("marks stated dates and unknown ones", () => {
    expect(describeDateReading({ dateText: "2024-05", dateBasis: "stated", datePhrase: null }, article)).toBe("May 2024 (stated)");
    expect(describeDateReading({ dateText: "../2021", dateBasis: "stated", datePhrase: null }, article)).toBe("by 2021");
    expect(describeDateReading({ dateText: null, dateBasis: null, datePhrase: null }, article)).toBe("date unknown");
  });
});

describe("glossPhrase", () => {
  it("translates the Japanese and Chinese phrases the resolver reads, and leaves English alone", () => {
    expect(glossPhrase("昨年末")).toBe("the end of last year");
    expect(glossPhrase("5月")).toBe("in May");
    expect(glossPhrase("昨年12月")).toBe("last December");
    expect(glossPhrase("this year")).toBeNull();
    expect(glossPhrase("何か")).toBeNull();
  });
});
