import { describe, expect, it } from "vitest";
import { buildOrgChart, chartLayout } from "@/components/org/build-chart";
import { snapshotItems } from "@/components/org/chart-model";
import { renderOrgSvg } from "@/components/org/org-svg";
import { snapshot, type OrgPosition } from "@/lib/domain/org-chart";
import { layoutOrg, type LayoutBox } from "@/lib/domain/org-layout";
import { partialDate } from "@/lib/domain/partial-date";

const item = (key: string, parentKey: string | null) => ({ key, parentKey, data: key });

function overlaps(a: LayoutBox<unknown>, b: LayoutBox<unknown>) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe("layoutOrg", () => {
  const items = [item("ceo", null), item("cto", "ceo"), item("a", "cto"), item("b", "cto"), item("c", "ceo"), item("d", null), item("e", "a")];
  const isTop = (k: string) => k === "ceo";

  it("draws the chief executive on top and every report below and inside their manager's column, no two boxes overlapping", () => {
    const layout = layoutOrg(items, { isTop });
    expect(layout.boxes.map((b) => b.key).sort()).toEqual(["a", "b", "c", "ceo", "cto", "d", "e"]);
    expect(layout.topKey).toBe("ceo");
    const at = new Map(layout.boxes.map((b) => [b.key, b]));
    const ceo = at.get("ceo")!;
    for (const b of layout.boxes) {
      if (b !== ceo) expect(b.y).toBeGreaterThan(ceo.y + ceo.height);
      if (b.parentKey) {
        const m = at.get(b.parentKey)!;
        expect(b.y).toBeGreaterThanOrEqual(m.y + m.height);
        // in a column a report is set in from their manager (the CEO's reports spread out below them instead)
        if (m !== ceo) expect(b.x).toBeGreaterThan(m.x);
      }
      for (const o of layout.boxes) if (o !== b) expect(overlaps(b, o)).toBe(false);
      expect(b.x + b.width).toBeLessThanOrEqual(layout.width);
      expect(b.y + b.height).toBeLessThanOrEqual(layout.height);
    }
    // recorded lines are drawn; nobody is joined to the chief executive without one
    expect(layout.links.map((l) => `${l.from}>${l.to}`).sort()).toEqual(["a>e", "ceo>c", "ceo>cto", "cto>a", "cto>b"]);
    expect(at.get("d")!.parentKey).toBeNull();
    // the CEO sits centred over their reports' columns
    const cto = at.get("cto")!;
    const c = at.get("c")!;
    expect(ceo.x).toBeGreaterThan(cto.x);
    expect(ceo.x).toBeLessThan(c.x);
    expect(cto.y).toBe(c.y);
  });

  it("gives each box the height its text needs", () => {
    const layout = layoutOrg(items, { isTop, heightOf: (k) => (k === "cto" ? 140 : 60) });
    const at = new Map(layout.boxes.map((b) => [b.key, b]));
    expect(at.get("cto")!.height).toBe(140);
    expect(at.get("a")!.y).toBeGreaterThanOrEqual(at.get("cto")!.y + 140);
  });

  it("people with no manager on record are grouped (by role) under a labelled section, with their own reports under them", () => {
    const groups: Record<string, string> = { x: "research", y: "research", z: "product", w: "research" };
    const layout = layoutOrg([item("ceo", null), item("x", null), item("y", null), item("z", null), item("w", "x")], {
      isTop,
      groupOf: (k) => groups[k] ?? "executive",
      groupLabel: (g, n) => `${g} (${n})`,
    });
    expect(layout.labels.map((l) => l.text)).toEqual(["No manager on record (3)", "research (2)", "product (1)"]);
    const at = new Map(layout.boxes.map((b) => [b.key, b]));
    expect(at.get("x")!.x).toBe(at.get("y")!.x);
    expect(at.get("z")!.x).toBeGreaterThan(at.get("x")!.x + at.get("x")!.width);
    expect(at.get("w")!.parentKey).toBe("x");
    expect(at.get("w")!.x).toBeGreaterThan(at.get("x")!.x);
  });

  it("without a chief executive on record every tree is grouped; a reporting loop is cut, not dropped", () => {
    const layout = layoutOrg([item("a", "b"), item("b", "a"), item("c", "nobody"), item("d", "d")], { isTop });
    expect(layout.topKey).toBeNull();
    const parents = Object.fromEntries(layout.boxes.map((b) => [b.key, b.parentKey]));
    expect(parents.c).toBeNull();
    expect(parents.d).toBeNull();
    expect([parents.a, parents.b].filter((p) => p === null)).toHaveLength(1);
    expect(parents.a === "b" || parents.b === "a").toBe(true);
    expect(layout.boxes).toHaveLength(4);
  });

  it("orders siblings with the comparator", () => {
    const layout = layoutOrg([item("b", null), item("a", null), item("c", null)], { compare: (x, y) => x.localeCompare(y) });
    const ys = Object.fromEntries(layout.boxes.map((b) => [b.key, b.y]));
    expect(ys.a).toBeLessThan(ys.b);
    expect(ys.b).toBeLessThan(ys.c);
  });
});

