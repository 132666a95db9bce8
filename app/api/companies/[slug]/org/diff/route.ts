import type { NextRequest } from "next/server";
import { diffJson, loadOrgChart } from "@/lib/data/org";
import { diff, indexOrg, snapshot } from "@/lib/domain/org-chart";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { orgDiffParams } from "@/lib/validation/org-params";

/** GET /api/companies/[slug]/org/diff?from=YYYY-MM-DD&to=YYYY-MM-DD: what changed between the two days, typed. */
export async function GET(request: NextRequest, ctx: RouteContext<"/api/companies/[slug]/org/diff">) {
  const { slug } = await ctx.params;
  const search = request.nextUrl.searchParams;
  const parsed = orgDiffParams.safeParse({ from: search.get("from") ?? "", to: search.get("to") ?? "" });
  if (!parsed.success) return Response.json({ error: "Invalid query", fieldErrors: fieldErrorsOf(parsed.error) }, { status: 400 });
  const data = await loadOrgChart(decodeURIComponent(slug));
  if (!data) return Response.json({ error: `No company "${slug}"` }, { status: 404 });
  const index = indexOrg(data.positions, data.events);
  const changes = diff(snapshot(index, null, parsed.data.from), snapshot(index, null, parsed.data.to));
  return Response.json(diffJson(data, changes));
}
