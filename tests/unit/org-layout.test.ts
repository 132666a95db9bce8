import { describe, expect, it } from "vitest";
import { buildOrgChart } from "@/components/org/build-chart";
import { snapshotItems, type ChartNodeView } from "@/components/org/chart-model";
import { renderOrgSvg } from "@/components/org/org-svg";
import { snapshot, type OrgPosition } from "@/lib/domain/org-chart";
import { layoutOrg, ROOT_KEY, type LayoutBox } from "@/lib/domain/org-layout";
import { partialDate } from "@/lib/domain/partial-date";

const item = (key: string, parentKey: string | null) => ({ key, parentKey, data: key });

function overlaps(a: LayoutBox<unknown>, b: LayoutBox<unknown>, w: number, h: number) {
  return a.x < b.x + w && b.x < a.x + w && a.y < b.y + h && b.y < a.y + h;
}

describe("layoutOrg", () => {
  it("places every person once, reports to the right of their manager, with no two boxes overlapping", () => {
    const items = [item("ceo", null), item("cto", "ceo"), item("a", "cto"), item("b", "cto"), item("c", "ceo"), item("d", null), item("e", "a")];
    const layout = layoutOrg(items);
    expect(layout.boxes.map((b) => b.key).sort()).toEqual([ROOT_KEY, "a", "b", "c", "ceo", "cto", "d", "e"].sort());
    const at = new Map(layout.boxes.map((b) => [b.key, b]));
    for (const b of layout.boxes) {
      if (b.parentKey) expect(b.x).toBeGreaterThan(at.get(b.parentKey)!.x);
      for (const o of layout.boxes) if (o !== b) expect(overlaps(b, o, layout.nodeWidth, layout.nodeHeight)).toBe(false);
      expect(b.x + layout.nodeWidth).toBeLessThanOrEqual(layout.width);
      expect(b.y + layout.nodeHeight).toBeLessThanOrEqual(layout.height);
    }
    expect(layout.links).toHaveLength(items.length);
    // the company sits top-left, where reading starts
    expect(at.get(ROOT_KEY)).toMatchObject({ x: 16, y: 16 });
  });

  it("people with no known (or an unknown) manager go under the company, and a reporting loop is cut, not dropped", () => {
    const layout = layoutOrg([item("a", "b"), item("b", "a"), item("c", "nobody"), item("d", "d")]);
    const parents = Object.fromEntries(layout.boxes.map((b) => [b.key, b.parentKey]));
    expect(parents.c).toBe(ROOT_KEY);
    expect(parents.d).toBe(ROOT_KEY);
    expect([parents.a, parents.b].filter((p) => p === ROOT_KEY)).toHaveLength(1);
    expect(parents.a === "b" || parents.b === "a").toBe(true);
    expect(layout.boxes).toHaveLength(5);
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
    const layout = layoutOrg<ChartNodeView>(snapshotItems(s));
    const svg = renderOrgSvg(layout, { title: "t", description: "d", company });
    const box = (slug: string) => svg.split("\n").find((l) => l.includes(`data-person="${slug}"`))!;
    const hired2024 = box(positions[2].person.slug);
    expect(hired2024).toContain(`data-uncertain="true"`);
    expect(hired2024).toContain("may have started · 2024");
    expect(hired2024).toContain(`stroke-dasharray`);
    expect(box("mira-murati")).not.toContain(`data-uncertain`);
  });

  it("uses absolute links in a downloaded file", () => {
    const { svg } = buildOrgChart({ company, positions, events }, { mode: "snapshot", at: "2024-01-01" }, "https://departures.example");
    expect(svg).toContain(`href="https://departures.example/people/mira-murati"`);
  });
});
