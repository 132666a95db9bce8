/**
 * A large chart's drawing (lib/data/org-view.ts): the reporting structure in full, each role group as one
 * box that counts its people and opens the group, and the open group a page at a time (a snapshot: its
 * people in name order; a diff: its people who changed). Group labels count the whole chart's people, as
 * the chart drawn whole would.
 */
import type { OrgChartQuery } from "@/lib/domain/org-chart";
import { groupParam } from "@/lib/validation/org-params";
import { orgHref } from "./timeline";
import type { LargeChart } from "@/lib/data/org-view";
import type { RoleGroupKey } from "@/lib/data/org-roster";
import type { LayoutItem } from "@/lib/domain/org-layout";
import { isChiefExecutiveTitle, orgTree } from "@/lib/domain/org-tree";
import { compareViews, roleGroupLabel, type ChartNodeView } from "./chart-model";

/** The chart's day (or days) in a URL. */
export const dayParams = (query: OrgChartQuery): Record<string, string> =>
  query.mode === "snapshot" ? { at: query.at } : { from: query.from, to: query.to };

/** A page of a role group on the chart of `query`, scrolled to the chart. */
export const groupPageHref = (slug: string, query: OrgChartQuery, group: RoleGroupKey, page: number) =>
  `${orgHref(slug, { ...dayParams(query), group: groupParam(group), page: String(page) })}#org-chart-heading`;

export interface GroupCount {
  group: RoleGroupKey;
  label: string;
  /** everyone in the group on the chart (drawn or not) */
  count: number;
  /** a diff: how many of them changed */
  changed: number | null;
}

export interface LargeDrawing {
  items: LayoutItem<ChartNodeView>[];
  /** per group, for the labels and the side list */
  groups: GroupCount[];
  /** people with no manager on record, drawn or not */
  unplaced: number;
  /** everyone in a group, drawn or not (what its labels say) */
  countOf: (group: RoleGroupKey) => number;
  /** the people drawn (by person id) */
  drawn: Set<number>;
  /** the open group's page, or null */
  open: { group: RoleGroupKey; label: string; page: number; pages: number; first: number; last: number; of: number } | null;
}

const groupOfItem = (v: ChartNodeView): RoleGroupKey => v.roleCategory ?? "";

function box(
  key: string,
  group: RoleGroupKey,
  fields: Pick<ChartNodeView, "name" | "title" | "lines" | "href" | "order">,
): LayoutItem<ChartNodeView> {
  return {
    key,
    parentKey: null,
    data: {
      slug: "",
      startUncertain: false,
      endUncertain: false,
      badge: null,
      change: null,
      ghost: false,
      evidenceEventId: null,
      claimCount: 0,
      roleCategory: group || null,
      box: "group",
      ...fields,
    },
  };
}

