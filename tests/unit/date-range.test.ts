import { describe, expect, it } from "vitest";
import {
  dateRange,
  describeRange,
  fallsWithin,
  parseRangeBound,
  quarterOf,
  quarterSpan,
  rangeError,
  countByPeriod,
  timelineGroup,
} from "@/lib/domain/date-range";
import { partialDate } from "@/lib/domain/partial-date";

const d = (text: string) => partialDate(text);

describe("parseRangeBound", () => {
  it.each(["2024", "2024-Q2", "2024-05", "2024-05-17"])("accepts the single date %s", (text) => {
    expect(parseRangeBound(text)).toMatchObject({ ok: true, date: { text } });
  });

  it("rejects a range, asking for its ends in from and to", () => {
    expect(parseRangeBound("2017/2018")).toEqual({ ok: false, error: expect.stringContaining('put its ends in "from" and "to"') });
  });

  it.each([
    ["notadate", "is not a date"],
    ["2024-13", "no month"],
    ["2023-02-29", "does not exist"],
  ])("rejects %s (%s)", (text, message) => {
    const r = parseRangeBound(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain(message);
  });
});

describe("dateRange", () => {
  it("starts on the first day of `from` and ends on the last day of `to`", () => {
    expect(dateRange("2024-05", "2024")).toEqual({ earliest: "2024-05-01", latest: "2024-12-31" });
    expect(dateRange("2024-Q3", "2024-Q3")).toEqual({ earliest: "2024-07-01", latest: "2024-09-30" });
    expect(dateRange("2024-02", "2024-02")).toEqual({ earliest: "2024-02-01", latest: "2024-02-29" });
  });

  it("leaves a missing bound open", () => {
    expect(dateRange(undefined, "2020")).toEqual({ earliest: null, latest: "2020-12-31" });
    expect(dateRange("2020", null)).toEqual({ earliest: "2020-01-01", latest: null });
    expect(dateRange()).toEqual({ earliest: null, latest: null });
  });

  it("reports a range that ends before it starts", () => {
    expect(rangeError(d("2024-05"), d("2023"))).toContain("before");
    expect(rangeError(d("2024-05"), d("2024"))).toBeNull();
    expect(rangeError(d("2024-05-31"), d("2024-05"))).toBeNull();
  });
});

describe("fallsWithin (an event is inside a range when every day it can mean is)", () => {
  it("puts a month-precision event inside any range covering its month", () => {
    expect(fallsWithin(d("2024-05"), dateRange("2024-05", "2024-05"))).toBe(true);
    expect(fallsWithin(d("2024-05"), dateRange("2024-05-01", "2024-05-31"))).toBe(true);
    expect(fallsWithin(d("2024-05"), dateRange("2024", "2024"))).toBe(true);
    expect(fallsWithin(d("2024-05"), dateRange("2024-Q2", undefined))).toBe(true);
  });

  it("keeps an event out of a range that covers only part of its interval", () => {
    expect(fallsWithin(d("2024-05"), dateRange("2024-05-15", "2024-06"))).toBe(false);
    expect(fallsWithin(d("2024"), dateRange("2024-05", "2024-06"))).toBe(false);
    expect(fallsWithin(d("2017/2018"), dateRange("2018", "2018"))).toBe(false);
    expect(fallsWithin(d("2017/2018"), dateRange("2017", "2018"))).toBe(true);
  });

  it("compares days at the edges inclusively", () => {
    expect(fallsWithin(d("2024-05-31"), dateRange(undefined, "2024-05"))).toBe(true);
    expect(fallsWithin(d("2024-06-01"), dateRange(undefined, "2024-05"))).toBe(false);
    expect(fallsWithin(d("2024-05-01"), dateRange("2024-05", undefined))).toBe(true);
    expect(fallsWithin(d("2024-04-30"), dateRange("2024-05", undefined))).toBe(false);
  });

  it("admits an unknown date only when the range is unbounded", () => {
    expect(fallsWithin(null, dateRange())).toBe(true);
    expect(fallsWithin(null, dateRange("2000", undefined))).toBe(false);
    expect(fallsWithin(null, dateRange(undefined, "2030"))).toBe(false);
  });
});

describe("quarters for charts", () => {
  it("places day and month dates in their quarter", () => {
    expect(quarterOf("2024-05-17", "2024-05-17")).toBe("2024-Q2");
    expect(quarterOf("2024-09-01", "2024-09-30")).toBe("2024-Q3");
    expect(quarterOf("2024-10", "2024-12")).toBe("2024-Q4");
  });

  it("refuses to place a date that may fall in more than one quarter", () => {
    expect(quarterOf("2024-01-01", "2024-12-31")).toBeNull();
    expect(quarterOf("2024-06-01", "2024-07-31")).toBeNull();
    expect(quarterOf(null, null)).toBeNull();
  });

  it("lists every quarter between two, so empty quarters are shown as gaps", () => {
    expect(quarterSpan("2023-Q3", "2024-Q2")).toEqual(["2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2"]);
    expect(quarterSpan("2024-Q1", "2024-Q1")).toEqual(["2024-Q1"]);
  });
});

describe("timelineGroup", () => {
  it.each([
    ["2024-05-17", "May 2024"],
    ["2024-05", "May 2024"],
    ["2024-Q3", "Q3 2024"],
    ["2024", "2024"],
    ["2017/2018", "2017–2018"],
  ])("puts %s under “%s”", (text, label) => {
    expect(timelineGroup(d(text)).label).toBe(label);
  });

  it("groups a day and a month of the same month together, and never a year under a month", () => {
    expect(timelineGroup(d("2024-05-17")).key).toBe(timelineGroup(d("2024-05")).key);
    expect(timelineGroup(d("2024")).key).not.toBe(timelineGroup(d("2024-01")).key);
  });

  it("has a group for unknown dates", () => {
    expect(timelineGroup(null)).toEqual({ key: "unknown", label: "Date unknown" });
  });
});

describe("describeRange", () => {
  it("says a range in words at the precision given", () => {
    expect(describeRange(d("2024-05"), d("2025"))).toBe("May 2024 – 2025");
    expect(describeRange(d("2020"), null)).toBe("from 2020");
    expect(describeRange(null, d("2024-Q3"))).toBe("until Q3 2024");
    expect(describeRange(d("2024-05-17"), null)).toBe("from 17 May 2024");
  });
});

describe("countByPeriod", () => {
  const row = (earliest: string | null, latest: string | null, category: string | null, n = 1) => ({ earliest, latest, category, n });

  it("counts per quarter and category, with empty quarters in between kept as gaps", () => {
    const s = countByPeriod([
      row("2023-11", "2023-11", "executive", 2),
      row("2024-05", "2024-05", "research"),
      row("2024-05", "2024-05", "executive"),
    ]);
    expect(s.granularity).toBe("quarter");
    expect(s.periods.map((p) => [p.label, p.total])).toEqual([
      ["Q4 2023", 2],
      ["Q1 2024", 0],
      ["Q2 2024", 2],
    ]);
    expect(s.periods[2].counts.get("research")).toBe(1);
    expect(s).toMatchObject({ unplaced: 0, total: 4 });
  });

  it("never guesses a year-only, cross-quarter or unknown date into a bar", () => {
    const s = countByPeriod([
      row("2024-01", "2024-12", "board"),
      row("2024-06", "2024-07", null),
      row(null, null, null, 3),
      row("2024-08", "2024-08", null),
    ]);
    expect(s.periods.map((p) => p.key)).toEqual(["2024-Q3"]);
    expect(s).toMatchObject({ unplaced: 5, total: 6 });
  });

  it("switches to years when quarters would be too many to read, placing year-precise dates too", () => {
    const s = countByPeriod(
      [
        row("2001-03", "2001-03", "research"),
        row("2024-05", "2024-05", "research"),
        row("2024-01", "2024-12", "research"),
        row("2017-01", "2018-12", "board"),
      ],
      40,
    );
    expect(s.granularity).toBe("year");
    expect(s.periods).toHaveLength(24);
    expect(s.periods[0]).toMatchObject({ key: "2001", label: "2001", total: 1 });
    expect(s.periods.at(-1)).toMatchObject({ key: "2024", total: 2 });
    expect(s.unplaced).toBe(1); // 2017–2018 spans two years
  });

  it("is empty, with everything unplaced, when nothing has a usable date", () => {
    expect(countByPeriod([row(null, null, null, 2)])).toMatchObject({ periods: [], unplaced: 2, total: 2 });
  });
});
