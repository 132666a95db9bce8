import { describe, expect, it } from "vitest";
import { compareDates, contains, formatHuman, gapInDays, overlaps, parsePartialDate, partialDate, widthInDays } from "@/lib/domain/partial-date";

describe("parsePartialDate", () => {
  it.each([
    ["2024", "year", "2024-01-01", "2024-12-31"],
    ["2024-Q3", "quarter", "2024-07-01", "2024-09-30"],
    ["2024-02", "month", "2024-02-01", "2024-02-29"],
    ["2023-02", "month", "2023-02-01", "2023-02-28"],
    ["2024-09-25", "day", "2024-09-25", "2024-09-25"],
    ["2017/2018", "range", "2017-01-01", "2018-12-31"],
    ["2024-05/2024-Q3", "range", "2024-05-01", "2024-09-30"],
  ])("%s has %s precision from %s to %s", (text, precision, earliest, latest) => {
    const r = parsePartialDate(text);
    expect(r).toEqual({ ok: true, date: { text, precision, earliest, latest } });
  });

  it.each([
    ["2024-02-30", "does not exist"],
    ["2024-13", "no month"],
    ["May 2024", "is not a date"],
    ["2019/2018", "ends before it starts"],
    ["", "is not a date"],
  ])("rejects %s", (text, message) => {
    const r = parsePartialDate(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(message);
  });
});

describe("formatHuman", () => {
  it("says what is known and no more", () => {
    expect(formatHuman(partialDate("2024-05"))).toBe("May 2024");
    expect(formatHuman(partialDate("2024"))).toBe("2024");
    expect(formatHuman(partialDate("2024-Q2"))).toBe("Q2 2024");
    expect(formatHuman(partialDate("2024-09-25"))).toBe("25 Sep 2024");
    expect(formatHuman(partialDate("2017/2018"))).toBe("2017–2018");
    expect(formatHuman(null)).toBe("date unknown");
  });
});

describe("comparisons", () => {
  const may = partialDate("2024-05");
  const year = partialDate("2024");
  const day = partialDate("2024-05-17");
  const march = partialDate("2024-03");

  it("overlap and containment follow the intervals", () => {
    expect(overlaps(may, year)).toBe(true);
    expect(overlaps(may, march)).toBe(false);
    expect(contains(year, may)).toBe(true);
    expect(contains(may, day)).toBe(true);
    expect(contains(may, year)).toBe(false);
  });

  it("measures precision as width and distance as gap", () => {
    expect(widthInDays(day)).toBe(0);
    expect(widthInDays(may)).toBe(30);
    expect(gapInDays(march, may)).toBe(31);
    expect(gapInDays(may, year)).toBe(0);
  });

  it("orders by earliest day, more precise first, unknown last", () => {
    const sorted = [null, year, may, day, march].sort(compareDates);
    expect(sorted.map((d) => d?.text ?? null)).toEqual(["2024", "2024-03", "2024-05", "2024-05-17", null]);
  });
});
