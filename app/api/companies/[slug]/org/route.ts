import type { NextRequest } from "next/server";
import { loadOrgChart, snapshotJson } from "@/lib/data/org";
import { groupedSnapshotJson, loadOrgView } from "@/lib/data/org-view";
import { indexOrg, snapshot } from "@/lib/domain/org-chart";
import { todayIso } from "@/lib/domain/partial-date";
import { groupOfParam, orgApiParams } from "@/lib/validation/org-params";
import { slugParam } from "@/lib/http/errors";
import { json, notFound, parseQuery } from "@/lib/http/respond";

/**
 * GET /api/companies/[slug]/org?at=YYYY-MM-DD: the chart on that day (today when omitted), every person.
 * With `group=engineering&page=2` (`none` for no role on record), the chart by role group as the page
 * draws a large one: the reporting structure, each group's count, one page of the group. Any size of company.
 */
export async function GET(request: NextRequest, ctx: RouteContext<"/api/companies/[slug]/org">) {
  const slug = slugParam((await ctx.params).slug);
  const params = new URLSearchParams(request.nextUrl.searchParams);
  if (params.get("at") === "") params.delete("at"); // the stepper's blank field: today
  const parsed = parseQuery(orgApiParams, params);
  if (!parsed.ok) return parsed.response;
  const at = parsed.data.at ?? todayIso();
  const { group, page = 1 } = parsed.data;
  if (group !== undefined) {
    const open = { group: groupOfParam(group), page };
    const view = slug === null ? null : await loadOrgView(slug, { mode: "snapshot", at }, open, { largeFrom: -1 });
    if (!view) return notFound(`company "${slug ?? ""}"`);
    return json(groupedSnapshotJson(view, snapshot(indexOrg(view.positions, view.events, view.changeDays), null, at)), { cache: "no-store" });
  }
  const data = slug === null ? null : await loadOrgChart(slug, { mode: "snapshot", at });
  if (!data) return notFound(`company "${slug ?? ""}"`);
  return json(snapshotJson(data, snapshot(indexOrg(data.positions, data.events, data.changeDays), null, at)), { cache: "no-store" });
}
