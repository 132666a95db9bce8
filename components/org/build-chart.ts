/**
 * One function from chart data and a query to the drawn chart, shared by the page and the SVG download so
 * the file is exactly what the page shows.
 */
import type { OrgChartData } from "@/lib/data/org";
import { diff, indexOrg, snapshot, type OrgChartQuery, type OrgDiff, type OrgIndex, type OrgSnapshot } from "@/lib/domain/org-chart";
import { layoutOrg, type LayoutItem, type OrgLayout } from "@/lib/domain/org-layout";
import { isChiefExecutiveTitle } from "@/lib/domain/org-tree";
import { compareViews, diffItems, roleGroupLabel, snapshotItems, type ChartNodeView } from "./chart-model";
import { formatDay } from "./chart-text";
import { boxHeight, renderOrgSvg, SVG_HEADER } from "./org-svg";

export type BuiltChart =
  | { mode: "snapshot"; title: string; svg: string; index: OrgIndex; snapshot: OrgSnapshot }
  | { mode: "diff"; title: string; svg: string; index: OrgIndex; from: OrgSnapshot; to: OrgSnapshot; diff: OrgDiff };

const NODE_WIDTH = 260;

/** The chart's shape: the chief executive on top, recorded reports under their manager, the rest by role. */
export function chartLayout(items: LayoutItem<ChartNodeView>[]): OrgLayout<ChartNodeView> {
  return layoutOrg(items, {
    nodeWidth: NODE_WIDTH,
    top: SVG_HEADER,
    compare: compareViews,
    heightOf: (v) => boxHeight(v, NODE_WIDTH),
    isTop: (v) => !v.ghost && isChiefExecutiveTitle(v.title),
    groupOf: (v) => v.roleCategory ?? "",
    groupLabel: (g, n) => `${roleGroupLabel(g)} (${n})`,
    sectionLabel: (n) => `No manager on record (${n}), grouped by role; anyone recorded as reporting to them is drawn under them`,
  });
}

/** Read for the query's days (lib/data/org.ts): a snapshot of another day would miss tenures. */
type ChartData = Pick<OrgChartData, "company" | "positions" | "events"> & Partial<Pick<OrgChartData, "changeDays">>;

export function buildOrgChart(data: ChartData, query: OrgChartQuery, origin = ""): BuiltChart {
  const index = indexOrg(data.positions, data.events, data.changeDays);
  const company = data.company;
  if (query.mode === "snapshot") {
    const s = snapshot(index, null, query.at);
    const title = `${company.name} on ${formatDay(query.at)}`;
    const layout = chartLayout(snapshotItems(s));
    const description = `Org chart of ${company.name} as the sources place it on ${formatDay(query.at)}: ${s.nodes.length} people, the chief executive at the top and each person under the manager the sources name. Dashed, hatched boxes have a start or end known only to a month, year or range.`;
    return { mode: "snapshot", title, index, snapshot: s, svg: renderOrgSvg(layout, { title, description, company, origin }) };
  }
  const from = snapshot(index, null, query.from);
  const to = snapshot(index, null, query.to);
  const d = diff(from, to);
  const title = `${company.name}: changes from ${formatDay(query.from)} to ${formatDay(query.to)}`;
  const layout = chartLayout(diffItems(d, from, to));
  const description = `Org chart of ${company.name} on ${formatDay(query.to)} with the ${d.changes.length} changes since ${formatDay(query.from)} marked; people who left are drawn faded where they used to sit.`;
  return { mode: "diff", title, index, from, to, diff: d, svg: renderOrgSvg(layout, { title, description, company, origin }) };
}
