/**
 * What the org chart page and its SVG download read. A chart of a few hundred people is read and drawn
 * whole (queryOrgChart); past that, drawing everyone helps no reader and costs seconds, so the chart is
 * drawn by group: the reporting structure and possible chief executives in full, everyone else counted
 * by role group (lib/data/org-roster.ts), with one group opened a page at a time. Only the people drawn,
 * and those whose place can change on the days compared (the step summary, the diff), are read in full,
 * so the cost follows what is drawn, not the company's size. See docs/decisions/0091-large-org-charts.md.
 */
import type { Db } from "@/lib/db-factory";
import { dayBefore, stepDayOf, type OrgChartQuery, type OrgSnapshot } from "@/lib/domain/org-chart";
import { roleCategoryRank, roleGroupLabel } from "@/lib/domain/vocabulary";
import { groupParam } from "@/lib/validation/org-params";
import { CHANGE_DAYS, nodeJson, queryOrgChart, storedChangeDays, type DrawnRows, type OrgChartData } from "./org";
import { changedBetween, readChangeIndex, readTenureTable, rosterFrom, rosterPage, type RoleGroupKey } from "./org-roster";
import { tenureMemo } from "./tenure-memo";

/** People on a day above which the chart is drawn by group. */
export const LARGE_CHART = 300;
/** People of an open group drawn per page. */
export const GROUP_PAGE = 50;
/** The tenures' compact rows' name in a company's tenure memo. */
const TENURES = "tenures";

/** The role group opened on a large chart, and which page of it (1-based). */
export interface OpenGroup {
  group: RoleGroupKey;
  page: number;
}

export interface LargeChart {
  /** the day counted: the snapshot's, a diff's "to" */
  day: string;
  /** people on that day */
  total: number;
  /** people outside the structure by role group, on that day */
  groups: Map<RoleGroupKey, number>;
  /** people drawn in full whatever is open (on either day of a diff) */
  structured: Set<number>;
  /** those of them in the structure on `day` (the rest of `structured` is counted in `groups` too) */
  structuredOnDay: Set<number>;
  open: OpenGroup | null;
  /** a snapshot's open page: its people in name order */
  page: number[];
  /** people of an open group drawn per page */
  pageSize: number;
}

export type OrgView = OrgChartData & { large: LargeChart | null };

export interface ViewOptions {
  /** LARGE_CHART unless a test wants a small company drawn by group */
  largeFrom?: number;
  pageSize?: number;
}

