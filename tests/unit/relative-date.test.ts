import { describe, expect, it } from "vitest";
import { partialDate } from "@/lib/domain/partial-date";
import { boundedByPublished, resolveRelativeDate } from "@/lib/domain/relative-date";

const read = (phrase: string, published: string) => {
  const r = resolveRelativeDate(phrase, partialDate(published));
  return r.ok ? r.date.text : `error: ${r.error}`;
};

describe("relative dates read against the publication date", () => {
  it("this year / 今年 / 今年だけで is the publication year", () => {
    expect(read("this year", "2024-08-06")).toBe("2024");
    expect(read("今年", "2024-08-06")).toBe("2024");
    expect(read("今年だけで", "2024-08")).toBe("2024");
    expect(read("This year alone", "2024")).toBe("2024");
  });

  it("last year, the end of last year and 昨年末 cross into the previous year", () => {
    expect(read("last year", "2024-01-03")).toBe("2023");
    expect(read("昨年末", "2024-08-06")).toBe("2023-Q4");
    expect(read("去年年底", "2024-02")).toBe("2023-Q4");
  });

  it("a month named without a year is the latest such month not after publication, across year ends", () => {
    expect(read("in May", "2024-08-06")).toBe("2024-05");
    expect(read("last December", "2025-01-10")).toBe("2024-12");
    expect(read("in December", "2025-01-10")).toBe("2024-12");
    expect(read("5月", "2024-08-06")).toBe("2024-05");
    expect(read("１２月", "2024-01-15")).toBe("2023-12");
    expect(read("昨年5月", "2024-08-06")).toBe("2023-05");
  });

  it("last month / 先月 wraps January to December of the year before", () => {
    expect(read("先月", "2024-08-06")).toBe("2024-07");
    expect(read("last month", "2025-01-02")).toBe("2024-12");
    expect(read("上个月", "2024-03")).toBe("2024-02");
  });

  it("today and yesterday need a publication day; last week is the Monday–Sunday before", () => {
    expect(read("ちょうど今日", "2024-08-06")).toBe("2024-08-06");
    expect(read("yesterday", "2024-03-01")).toBe("2024-02-29");
    // 2024-08-06 is a Tuesday: the week before runs Mon 29 Jul – Sun 4 Aug
    expect(read("last week", "2024-08-06")).toBe("2024-07-29/2024-08-04");
    expect(read("先週", "2025-01-01")).toBe("2024-12-23/2024-12-29");
  });

  it("a weekday of last week, the end of last month, and the list's own wording", () => {
    // 2024-10-04 is a Friday: last Wednesday is 25 Sep
    expect(read("先週水曜日", "2024-10-04")).toBe("2024-09-25");
    expect(read("last Wednesday", "2024-10-04")).toBe("2024-09-25");
    expect(read("先月末", "2024-10-04")).toBe("2024-09");
    expect(read("今年だけでも", "2024-08-06")).toBe("2024");
  });

  it("a publication known only as a range is read at both ends: one answer, or a range between them", () => {
    expect(read("今年", "2024-08/2024-12")).toBe("2024");
    expect(read("5月", "2024-08/2024-12")).toBe("2024-05");
    expect(read("this year", "2024-12/2025-01")).toBe("2024/2025");
    expect(read("today", "2024-08/2024-12")).toMatch(/more precise than 2024-08\/2024-12/);
  });

  it("refuses what the publication date cannot settle, or what is not a date", () => {
    expect(read("today", "2024-08")).toMatch(/more precise than 2024-08/);
    expect(read("last month", "2024")).toMatch(/more precise/);
    expect(read("recently", "2024-08-06")).toMatch(/not a relative date/);
    expect(resolveRelativeDate("this year", null)).toMatchObject({ ok: false, error: expect.stringMatching(/has none/) });
  });

  it("on or before the publication date is an open-start range ending that day", () => {
    const d = boundedByPublished(partialDate("2024-08-06"));
    expect(d).toMatchObject({ text: "../2024-08-06", precision: "range", latest: "2024-08-06" });
  });
});
