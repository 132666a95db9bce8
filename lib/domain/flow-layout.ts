/**
 * Talent flows as a two-column Sankey: companies left on the left, destinations on the right, one band
 * per (company left, destination) pair, as wide as its number of departures. Pure: counted pairs in,
 * grouped nodes and laid-out bands out (d3-sankey computes the positions; no DOM, no I/O), so the page
 * draws SVG on the server and the tests check the geometry. See docs/decisions/0055-talent-flows.md.
 *
 * - The most frequent companies and destinations get their own node; the rest are grouped into one
 *   "other" node per side, which remembers the slugs it holds (for links and the table).
 * - "Destination unknown" is its own node and never grouped away or dropped: most departures name no
 *   destination, and hiding them would make every flow look complete.
 */
import { sankey, type SankeyGraph, type SankeyLink, type SankeyNode } from "d3-sankey";

export interface FlowCompany {
  slug: string;
  name: string;
}

/** Departures from one company to one destination (null: none on record), as counted by the database. */
export interface FlowPair {
  from: FlowCompany;
  to: FlowCompany | null;
  /** departures in the pair, and how many of them went to a company the person founded */
  n: number;
  founded: number;
}

export type FlowSide = "from" | "to";

export interface FlowNode {
  id: string;
  side: FlowSide;
  kind: "company" | "other" | "unknown";
  label: string;
  /** the companies this node stands for: one, or every company grouped into "other"; none for unknown */
  companies: FlowCompany[];
  n: number;
}

export interface FlowBand {
  id: string;
  source: string;
  target: string;
  n: number;
  founded: number;
}

export interface FlowGroups {
  nodes: FlowNode[];
  bands: FlowBand[];
  total: number;
}

export interface FlowLimits {
  /** companies left drawn as their own node (the rest: "other") */
  sources: number;
  /** destinations drawn as their own node (the rest: "other"; "unknown" never counts against this) */
  targets: number;
}

export const DEFAULT_FLOW_LIMITS: FlowLimits = { sources: 10, targets: 12 };

export const UNKNOWN_LABEL = "Destination unknown";
const OTHER_LABEL: Record<FlowSide, string> = { from: "Other companies", to: "Other destinations" };

const byCountThenName = (a: { n: number; name: string; slug: string }, b: { n: number; name: string; slug: string }) =>
  b.n - a.n || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.slug < b.slug ? -1 : 1);

/** Totals per company on one side, most first (ties by name, then slug: a stable order). */
function ranked(pairs: FlowPair[], side: FlowSide): (FlowCompany & { n: number })[] {
  const totals = new Map<string, FlowCompany & { n: number }>();
  for (const p of pairs) {
    const c = side === "from" ? p.from : p.to;
    if (!c) continue;
    const t = totals.get(c.slug) ?? { ...c, n: 0 };
    t.n += p.n;
    totals.set(c.slug, t);
  }
  return [...totals.values()].sort(byCountThenName);
}

/** Pairs → nodes and bands, the top companies on each side kept, the rest grouped into "other". */
export function groupFlows(pairs: FlowPair[], limits: FlowLimits = DEFAULT_FLOW_LIMITS): FlowGroups {
  const counted = pairs.filter((p) => p.n > 0);
  const nodes: FlowNode[] = [];
  const nodeOf = new Map<string, string>(); // "from:slug" / "to:slug" → node id
  for (const side of ["from", "to"] as const) {
    const all = ranked(counted, side);
    // grouping a single company would only rename it: keep it when it is the only one left over
    const keep = all.length - limits[side === "from" ? "sources" : "targets"] <= 1 ? all.length : limits[side === "from" ? "sources" : "targets"];
    for (const c of all.slice(0, keep)) {
      const id = `${side}:${c.slug}`;
      nodes.push({ id, side, kind: "company", label: c.name, companies: [{ slug: c.slug, name: c.name }], n: c.n });
      nodeOf.set(id, id);
    }
    const rest = all.slice(keep);
    if (rest.length) {
      const id = `${side}:~other`;
      nodes.push({ id, side, kind: "other", label: OTHER_LABEL[side], companies: rest.map(({ slug, name }) => ({ slug, name })), n: 0 });
      for (const c of rest) nodeOf.set(`${side}:${c.slug}`, id);
    }
  }
  const unknown = counted.filter((p) => p.to === null).reduce((s, p) => s + p.n, 0);
  if (unknown > 0) nodes.push({ id: "to:~unknown", side: "to", kind: "unknown", label: UNKNOWN_LABEL, companies: [], n: unknown });

  const bands = new Map<string, FlowBand>();
  for (const p of counted) {
    const source = nodeOf.get(`from:${p.from.slug}`)!;
    const target = p.to ? nodeOf.get(`to:${p.to.slug}`)! : "to:~unknown";
    const id = `${source}→${target}`;
    const band = bands.get(id) ?? { id, source, target, n: 0, founded: 0 };
    band.n += p.n;
    band.founded += p.founded;
    bands.set(id, band);
  }
  for (const node of nodes)
    if (node.kind === "other") node.n = [...bands.values()].filter((b) => b.source === node.id || b.target === node.id).reduce((s, b) => s + b.n, 0);
  const order = (b: FlowBand) => nodes.findIndex((n) => n.id === b.source) * nodes.length + nodes.findIndex((n) => n.id === b.target);
  return { nodes, bands: [...bands.values()].sort((a, b) => order(a) - order(b)), total: counted.reduce((s, p) => s + p.n, 0) };
}