const mk = (id: number, name: string, title: string, start: string | null, end: string | null, reportsTo?: OrgPosition["person"]): OrgPosition => ({
  id,
  person: { id, name, slug: name.toLowerCase().replace(/\W+/g, "-") },
  title,
  roleCategory: "executive",
  team: null,
  start: start ? partialDate(start) : null,
  end: end ? partialDate(end) : null,
  reportsTo: reportsTo ?? null,
  eventIds: [id * 10],
});

describe("renderOrgSvg", () => {
  const mira = mk(1, "Mira Murati", "CTO", "2023-11", "2024-09-25");
  const positions = [mira, mk(2, "Greg Brockman", "President", "2022", null, mira.person), mk(3, "<script>alert(1)</script>", "A & B", "2024", null)];
  const events = positions.map((p) => ({
    id: p.id * 10,
    personId: p.person.id,
    kind: "joined" as const,
    date: p.start,
    destination: null,
    claims: [{ id: p.id, sourceId: 1 }],
  }));
  const company = { id: 1, name: "OpenAI", slug: "openai" };

  it("draws each person as a box linking to their page and to the evidence, escaping every text", () => {
    const { svg } = buildOrgChart({ company, positions, events }, { mode: "snapshot", at: "2024-01-01" });
    expect(svg).toContain(`data-person="mira-murati" data-title="CTO"`);
    expect(svg).toContain(`href="/people/mira-murati"`);
    expect(svg).toContain(`href="/events/10"`);
    expect(svg).toContain(`href="/companies/openai"`);
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;");
    expect(svg).toContain("A &amp; B");
  });

  it("marks an imprecise start as uncertain, in the drawing and in words", () => {
    const s = snapshot(positions, events, "2024-06-01");
    const layout = chartLayout(snapshotItems(s));
    const svg = renderOrgSvg(layout, { title: "t", description: "d", company });
    const box = (slug: string) => svg.split("\n").find((l) => l.includes(`data-person="${slug}"`))!;
    const hired2024 = box(positions[2].person.slug);
    expect(hired2024).toContain(`data-uncertain="true"`);
    expect(hired2024).toContain("may have started · 2024");
    expect(hired2024).toContain(`stroke-dasharray`);
    expect(box("mira-murati")).not.toContain(`data-uncertain`);
  });

  it("wraps a long title onto more lines instead of cutting it", () => {
    const long = "Co-lead, Superalignment (Co-founder and Chief Scientist)";
    const withLong = [...positions, mk(4, "Ilya Sutskever", long, "2023", null)];
    const { svg } = buildOrgChart({ company, positions: withLong, events }, { mode: "snapshot", at: "2024-06-01" });
    const box = svg.split("\n").find((l) => l.includes(`data-person="ilya-sutskever"`))!;
    expect(box).not.toContain("…");
    const spans = [...box.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]);
    // the title's lines, read in order, give the whole title back
    const start = spans.findIndex((t) => t.startsWith("Co-lead"));
    expect(spans.slice(start, start + 2).join("")).toBe(long);
  });

  it("draws the chief executive at the top and a recorded report under their manager", () => {
    const ceo = mk(5, "Sam Altman", "CEO", "2023-11-22", null);
    const { svg } = buildOrgChart({ company, positions: [...positions, ceo], events }, { mode: "snapshot", at: "2024-06-01" });
    const ys = new Map([...svg.matchAll(/<g transform="translate\(([\d.]+),([\d.]+)\)" data-person="([^"]+)"/g)].map((m) => [m[3], Number(m[2])]));
    expect(Math.min(...ys.values())).toBe(ys.get("sam-altman"));
    expect(svg).toContain(`data-person="greg-brockman" data-title="President" data-reports-to="mira-murati"`);
    expect(ys.get("greg-brockman")!).toBeGreaterThan(ys.get("mira-murati")!);
  });

  it("uses absolute links in a downloaded file", () => {
    const { svg } = buildOrgChart({ company, positions, events }, { mode: "snapshot", at: "2024-01-01" }, "https://departures.example");
    expect(svg).toContain(`href="https://departures.example/people/mira-murati"`);
  });
});
