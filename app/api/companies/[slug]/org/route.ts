import type { NextRequest } from "next/server";
import { loadOrgChart, snapshotJson } from "@/lib/data/org";
import { indexOrg, snapshot } from "@/lib/domain/org-chart";
import { todayIso } from "@/lib/domain/partial-date";
import { orgSnapshotParams } from "@/lib/validation/org-params";
import { slugParam } from "@/lib/http/errors";
import { json, notFound, parseQuery } from "@/lib/http/respond";

/** GET /api/companies/[slug]/org?at=YYYY-MM-DD: the chart on that day (today when omitted). */
export async function GET(request: NextRequest, ctx: RouteContext<"/api/companies/[slug]/org">) {
  const slug = slugParam((await ctx.params).slug);
  const params = new URLSearchParams(request.nextUrl.searchParams);
  if (params.get("at") === "") params.delete("at"); // the stepper's blank field: today
  const parsed = parseQuery(orgSnapshotParams, params);
  if (!parsed.ok) return parsed.response;
  const at = parsed.data.at ?? todayIso();
  const data = slug === null ? null : await loadOrgChart(slug, { mode: "snapshot", at });
  if (!data) return notFound(`company "${slug ?? ""}"`);
  return json(snapshotJson(data, snapshot(indexOrg(data.positions, data.events, data.changeDays), null, at)), { cache: "no-store" });
}