export interface LaidOutNode extends FlowNode {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export interface LaidOutBand extends FlowBand {
  /** the band's centre line (a cubic Bézier from source to target), drawn with stroke width `width` */
  path: string;
  width: number;
  y0: number;
  y1: number;
}

export interface FlowLayout {
  width: number;
  height: number;
  nodes: LaidOutNode[];
  bands: LaidOutBand[];
}

export interface LayoutSize {
  width: number;
  /** room for the labels left of the left column and right of the right column */
  labelWidth: number;
  nodeWidth: number;
  nodePadding: number;
  /** height per departure is chosen so the smallest band is at least this thick */
  minBand: number;
  maxHeight: number;
}

export const DEFAULT_LAYOUT_SIZE: LayoutSize = { width: 760, labelWidth: 210, nodeWidth: 14, nodePadding: 14, minBand: 3, maxHeight: 900 };

const LABEL_MARGIN = 10;

const round = (v: number) => Math.round(v * 10) / 10;

/** Positions for every node and band; the input's order (most first, "other" and "unknown" last) is kept. */
export function layoutFlows(groups: FlowGroups, size: LayoutSize = DEFAULT_LAYOUT_SIZE): FlowLayout {
  if (groups.bands.length === 0) return { width: size.width, height: 0, nodes: [], bands: [] };
  const columns = { from: groups.nodes.filter((n) => n.side === "from"), to: groups.nodes.filter((n) => n.side === "to") };
  const tallest = Math.max(columns.from.length, columns.to.length);
  const smallest = Math.min(...groups.bands.map((b) => b.n));
  // enough height that the thinnest band is visible and every node has room for its label (≥ 18 px)
  const wanted = Math.max((groups.total / smallest) * size.minBand + (tallest - 1) * size.nodePadding, tallest * (18 + size.nodePadding), 120);
  const height = Math.ceil(Math.min(size.maxHeight, wanted));
  const index = new Map(groups.nodes.map((n, i) => [n.id, i]));
  const bandIndex = new Map(groups.bands.map((b, i) => [b.id, i]));
  type N = FlowNode;
  type L = FlowBand;
  const graph: SankeyGraph<N, L> = sankey<N, L>()
    .nodeId((n) => n.id)
    .nodeWidth(size.nodeWidth)
    .nodePadding(size.nodePadding)
    // keep our order: most departures first, grouped and unknown last
    .nodeSort((a, b) => index.get(a.id)! - index.get(b.id)!)
    .linkSort((a, b) => bandIndex.get(a.id)! - bandIndex.get(b.id)!)
    // room above and below for the first and last labels, which are centred on their nodes
    .extent([
      [size.labelWidth, LABEL_MARGIN],
      [size.width - size.labelWidth, height - LABEL_MARGIN],
    ])({
    nodes: groups.nodes.map((n) => ({ ...n })),
    links: groups.bands.map((b) => ({ ...b, value: b.n })) as unknown as SankeyLink<N, L>[],
  });
  const nodes = (graph.nodes as SankeyNode<N, L>[]).map((n) => ({
    id: n.id,
    side: n.side,
    kind: n.kind,
    label: n.label,
    companies: n.companies,
    n: n.n,
    x0: round(n.x0!),
    x1: round(n.x1!),
    y0: round(n.y0!),
    y1: round(n.y1!),
  }));
  const bands = (graph.links as (SankeyLink<N, L> & FlowBand)[]).map((l) => {
    const s = l.source as SankeyNode<N, L>;
    const t = l.target as SankeyNode<N, L>;
    const x0 = s.x1!;
    const x1 = t.x0!;
    const mid = (x0 + x1) / 2;
    const y0 = round(l.y0!);
    const y1 = round(l.y1!);
    return {
      id: l.id,
      source: s.id,
      target: t.id,
      n: l.n,
      founded: l.founded,
      width: Math.max(1, round(l.width!)),
      y0,
      y1,
      path: `M${round(x0)},${y0}C${round(mid)},${y0} ${round(mid)},${y1} ${round(x1)},${y1}`,
    };
  });
  return { width: size.width, height, nodes, bands };
}
