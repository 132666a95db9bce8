/**
 * The org chart's shape on a day, shared by the drawing (org-layout.ts) and the list that replaces it on a
 * phone, so both say the same thing: the top executive with everyone recorded as reporting to them
 * underneath, and everyone else with no manager on record grouped by role, each with their own recorded
 * reports underneath. No reporting line is invented: someone with no recorded manager is never drawn under
 * the chief executive. Built with d3-hierarchy. See docs/decisions/0060-org-chart-hierarchy.md.
 */
import { hierarchy, type HierarchyNode } from "d3-hierarchy";

export interface TreeItem<T> {
  key: string;
  /** the recorded manager's key; null, unknown or looping managers make the item a root */
  parentKey: string | null;
  data: T;
}

export interface TreeNode<T> {
  key: string;
  data: T;
  children: TreeNode<T>[];
}

export interface OrgTree<T> {
  /** the top executive (or the person above them, when that line is recorded), null when none is on record */
  top: TreeNode<T> | null;
  /** people with no manager on record (other than the top), in groups such as role categories */
  groups: { group: string; roots: TreeNode<T>[] }[];
}

export interface TreeOptions<T> {
  /** order of siblings and of groups (a group comes where its first member sorts) */
  compare?: (a: T, b: T) => number;
  /** a chief executive's title */
  isTop?: (data: T) => boolean;
  /** the group a person with no manager on record is listed in */
  groupOf?: (data: T) => string;
}

/** "CEO", "Interim CEO", "Chief Executive Officer", "President and CEO"; not "CEO of a subsidiary" wording we cannot tell apart. */
export const isChiefExecutiveTitle = (title: string | null | undefined): boolean => !!title && /\bCEO\b|\bchief executive\b/i.test(title);

const ROOT = "~root";

/** Roots and children from parent keys; a loop is cut at the first member reached, which becomes a root. */
function forest<T>(items: TreeItem<T>[], compare?: (a: T, b: T) => number): TreeNode<T>[] {
  const byKey = new Map<string, TreeItem<T>>();
  for (const item of items) if (!byKey.has(item.key)) byKey.set(item.key, item);
  const childrenOf = new Map<string, TreeItem<T>[]>();
  for (const item of byKey.values()) {
    const parent = item.parentKey !== null && item.parentKey !== item.key && byKey.has(item.parentKey) ? item.parentKey : ROOT;
    const list = childrenOf.get(parent);
    if (list) list.push(item);
    else childrenOf.set(parent, [item]);
  }
  const placed = new Set<string>();
  const grow = (item: TreeItem<T>): TreeNode<T> => {
    placed.add(item.key);
    const node: TreeNode<T> = { key: item.key, data: item.data, children: [] };
    for (const child of childrenOf.get(item.key) ?? []) if (!placed.has(child.key)) node.children.push(grow(child));
    return node;
  };
  const roots = (childrenOf.get(ROOT) ?? []).map(grow);
  // what is left is a loop with no way in from a root: its first member becomes a root
  for (const item of byKey.values()) if (!placed.has(item.key)) roots.push(grow(item));
  if (compare) {
    const sortDeep = (list: TreeNode<T>[]) => {
      list.sort((a, b) => compare(a.data, b.data));
      for (const n of list) sortDeep(n.children);
    };
    sortDeep(roots);
  }
  return roots;
}

export function orgTree<T>(items: TreeItem<T>[], options: TreeOptions<T> = {}): OrgTree<T> {
  const { compare, isTop, groupOf = () => "" } = options;
  const roots = forest(items, compare);
  // the top: the root of the tree holding the first chief executive in sibling order (breadth first)
  let top: TreeNode<T> | null = null;
  if (isTop) {
    let best: { root: TreeNode<T>; depth: number } | null = null;
    for (const root of roots) {
      const h = hierarchy(root);
      const found = h.find((n: HierarchyNode<TreeNode<T>>) => isTop(n.data.data));
      if (found && (!best || found.depth < best.depth)) best = { root, depth: found.depth };
    }
    top = best?.root ?? null;
  }
  const groups: OrgTree<T>["groups"] = [];
  for (const root of roots) {
    if (root === top) continue;
    const group = groupOf(root.data);
    const existing = groups.find((g) => g.group === group);
    if (existing) existing.roots.push(root);
    else groups.push({ group, roots: [root] });
  }
  return { top, groups };
}

/** Every node of the tree with its depth below its root, in reading order (the top's tree, then each group). */
export function treeOrder<T>(tree: OrgTree<T>): { node: TreeNode<T>; depth: number; parent: TreeNode<T> | null }[] {
  const out: { node: TreeNode<T>; depth: number; parent: TreeNode<T> | null }[] = [];
  const walk = (node: TreeNode<T>, depth: number, parent: TreeNode<T> | null) => {
    out.push({ node, depth, parent });
    for (const c of node.children) walk(c, depth + 1, node);
  };
  if (tree.top) walk(tree.top, 0, null);
  for (const g of tree.groups) for (const r of g.roots) walk(r, 0, null);
  return out;
}
