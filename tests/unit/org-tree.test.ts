import { describe, expect, it } from "vitest";
import { changeSentence, stepSummary } from "@/components/org/step-summary";
import { indexOrg, type OrgEvent, type OrgPosition } from "@/lib/domain/org-chart";
import { isChiefExecutiveTitle, orgTree, treeOrder } from "@/lib/domain/org-tree";
import { partialDate } from "@/lib/domain/partial-date";
import { wrapText } from "@/lib/domain/text-wrap";

const item = (key: string, parentKey: string | null, title = "") => ({ key, parentKey, data: { key, title } });

describe("orgTree", () => {
  it("puts the chief executive's tree on top and groups everyone else with no manager on record", () => {
    const tree = orgTree([item("ceo", null, "CEO"), item("cto", null, "CTO"), item("pres", "cto"), item("r1", null), item("r2", "ceo")], {
      isTop: (d) => isChiefExecutiveTitle(d.title),
      groupOf: (d) => (d.title ? "exec" : "other"),
    });
    expect(tree.top?.key).toBe("ceo");
    expect(tree.top?.children.map((c) => c.key)).toEqual(["r2"]);
    expect(tree.groups.map((g) => [g.group, g.roots.map((r) => r.key)])).toEqual([
      ["exec", ["cto"]],
      ["other", ["r1"]],
    ]);
    // the CTO's recorded report stays under the CTO; nobody is moved under the CEO without a line
    expect(tree.groups[0].roots[0].children.map((c) => c.key)).toEqual(["pres"]);
    expect(treeOrder(tree).map((e) => `${e.node.key}@${e.depth}`)).toEqual(["ceo@0", "r2@1", "cto@0", "pres@1", "r1@0"]);
  });

  it("when the chief executive reports to someone recorded, that person's tree is the top", () => {
    const tree = orgTree([item("chair", null, "Executive Chair"), item("ceo", "chair", "Interim CEO")], {
      isTop: (d) => isChiefExecutiveTitle(d.title),
    });
    expect(tree.top?.key).toBe("chair");
    expect(tree.groups).toEqual([]);
  });

  it("knows a chief executive's title, and nothing else", () => {
    for (const t of ["CEO", "Interim CEO", "Chief Executive Officer", "President and CEO"]) expect(isChiefExecutiveTitle(t)).toBe(true);
    for (const t of ["CTO", "Chief Scientist", "Executive Chair", null, "CEOs' adviser"]) expect(isChiefExecutiveTitle(t)).toBe(false);
  });
});

describe("wrapText", () => {
  it("breaks at spaces within the width and drops nothing", () => {
    const title = "Co-lead, Superalignment (Co-founder and Chief Scientist)";
    const lines = wrapText(title, 34);
    expect(lines).toEqual(["Co-lead, Superalignment", "(Co-founder and Chief Scientist)"]);
    expect(lines.join(" ")).toBe(title);
    expect(wrapText("CTO", 34)).toEqual(["CTO"]);
  });

  it("breaks a word longer than a line, and counts CJK characters double", () => {
    expect(wrapText("abcdefghij", 4)).toEqual(["abcd", "efgh", "ij"]);
    expect(wrapText("ダニエル・ザーモ", 8)).toEqual(["ダニエル", "・ザーモ"]);
  });
});

const person = (id: number, name: string) => ({ id, name, slug: name.toLowerCase().replace(/\W+/g, "-") });
const pos = (id: number, p: ReturnType<typeof person>, title: string, start: string, end: string | null, eventIds: number[]): OrgPosition => ({
  id,
  person: p,
  title,
  roleCategory: "executive",
  team: null,
  start: partialDate(start),
  end: end ? partialDate(end) : null,
  reportsTo: null,
  eventIds,
});
const ev = (id: number, personId: number, kind: OrgEvent["kind"], date: string): OrgEvent => ({
  id,
  personId,
  kind,
  date: partialDate(date),
  destination: null,
  claims: [{ id, sourceId: 1 }],
});

describe("stepSummary", () => {
  const ann = person(1, "Ann Lee");
  const bo = person(2, "Bo Chen");
  const index = indexOrg(
    [pos(1, ann, "CEO", "2020-01-01", "2022-03-15", [10, 11]), pos(2, bo, "CTO", "2022-03-15", null, [20])],
    [ev(10, 1, "joined", "2020-01-01"), ev(11, 1, "departed", "2022-03-15"), ev(20, 2, "joined", "2022-03-15")],
  );

  it("says who joined and who left on the change day the step lands on", () => {
    const s = stepSummary(index, "2022-03-15");
    expect(s.day).toBe("2022-03-15");
    expect(s.text).toBe("On 15 Mar 2022: Ann Lee left (CEO); Bo Chen joined as CTO.");
  });

  it("between change days it names the last change and says nothing has changed since", () => {
    expect(stepSummary(index, "2023-01-01").text).toBe("No change since 15 Mar 2022. On 15 Mar 2022: Ann Lee left (CEO); Bo Chen joined as CTO.");
    expect(stepSummary(index, "2019-06-01")).toMatchObject({ day: null, text: "No change on record up to 1 Jun 2019." });
  });

  it("words an uncertain change as a possibility", () => {
    const s = stepSummary(indexOrg([pos(3, bo, "CFO", "2021-05", null, [30])], [ev(30, 2, "joined", "2021-05")]), "2021-05-01");
    expect(s.changes.map(changeSentence)).toEqual(["Bo Chen may have joined as CFO"]);
  });
});