const people = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "person" : "people"}`;

/** How many of the items fall in each group. */
function countByGroup(items: LayoutItem<ChartNodeView>[]): Map<RoleGroupKey, number> {
  const counts = new Map<RoleGroupKey, number>();
  for (const i of items) counts.set(groupOfItem(i.data), (counts.get(groupOfItem(i.data)) ?? 0) + 1);
  return counts;
}

/**
 * From every item the chart could draw (one per person read, ghosts included, keyed "p<personId>"), the
 * ones drawn: the structure, the open group's page, and a box for each other group. `large.groups` counts
 * each group's people outside the structure (SQL); `changed` (a diff) names the people who changed.
 */
export function largeDrawing(
  all: LayoutItem<ChartNodeView>[],
  large: LargeChart,
  options: { personOf: (key: string) => number; href: (group: RoleGroupKey, page: number) => string; pageSize: number; changed?: Set<number> },
): LargeDrawing {
  const { personOf, href, pageSize, changed } = options;
  const structured = all.filter((i) => large.structured.has(personOf(i.key)));
  // a snapshot also read the people whose place changed on its step (for the step summary): not drawn
  const page = new Set(large.page);
  const rest = all.filter((i) => !large.structured.has(personOf(i.key)) && (changed !== undefined || page.has(personOf(i.key))));
  // the structure's own roots per group, exactly as the layout will place them
  const tree = orgTree(structured, { compare: compareViews, isTop: (v) => !v.ghost && isChiefExecutiveTitle(v.title), groupOf: groupOfItem });
  const structuredRoots = new Map(tree.groups.map((g) => [g.group, g.roots.length]));
  // a diff also draws the people who left, where they used to sit: counted in their old group
  const ghosts = countByGroup(rest.filter((i) => i.data.ghost));
  // in a diff, people in the structure only on the earlier day are drawn with it, and counted by SQL in their group too
  const twice = countByGroup(structured.filter((i) => !i.data.ghost && !large.structuredOnDay.has(personOf(i.key))));
  const restOf = new Map<RoleGroupKey, LayoutItem<ChartNodeView>[]>();
  for (const i of rest) {
    const list = restOf.get(groupOfItem(i.data));
    if (list) list.push(i);
    else restOf.set(groupOfItem(i.data), [i]);
  }
  // the people of a group an open group lists: a snapshot's page, a diff's changed people in chart order
  const listedOf = (group: RoleGroupKey) => {
    const members = restOf.get(group) ?? [];
    return changed ? members.filter((i) => changed.has(personOf(i.key))).sort((a, b) => compareViews(a.data, b.data)) : members;
  };
  const keys = new Set([...structuredRoots.keys(), ...large.groups.keys(), ...ghosts.keys()]);

  const groups: GroupCount[] = [...keys].map((group) => ({
    group,
    label: roleGroupLabel(group),
    count: (structuredRoots.get(group) ?? 0) + (large.groups.get(group) ?? 0) - (twice.get(group) ?? 0) + (ghosts.get(group) ?? 0),
    changed: changed ? listedOf(group).length : null,
  }));
  groups.sort((a, b) => compareViews(view(a.group), view(b.group)));

  const items = [...structured];
  let open: LargeDrawing["open"] = null;
  for (const g of groups) {
    const listed = listedOf(g.group);
    const of = changed ? listed.length : (large.groups.get(g.group) ?? 0);
    if (large.open?.group === g.group && of > 0) {
      const pages = Math.max(1, Math.ceil(of / pageSize));
      const page = Math.min(large.open.page, pages);
      // a snapshot read just this page; a diff read every changed person and pages them here
      const shown = changed ? listed.slice((page - 1) * pageSize, page * pageSize) : listed;
      const first = (page - 1) * pageSize + 1;
      const last = first + shown.length - 1;
      open = { group: g.group, label: g.label, page, pages, first, last, of };
      items.push(...shown);
      if (page > 1)
        items.push(
          box(`prev-${g.group}`, g.group, {
            name: `Previous ${pageSize}`,
            title: `${g.label}, ${first - pageSize}–${first - 1}`,
            lines: [],
            href: href(g.group, page - 1),
            order: -1,
          }),
        );
      if (page < pages)
        items.push(
          box(`next-${g.group}`, g.group, {
            name: `Next ${Math.min(pageSize, of - last)}`,
            title: `${g.label}, ${last + 1}–${Math.min(of, last + pageSize)} of ${of.toLocaleString("en-US")}`,
            lines: [],
            href: href(g.group, page + 1),
            order: 1,
          }),
        );
      continue;
    }
    const hidden = changed ? of : (large.groups.get(g.group) ?? 0);
    if (hidden === 0) continue;
    items.push(
      box(`group-${g.group}`, g.group, {
        name: changed ? `${people(hidden)} changed` : `${people(hidden)}${structuredRoots.get(g.group) ? " more" : ""}`,
        title: changed ? `of ${people(large.groups.get(g.group) ?? 0)} in ${g.label} on the later day` : `in ${g.label}, not drawn`,
        lines: [`Show them, ${pageSize} at a time`],
        href: href(g.group, 1),
        order: 1,
      }),
    );
  }
  const drawn = new Set(items.filter((i) => !i.data.box).map((i) => personOf(i.key)));
  const counts = new Map(groups.map((g) => [g.group, g.count]));
  return { items, groups, unplaced: groups.reduce((n, g) => n + g.count, 0), countOf: (group) => counts.get(group) ?? 0, drawn, open };
}

/** A stand-in view for ordering groups the way the layout orders them (by role category). */
const view = (group: RoleGroupKey) => ({ ghost: false, roleCategory: group || null, name: "", order: 0 }) as ChartNodeView;
