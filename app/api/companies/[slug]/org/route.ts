import type { NextRequest } from "next/server";
import { loadOrgChart, snapshotJson } from "@/lib/data/org";
import { snapshot } from "@/lib/domain/org-chart";
import { todayIso } from "@/lib/domain/partial-date";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { orgSnapshotParams } from "@/lib/validation/org-params";
import { jsonError, slugParam } from "@/lib/http/errors";

/** GET /api/companies/[slug]/org?at=YYYY-MM-DD: the chart on that day (today when omitted). */
export async function GET(request: NextRequest, ctx: RouteContext<"/api/companies/[slug]/org">) {
  const slug = slugParam((await ctx.params).slug);
  const parsed = orgSnapshotParams.safeParse({ at: request.nextUrl.searchParams.get("at") || undefined });
  if (!parsed.success) return jsonError(400, "Invalid query", fieldErrorsOf(parsed.error));
  const data = slug === null ? null : await loadOrgChart(slug);
  if (!data) return jsonError(404, `No company "${slug ?? ""}"`);
  return Response.json(snapshotJson(data, snapshot(data.positions, data.events, parsed.data.at ?? todayIso())));
}
