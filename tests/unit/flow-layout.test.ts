import { describe, expect, it } from "vitest";
import { groupFlows, layoutFlows, UNKNOWN_LABEL, type FlowPair } from "@/lib/domain/flow-layout";

const co = (slug: string) => ({ slug, name: slug[0].toUpperCase() + slug.slice(1) });
const pair = (from: string, to: string | null, n: number, founded = 0): FlowPair => ({ from: co(from), to: to ? co(to) : null, n, founded });

describe("groupFlows", () => {
  it("keeps one band per pair with its count, and destination unknown as its own node", () => {
    const g = groupFlows([pair("openai", "anthropic", 4, 2), pair("openai", null, 19), pair("openai", "google", 1)]);
    expect(g.total).toBe(24);
    expect(g.nodes.map((n) => n.id)).toEqual(["from:openai", "to:anthropic", "to:google", "to:~unknown"]);
    expect(g.nodes.find((n) => n.kind === "unknown")).toMatchObject({ label: UNKNOWN_LABEL, n: 19 });
    expect(g.bands).toEqual([
      { id: "from:openai→to:anthropic", source: "from:openai", target: "to:anthropic", n: 4, founded: 2 },
      { id: "from:openai→to:google", source: "from:openai", target: "to:google", n: 1, founded: 0 },
      { id: "from:openai→to:~unknown", source: "from:openai", target: "to:~unknown", n: 19, founded: 0 },
    ]);
  });

  it("groups companies beyond the limits into 'other', which lists them and sums their bands; unknown is never grouped", () => {
    const pairs = [pair("a", "x", 5), pair("b", "y", 4), pair("c", "z", 3), pair("d", "x", 2), pair("e", null, 7)];
    const g = groupFlows(pairs, { sources: 2, targets: 1 });
    const other = g.nodes.find((n) => n.id === "from:~other")!;
    // e (7) and a (5) are the top two companies left
    expect(g.nodes.filter((n) => n.side === "from").map((n) => n.id)).toEqual(["from:e", "from:a", "from:~other"]);
    expect(other.companies.map((c) => c.slug)).toEqual(["b", "c", "d"]);
    expect(other.n).toBe(9);
    expect(g.nodes.filter((n) => n.side === "to").map((n) => n.id)).toEqual(["to:x", "to:~other", "to:~unknown"]);
    expect(g.bands.find((b) => b.id === "from:~other→to:x")!.n).toBe(2);
    expect(g.bands.find((b) => b.id === "from:~other→to:~other")!.n).toBe(7);
    expect(g.bands.find((b) => b.id === "from:e→to:~unknown")!.n).toBe(7);
    // nothing lost: the bands add up to every departure
    expect(g.bands.reduce((s, b) => s + b.n, 0)).toBe(g.total);
    expect(g.total).toBe(21);
  });

  it("does not make an 'other' of a single company", () => {
    const g = groupFlows([pair("a", "x", 3), pair("b", "x", 2), pair("c", "x", 1)], { sources: 2, targets: 12 });
    expect(g.nodes.filter((n) => n.side === "from").map((n) => n.id)).toEqual(["from:a", "from:b", "from:c"]);
  });

  it("drops nothing but empty pairs", () => {
    expect(groupFlows([pair("a", "x", 0)]).bands).toEqual([]);
  });
});

describe("layoutFlows", () => {
  const g = groupFlows([pair("openai", "anthropic", 4), pair("openai", null, 19), pair("tesla", null, 1), pair("tesla", "openai", 2)]);
  const layout = layoutFlows(g);

  it("puts companies left in the left column and destinations in the right, inside the label margins", () => {
    const left = layout.nodes.filter((n) => n.side === "from");
    const right = layout.nodes.filter((n) => n.side === "to");
    expect(new Set(left.map((n) => n.x0)).size).toBe(1);
    expect(new Set(right.map((n) => n.x0)).size).toBe(1);
    expect(left[0].x0).toBeGreaterThanOrEqual(210);
    expect(right[0].x1).toBeLessThanOrEqual(layout.width - 210);
    for (const n of layout.nodes) expect(n.y1).toBeLessThanOrEqual(layout.height);
  });

  it("keeps the order most first, unknown last, and a node as tall as its departures", () => {
    const right = layout.nodes.filter((n) => n.side === "to");
    expect(right.map((n) => n.id)).toEqual(["to:anthropic", "to:openai", "to:~unknown"]);
    for (let i = 1; i < right.length; i++) expect(right[i].y0).toBeGreaterThan(right[i - 1].y1);
    const unknown = right.find((n) => n.kind === "unknown")!;
    const anthropic = right.find((n) => n.id === "to:anthropic")!;
    expect((unknown.y1 - unknown.y0) / (anthropic.y1 - anthropic.y0)).toBeCloseTo(20 / 4, 1);
  });

  it("draws each band from its source's right edge to its target's left edge, as thick as its count", () => {
    const band = layout.bands.find((b) => b.id === "from:openai→to:anthropic")!;
    const source = layout.nodes.find((n) => n.id === "from:openai")!;
    const target = layout.nodes.find((n) => n.id === "to:anthropic")!;
    expect(band.path.startsWith(`M${source.x1},`)).toBe(true);
    expect(band.path).toMatch(new RegExp(` ${target.x0},${band.y1}$`));
    const unknown = layout.bands.find((b) => b.id === "from:openai→to:~unknown")!;
    expect(unknown.width / band.width).toBeCloseTo(19 / 4, 1);
  });

  it("is empty for no flows", () => {
    expect(layoutFlows(groupFlows([]))).toMatchObject({ height: 0, nodes: [], bands: [] });
  });
});
