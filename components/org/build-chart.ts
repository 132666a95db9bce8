/**
 * One function from chart data and a query to the drawn chart, shared by the page and the SVG download so
 * the file is exactly what the page shows.
 */
import type { OrgChartData } from "@/lib/data/org";
import type { LargeChart } from "@/lib/data/org-view";
import type { RoleGroupKey } from "@/lib/data/org-roster";
import { diff, indexOrg, snapshot, type OrgChartQuery, type OrgDiff, type OrgIndex, type OrgSnapshot } from "@/lib/domain/org-chart";
import { layoutOrg, type LayoutItem, type OrgLayout } from "@/lib/domain/org-layout";
import { isChiefExecutiveTitle } from "@/lib/domain/org-tree";
import { compareViews, diffItems, roleGroupLabel, snapshotItems, type ChartNodeView } from "./chart-model";
import { formatDay } from "./chart-text";
import { groupPageHref, largeDrawing, type LargeDrawing } from "./large-chart";
import { boxHeight, renderOrgSvg, SVG_HEADER } from "./org-svg";

interface Built {
  title: string;
  svg: string;
  index: OrgIndex;
  /** a large chart's groups and open page (null: drawn whole) */
  large: LargeDrawing | null;
}

export type BuiltChart =
  (Built & { mode: "snapshot"; snapshot: OrgSnapshot }) | (Built & { mode: "diff"; from: OrgSnapshot; to: OrgSnapshot; diff: OrgDiff });

const NODE_WIDTH = 260;

/** Group label counts of a large chart (everyone in the group, drawn or not); else the boxes drawn. */
interface Counts {
  group: (group: string) => number;
  unplaced: number;
}

/** The chart's shape: the chief executive on top, recorded reports under their manager, the rest by role. */
export function chartLayout(items: LayoutItem<ChartNodeView>[], counts?: Counts): OrgLayout<ChartNodeView> {
  return layoutOrg(items, {
    nodeWidth: NODE_WIDTH,
    top: SVG_HEADER,
    compare: compareViews,
    heightOf: (v) => boxHeight(v, NODE_WIDTH),
    isTop: (v) => !v.ghost && isChiefExecutiveTitle(v.title),
    groupOf: (v) => v.roleCategory ?? "",
    groupLabel: (g, n) => `${roleGroupLabel(g)} (${(counts ? counts.group(g) : n).toLocaleString("en-US")})`,
    sectionLabel: (n) =>
      `No manager on record (${(counts?.unplaced ?? n).toLocaleString("en-US")}), grouped by role; anyone recorded as reporting to them is drawn under them`,
  });
}

/** Read for the query's days (lib/data/org.ts): a snapshot of another day would miss tenures. */
type ChartData = Pick<OrgChartData, "company" | "positions" | "events"> & Partial<Pick<OrgChartData, "changeDays">> & { large?: LargeChart | null };

const personOf = (key: string) => Number(key.slice(1));

function drawLarge(items: LayoutItem<ChartNodeView>[], data: ChartData, query: OrgChartQuery, changed?: Set<number>) {
  const href = (group: RoleGroupKey, page: number) => groupPageHref(data.company.slug, query, group, page);
  const drawing = largeDrawing(items, data.large!, { personOf, href, pageSize: data.large!.pageSize, changed });
  return { drawing, layout: chartLayout(drawing.items, { group: drawing.countOf, unplaced: drawing.unplaced }) };
}

export function buildOrgChart(data: ChartData, query: OrgChartQuery, origin = ""): BuiltChart {
  const index = indexOrg(data.positions, data.events, data.changeDays);
  const company = data.company;
  const large = data.large ?? null;
  if (query.mode === "snapshot") {
    const s = snapshot(index, null, query.at);
    const title = `${company.name} on ${formatDay(query.at)}`;
    const drawn = large ? drawLarge(snapshotItems(s), data, query) : null;
    const layout = drawn?.layout ?? chartLayout(snapshotItems(s));
    const people = large ? large.total : s.nodes.length;
    const description = `Org chart of ${company.name} as the sources place it on ${formatDay(query.at)}: ${people} people, the chief executive at the top and each person under the manager the sources name${
      large ? "; with this many people, each role group is one box that opens the group" : ""
    }. Dashed, hatched boxes have a start or end known only to a month, year or range.`;
    return {
      mode: "snapshot",
      title,
      index,
      snapshot: s,
      large: drawn?.drawing ?? null,
      svg: renderOrgSvg(layout, { title, description, company, origin }),
    };
  }
  const from = snapshot(index, null, query.from);
  const to = snapshot(index, null, query.to);
  const d = diff(from, to);
  const title = `${company.name}: changes from ${formatDay(query.from)} to ${formatDay(query.to)}`;
  const items = diffItems(d, from, to);
  const drawn = large ? drawLarge(items, data, query, new Set(d.changes.map((c) => c.person.id))) : null;
  const layout = drawn?.layout ?? chartLayout(items);
  const description = `Org chart of ${company.name} on ${formatDay(query.to)} with the ${d.changes.length} changes since ${formatDay(query.from)} marked; people who left are drawn faded where they used to sit${
    large ? "; with this many people, each role group is one box that opens the people in it who changed" : ""
  }.`;
  return {
    mode: "diff",
    title,
    index,
    from,
    to,
    diff: d,
    large: drawn?.drawing ?? null,
    svg: renderOrgSvg(layout, { title, description, company, origin }),
  };
}

/**
 * Charts built from remembered rows: a large diff's drawn rows are the same objects while the company's
 * tenures are unchanged (lib/data/org-view.ts, lib/data/tenure-memo.ts), so the same rows, query and
 * drawing give the same chart (30–35 ms to build for 1,700 changes). Other data is read per request: its
 * rows are new objects every time, and nothing is kept for them beyond the request.
 */
const built = new WeakMap<object, { events: object; charts: Map<string, BuiltChart> }>();
/** Charts kept per set of rows (days compared once, groups opened, origins). */
const BUILT_KEPT = 8;

export function buildOrgChartOnce(data: ChartData, query: OrgChartQuery, origin = ""): BuiltChart {
  const large = data.large ?? null;
  const key = JSON.stringify([
    query,
    origin,
    data.company.slug,
    data.company.name,
    data.changeDays?.join() ?? null,
    large && [large.total, large.open, large.pageSize, large.page],
  ]);
  let entry = built.get(data.positions);
  if (entry?.events !== data.events) built.set(data.positions, (entry = { events: data.events, charts: new Map() }));
  const known = entry.charts.get(key);
  if (known) return known;
  const chart = buildOrgChart(data, query, origin);
  entry.charts.set(key, chart);
  if (entry.charts.size > BUILT_KEPT) entry.charts.delete(entry.charts.keys().next().value!);
  return chart;
}
