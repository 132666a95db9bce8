import type { NextRequest } from "next/server";
import { diffJson, loadOrgChart } from "@/lib/data/org";
import { diff, indexOrg, snapshot } from "@/lib/domain/org-chart";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { orgDiffParams } from "@/lib/validation/org-params";
import { jsonError, slugParam } from "@/lib/http/errors";

/** GET /api/companies/[slug]/org/diff?from=YYYY-MM-DD&to=YYYY-MM-DD: what changed between the two days, typed. */
export async function GET(request: NextRequest, ctx: RouteContext<"/api/companies/[slug]/org/diff">) {
  const slug = slugParam((await ctx.params).slug);
  const search = request.nextUrl.searchParams;
  const parsed = orgDiffParams.safeParse({ from: search.get("from") ?? "", to: search.get("to") ?? "" });
  if (!parsed.success) return jsonError(400, "Invalid query", fieldErrorsOf(parsed.error));
  const data = slug === null ? null : await loadOrgChart(slug);
  if (!data) return jsonError(404, `No company "${slug ?? ""}"`);
  const index = indexOrg(data.positions, data.events);
  const changes = diff(snapshot(index, null, parsed.data.from), snapshot(index, null, parsed.data.to));
  return Response.json(diffJson(data, changes));
}