export async function queryOrgView(
  client: Db,
  slug: string,
  query: OrgChartQuery,
  open: OpenGroup | null,
  { largeFrom = LARGE_CHART, pageSize = GROUP_PAGE }: ViewOptions = {},
): Promise<OrgView | null> {
  const company = await client.company.findUnique({ where: { slug }, select: { id: true } });
  if (!company) return null;
  const id = company.id;
  const day = query.mode === "snapshot" ? query.at : query.to;
  // what the company's tenures say, remembered until they change (lib/data/tenure-memo.ts): the tenures'
  // compact rows (35,533 on the benchmark's largest company: 120–150 ms to read, once), from which each day's roster
  // is counted in memory (3–10 ms, where a query per day took 25–90 ms) and kept, the timeline's stops, the index of
  // who changes on which day
  const memo = await tenureMemo(client, id);
  const tenures = await memo.get(TENURES, () => readTenureTable(client, id));
  const rosterAt = (d: string) => memo.get(`roster:${d}`, async () => rosterFrom(tenures, d));
  const [roster, before] = await Promise.all([rosterAt(day), query.mode === "diff" ? rosterAt(query.from) : null]);
  if (Math.max(roster.total, before?.total ?? 0) <= largeFrom) {
    const data = await queryOrgChart(client, slug, query);
    return data && { ...data, large: null };
  }

  // the timeline's stops: a snapshot steps along them; a diff draws no timeline
  const changeDays = query.mode === "snapshot" ? await memo.get(CHANGE_DAYS, () => storedChangeDays(client, id)) : [];
  const size = open ? (roster.groups.get(open.group) ?? 0) : 0;
  const opened = open && size > 0 ? { group: open.group, page: Math.min(open.page, Math.ceil(size / pageSize)) } : null;
  // a snapshot draws one page of the open group; a diff draws the changed people of it (known once diffed)
  const page = query.mode === "snapshot" && opened ? await rosterPage(client, id, day, opened.group, (opened.page - 1) * pageSize, pageSize) : [];
  // whose place can differ between the two days compared: a diff's ends, or the step the snapshot is on
  const step = query.mode === "snapshot" ? stepDayOf(changeDays, query.at) : null;
  const range = query.mode === "diff" ? (query.from < query.to ? [query.from, query.to] : null) : step ? [dayBefore(step), query.at] : null;
  const changed = range ? changedBetween(await memo.get("changeIndex", () => readChangeIndex(client, id, tenures)), range[0], range[1]) : [];

  const structured = new Set([...roster.structured, ...(before?.structured ?? [])]);
  const people = [...new Set([...structured, ...page, ...changed])].sort((a, b) => a - b);
  // a diff lists a page of its changes: their sources are read then (readOrgSources), not those of every change.
  // Its people (the structure of both days and whoever may change between them: 1,700 people, 1,800
  // tenures, 2,000 events and 4,000 claims on the benchmark's largest company, ~45 ms) are a function of
  // the tenures, and what is read of them too (tenure-memo.ts): remembered for the two days.
  const remember =
    query.mode === "diff" ? (read: () => Promise<DrawnRows>) => memo.get(`drawn:${query.from}:${query.to}`, read, { large: true }) : undefined;
  const data = await queryOrgChart(client, slug, query, { people, changeDays, sources: query.mode === "snapshot", remember });
  return (
    data && {
      ...data,
      large: {
        day,
        total: roster.total,
        groups: roster.groups,
        structured,
        structuredOnDay: new Set(roster.structured),
        open: opened,
        page,
        pageSize,
      },
    }
  );
}

export async function loadOrgView(slug: string, query: OrgChartQuery, open: OpenGroup | null, options?: ViewOptions): Promise<OrgView | null> {
  const { db } = await import("@/lib/db");
  return queryOrgView(db, slug, query, open, options);
}

/**
 * GET /api/companies/[slug]/org?group=: a snapshot by role group, whatever the company's size: the people
 * in the reporting structure, how many people each group holds outside it, and one page of the open group
 * (in name order), each person with their evidence as in the whole snapshot's JSON.
 */
export function groupedSnapshotJson(view: OrgView, s: OrgSnapshot) {
  const large = view.large!;
  const byPerson = new Map(s.nodes.map((n) => [n.person.id, n]));
  const nodes = (ids: Iterable<number>) => [...ids].flatMap((id) => (byPerson.has(id) ? [nodeJson(byPerson.get(id)!, view.sources)] : []));
  const size = large.open ? (large.groups.get(large.open.group) ?? 0) : 0;
  return {
    company: { name: view.company.name, slug: view.company.slug },
    at: s.at,
    previousChange: s.previousChange,
    nextChange: s.nextChange,
    total: large.total,
    structure: nodes(s.nodes.map((n) => n.person.id).filter((id) => large.structured.has(id))),
    groups: [...large.groups]
      .sort(([a], [b]) => roleCategoryRank(a || null) - roleCategoryRank(b || null))
      .map(([group, people]) => ({ group: groupParam(group), label: roleGroupLabel(group), people })),
    open: large.open && {
      group: groupParam(large.open.group),
      page: large.open.page,
      pages: Math.ceil(size / large.pageSize),
      pageSize: large.pageSize,
      people: nodes(large.page),
    },
  };
}
