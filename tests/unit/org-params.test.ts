import { describe, expect, it } from "vitest";
import { todayIso } from "@/lib/domain/partial-date";
import { parseOrgQuery } from "@/lib/validation/org-params";

describe("org chart query parameters", () => {
  it("a snapshot on a day, today when no day is given", () => {
    expect(parseOrgQuery(new URLSearchParams("at=2024-01-01"))).toEqual({ ok: true, mode: "snapshot", at: "2024-01-01" });
    expect(parseOrgQuery({})).toEqual({ ok: true, mode: "snapshot", at: todayIso() });
    expect(parseOrgQuery({ at: "" })).toEqual({ ok: true, mode: "snapshot", at: todayIso() });
  });

  it("rejects what is not a real past day, with the error on the field", () => {
    const cases: [string, RegExp][] = [
      ["2024-02-30", /does not exist/],
      ["2024-13-01", /no month 13/],
      ["2024-01", /not a day/],
      ["yesterday", /not a day/],
      ["2999-01-01", /in the future/],
    ];
    for (const [at, message] of cases) {
      const q = parseOrgQuery({ at });
      expect(q.ok, at).toBe(false);
      if (!q.ok) expect(q.errors.at?.join(" "), at).toMatch(message);
    }
  });

  it("a diff needs both days, in order", () => {
    expect(parseOrgQuery({ from: "2024-01-01", to: "2024-10-15" })).toEqual({ ok: true, mode: "diff", from: "2024-01-01", to: "2024-10-15" });
    const missing = parseOrgQuery({ from: "2024-01-01" });
    expect(missing).toMatchObject({ ok: false, mode: "diff", errors: { to: ["Enter a date"] } });
    const reversed = parseOrgQuery({ from: "2024-10-15", to: "2024-01-01" });
    expect(reversed).toMatchObject({ ok: false, errors: { to: [expect.stringMatching(/on or after/)] } });
    const bad = parseOrgQuery(new URLSearchParams("from=2024-02-31&to=nope"));
    expect(bad.ok ? {} : Object.keys(bad.errors).sort()).toEqual(["from", "to"]);
  });
});

describe("timeline stops", () => {
  it("the slider sits on the last change on or before the chart's day, and never offers a future day", async () => {
    const { timelineDates, timelineIndex } = await import("@/components/org/timeline");
    const dates = timelineDates(["2023-11-01", "2023-11-30", "2024-09-25", "2031-01-01"], "2026-01-01");
    expect(dates).toEqual(["2023-11-01", "2023-11-30", "2024-09-25"]);
    expect(timelineIndex(dates, "2024-01-01")).toBe(1);
    expect(timelineIndex(dates, "2024-09-25")).toBe(2);
    expect(timelineIndex(dates, "2020-01-01")).toBe(0);
  });
});
