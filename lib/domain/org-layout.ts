/**
 * Geometry of the org chart, drawn top down: the top executive at the top, centred over one column per
 * direct report; each column is that report's own team as an indented stack (a manager, then their
 * reports one step in, and so on), which keeps a wide org readable without a huge row of boxes. Everyone
 * with no manager on record follows in a labelled section, in columns by group (role category), each with
 * their recorded reports indented under them. Boxes have the height their wrapped text needs.
 * The shape comes from org-tree.ts; components/org/org-svg.ts draws it.
 * See docs/decisions/0031-server-rendered-org-svg.md and 0060-org-chart-hierarchy.md.
 */
import { orgTree, type TreeItem, type TreeNode, type TreeOptions } from "./org-tree";

export type LayoutItem<T> = TreeItem<T>;

export interface LayoutBox<T> {
  key: string;
  /** the box this one hangs from in the drawing (its recorded manager), null for the top and group roots */
  parentKey: string | null;
  /** top-left corner */
  x: number;
  y: number;
  width: number;
  height: number;
  /** steps below the top executive or below a group root */
  depth: number;
  data: T;
}

export interface LayoutLink {
  from: string;
  to: string;
  /** SVG path from the manager's box to the report's */
  path: string;
}

export interface LayoutLabel {
  x: number;
  /** baseline */
  y: number;
  text: string;
  kind: "section" | "group";
}

export interface OrgLayout<T> {
  width: number;
  height: number;
  nodeWidth: number;
  boxes: LayoutBox<T>[];
  links: LayoutLink[];
  labels: LayoutLabel[];
  /** the key of the top executive's tree root, null when no chief executive is on record */
  topKey: string | null;
}

export interface LayoutOptions<T> extends TreeOptions<T> {
  nodeWidth?: number;
  /** a box's height, from the text it has to hold */
  heightOf?: (data: T) => number;
  /** horizontal gap between columns */
  gapX?: number;
  /** vertical gap between boxes in a column */
  gapY?: number;
  /** how far a report is set in from their manager in a column */
  indent?: number;
  margin?: number;
  /** room kept free above the chart (the SVG's heading) */
  top?: number;
  /** columns per row in the "no manager on record" section */
  maxColumns?: number;
  groupLabel?: (group: string, count: number) => string;
  sectionLabel?: (count: number) => string;
}

const LABEL = 22;

export function layoutOrg<T>(items: LayoutItem<T>[], options: LayoutOptions<T> = {}): OrgLayout<T> {
  const {
    nodeWidth = 260,
    heightOf = () => 84,
    gapX = 28,
    gapY = 10,
    indent = 22,
    margin = 16,
    top: headerRoom = 0,
    maxColumns = 4,
    groupLabel = (g, n) => `${g || "Other"} (${n})`,
    sectionLabel = (n) => `No manager on record (${n})`,
  } = options;
  const tree = orgTree(items, options);
  const boxes: LayoutBox<T>[] = [];
  const links: LayoutLink[] = [];
  const labels: LayoutLabel[] = [];
  let right = margin + nodeWidth;

  /** A subtree as an indented stack from (x, y); returns its bottom edge. */
  const stack = (root: TreeNode<T>, x: number, y: number, parent: LayoutBox<T> | null, baseDepth: number): number => {
    let cursor = y;
    const walk = (n: TreeNode<T>, depth: number, up: LayoutBox<T> | null) => {
      const box: LayoutBox<T> = {
        key: n.key,
        parentKey: up?.key ?? null,
        x: x + (depth - baseDepth) * indent,
        y: cursor,
        width: nodeWidth,
        height: heightOf(n.data),
        depth,
        data: n.data,
      };
      boxes.push(box);
      right = Math.max(right, box.x + box.width);
      cursor += box.height + gapY;
      if (up && depth > baseDepth)
        links.push({ from: up.key, to: n.key, path: `M${up.x + indent / 2},${up.y + up.height}V${box.y + box.height / 2}H${box.x}` });
      for (const c of n.children) walk(c, depth + 1, box);
    };
    walk(root, baseDepth, parent);
    return cursor - gapY;
  };
  const stackWidth = (n: TreeNode<T>): number => {
    let deepest = 0;
    const walk = (m: TreeNode<T>, d: number) => {
      deepest = Math.max(deepest, d);
      m.children.forEach((c) => walk(c, d + 1));
    };
    walk(n, 0);
    return nodeWidth + deepest * indent;
  };

  let bottom = margin + headerRoom;
  if (tree.top) {
    const t = tree.top;
    const widths = t.children.map(stackWidth);
    const span = widths.reduce((a, b) => a + b, 0) + Math.max(0, widths.length - 1) * gapX;
    const topBox: LayoutBox<T> = {
      key: t.key,
      parentKey: null,
      x: margin + Math.max(0, (span - nodeWidth) / 2),
      y: bottom,
      width: nodeWidth,
      height: heightOf(t.data),
      depth: 0,
      data: t.data,
    };
    boxes.push(topBox);
    right = Math.max(right, topBox.x + nodeWidth);
    bottom = topBox.y + topBox.height;
    if (t.children.length) {
      const childY = bottom + 36;
      const busY = bottom + 18;
      const cx = topBox.x + nodeWidth / 2;
      let x = margin;
      let lowest = childY;
      t.children.forEach((c, i) => {
        links.push({ from: t.key, to: c.key, path: `M${cx},${topBox.y + topBox.height}V${busY}H${x + nodeWidth / 2}V${childY}` });
        lowest = Math.max(lowest, stack(c, x, childY, topBox, 1));
        x += widths[i] + gapX;
      });
      bottom = lowest;
    }
  }

  const count = tree.groups.reduce((n, g) => n + g.roots.length, 0);
  if (count > 0) {
    let y = tree.top ? bottom + 40 : bottom;
    labels.push({ x: margin, y: y + 14, text: sectionLabel(count), kind: "section" });
    y += LABEL + 8;
    for (let i = 0; i < tree.groups.length; i += maxColumns) {
      const row = tree.groups.slice(i, i + maxColumns);
      let x = margin;
      let rowBottom = y;
      for (const g of row) {
        labels.push({ x, y: y + 14, text: groupLabel(g.group, g.roots.length), kind: "group" });
        let cy = y + LABEL;
        let width = nodeWidth;
        for (const r of g.roots) {
          cy = stack(r, x, cy, null, 0) + gapY * 2;
          width = Math.max(width, stackWidth(r));
        }
        rowBottom = Math.max(rowBottom, cy - gapY * 2);
        x += width + gapX;
      }
      y = rowBottom + 28;
      bottom = rowBottom;
    }
  }

  return {
    width: right + margin,
    height: Math.max(bottom, margin + headerRoom) + margin,
    nodeWidth,
    boxes,
    links,
    labels,
    topKey: tree.top?.key ?? null,
  };
}
