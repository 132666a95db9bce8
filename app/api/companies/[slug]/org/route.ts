import type { NextRequest } from "next/server";
import { loadOrgChart, snapshotJson } from "@/lib/data/org";
import { snapshot } from "@/lib/domain/org-chart";
import { todayIso } from "@/lib/domain/partial-date";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { orgSnapshotParams } from "@/lib/validation/org-params";

/** GET /api/companies/[slug]/org?at=YYYY-MM-DD: the chart on that day (today when omitted). */
export async function GET(request: NextRequest, ctx: RouteContext<"/api/companies/[slug]/org">) {
  const { slug } = await ctx.params;
  const parsed = orgSnapshotParams.safeParse({ at: request.nextUrl.searchParams.get("at") || undefined });
  if (!parsed.success) return Response.json({ error: "Invalid query", fieldErrors: fieldErrorsOf(parsed.error) }, { status: 400 });
  const data = await loadOrgChart(decodeURIComponent(slug));
  if (!data) return Response.json({ error: `No company "${slug}"` }, { status: 404 });
  return Response.json(snapshotJson(data, snapshot(data.positions, data.events, parsed.data.at ?? todayIso())));
}
