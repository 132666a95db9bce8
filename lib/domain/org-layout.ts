/**
 * Tree layout for the org chart, built with d3-hierarchy and drawn left to right (the company on the left,
 * reports to the right) because real orgs are wide and shallow and names need horizontal room. Each
 * subtree takes a band of rows and a manager sits on the row of their first report, so the company is at
 * the top-left where reading starts. Pure geometry: boxes and link paths in SVG user units;
 * components/org/org-svg.ts draws them.
 * See docs/decisions/0031-server-rendered-org-svg.md.
 */
import { hierarchy, type HierarchyNode } from "d3-hierarchy";

export const ROOT_KEY = "~company";

export interface LayoutItem<T> {
  key: string;
  /** null, unknown or looping parents are placed under the root (the company) */
  parentKey: string | null;
  data: T;
}

export interface LayoutBox<T> {
  key: string;
  parentKey: string | null;
  /** top-left corner */
  x: number;
  y: number;
  depth: number;
  /** null for the root */
  data: T | null;
}

export interface LayoutLink {
  from: string;
  to: string;
  /** SVG path: an elbow from the parent's right edge to the child's left edge */
  path: string;
}

export interface OrgLayout<T> {
  width: number;
  height: number;
  nodeWidth: number;
  nodeHeight: number;
  boxes: LayoutBox<T>[];
  links: LayoutLink[];
}

export interface LayoutOptions<T> {
  nodeWidth?: number;
  nodeHeight?: number;
  /** horizontal gap between a parent column and its children */
  gapX?: number;
  /** vertical gap between siblings */
  gapY?: number;
  margin?: number;
  /** order of siblings */
  compare?: (a: T, b: T) => number;
}

interface TreeDatum<T> {
  key: string;
  parentKey: string | null;
  data: T | null;
  children: TreeDatum<T>[];
}

/** Build the tree from parent keys; anything unreachable from the root (a loop) hangs from the root. */
function buildTree<T>(items: LayoutItem<T>[], compare?: (a: T, b: T) => number): TreeDatum<T> {
  const root: TreeDatum<T> = { key: ROOT_KEY, parentKey: null, data: null, children: [] };
  const byKey = new Map<string, TreeDatum<T>>();
  for (const item of items)
    if (!byKey.has(item.key)) byKey.set(item.key, { key: item.key, parentKey: item.parentKey, data: item.data, children: [] });
  const childrenOf = new Map<string, TreeDatum<T>[]>();
  for (const d of byKey.values()) {
    const parent = d.parentKey !== null && d.parentKey !== d.key && byKey.has(d.parentKey) ? d.parentKey : ROOT_KEY;
    const list = childrenOf.get(parent);
    if (list) list.push(d);
    else childrenOf.set(parent, [d]);
  }
  const placed = new Set<string>();
  const attach = (start: TreeDatum<T>) => {
    const queue = [start];
    for (let i = 0; i < queue.length; i++) {
      const d = queue[i];
      placed.add(d.key);
      for (const child of childrenOf.get(d.key) ?? []) {
        if (placed.has(child.key)) continue;
        d.children.push(child);
        queue.push(child);
      }
    }
  };
  attach(root);
  for (const d of byKey.values()) {
    if (placed.has(d.key)) continue;
    d.parentKey = null;
    root.children.push(d);
    attach(d);
  }
  if (compare) {
    const sortDeep = (d: TreeDatum<T>) => {
      d.children.sort((a, b) => compare(a.data as T, b.data as T));
      d.children.forEach(sortDeep);
    };
    sortDeep(root);
  }
  return root;
}

export function layoutOrg<T>(items: LayoutItem<T>[], options: LayoutOptions<T> = {}): OrgLayout<T> {
  const { nodeWidth = 250, nodeHeight = 84, gapX = 32, gapY = 14, margin = 16, compare } = options;
  // value = number of leaves below a node: the rows its band takes
  const root = hierarchy(buildTree(items, compare)).count();
  const rowOf = new Map<HierarchyNode<TreeDatum<T>>, number>([[root, 0]]);
  let maxDepth = 0;
  // a parent sits on the row of its first report; each child subtree gets the next rows (a top-aligned tree)
  root.eachBefore((n) => {
    let row = rowOf.get(n)!;
    if (n.depth > maxDepth) maxDepth = n.depth;
    for (const child of n.children ?? []) {
      rowOf.set(child, row);
      row += child.value!;
    }
  });
  const boxOf = (n: HierarchyNode<TreeDatum<T>>) => ({ x: margin + n.depth * (nodeWidth + gapX), y: margin + rowOf.get(n)! * (nodeHeight + gapY) });

  const boxes: LayoutBox<T>[] = root.descendants().map((n) => ({
    key: n.data.key,
    parentKey: n.parent ? n.parent.data.key : null,
    depth: n.depth,
    data: n.data.data,
    ...boxOf(n),
  }));
  const links: LayoutLink[] = root.links().map(({ source, target }) => {
    const s = boxOf(source);
    const t = boxOf(target);
    const x1 = s.x + nodeWidth;
    const y1 = s.y + nodeHeight / 2;
    const y2 = t.y + nodeHeight / 2;
    const xm = x1 + gapX / 2;
    return { from: source.data.key, to: target.data.key, path: `M${x1},${y1}H${xm}V${y2}H${t.x}` };
  });

  const rows = root.value ?? 1;
  return {
    width: margin * 2 + (maxDepth + 1) * nodeWidth + maxDepth * gapX,
    height: margin * 2 + rows * nodeHeight + (rows - 1) * gapY,
    nodeWidth,
    nodeHeight,
    boxes,
    links,
  };
}
