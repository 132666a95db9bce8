import { describe, expect, it } from "vitest";
import { partialDate } from "@/lib/domain/partial-date";
import { derivePositions, type PositionEvent } from "@/lib/domain/positions";

let id = 0;
const ev = (kind: PositionEvent["kind"], date: string | null, role: string | null = null): PositionEvent => ({
  id: ++id,
  kind,
  status: "reported",
  role,
  roleCategory: null,
  team: null,
  date: date ? partialDate(date) : null,
  reportsToPersonId: null,
});

const summary = (events: PositionEvent[]) => derivePositions(events).map((p) => [p.title, p.start?.text ?? null, p.end?.text ?? null]);

describe("derivePositions", () => {
  it("a departure with no known start is a tenure with an unknown start", () => {
    expect(summary([ev("departed", "2024-09-25", "CTO")])).toEqual([["CTO", null, "2024-09-25"]]);
  });

  it("left (fired) then returned in the same month reopens the tenure, whatever order the claims came in", () => {
    expect(summary([ev("returned", "2023-11", "CEO"), ev("departed", "2023-11", "CEO")])).toEqual([
      ["CEO", null, "2023-11"],
      ["CEO", "2023-11", null],
    ]);
  });

  it("interim CEO then back to CTO in the same month, then departed as CTO, whatever order the claims came in", () => {
    const expected = [
      ["Interim CEO", "2023-11", "2023-11"],
      ["CTO", "2023-11", "2024-09-25"],
    ];
    const interim = () => ev("role_changed", "2023-11", "Interim CEO");
    const backToCto = () => ev("role_changed", "2023-11", "CTO");
    const departed = () => ev("departed", "2024-09-25", "CTO");
    expect(summary([interim(), backToCto(), departed()])).toEqual(expected);
    expect(summary([backToCto(), interim(), departed()])).toEqual(expected);
  });

  it("a role change closes the previous title and opens the new one", () => {
    expect(summary([ev("joined", "2018", "Engineer"), ev("role_changed", "2022-05", "CTO"), ev("departed", "2024-09", "CTO")])).toEqual([
      ["Engineer", "2018", "2022-05"],
      ["CTO", "2022-05", "2024-09"],
    ]);
  });

  it("a leave does not end the tenure; retracted and undated events are ignored", () => {
    const retracted = { ...ev("departed", "2024-01"), status: "retracted" };
    expect(summary([ev("joined", "2015-12", "President"), ev("leave_started", "2024-08"), retracted, ev("departed", null)])).toEqual([
      ["President", "2015-12", null],
    ]);
  });
});
