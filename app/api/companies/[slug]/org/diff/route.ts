import type { NextRequest } from "next/server";
import { diffJson, loadOrgChart } from "@/lib/data/org";
import { diff, indexOrg, snapshot } from "@/lib/domain/org-chart";
import { orgDiffParams } from "@/lib/validation/org-params";
import { slugParam } from "@/lib/http/errors";
import { json, notFound, parseQuery } from "@/lib/http/respond";

/** GET /api/companies/[slug]/org/diff?from=YYYY-MM-DD&to=YYYY-MM-DD: what changed between the two days, typed. */
export async function GET(request: NextRequest, ctx: RouteContext<"/api/companies/[slug]/org/diff">) {
  const slug = slugParam((await ctx.params).slug);
  const search = request.nextUrl.searchParams;
  // missing bounds are blank, so each gets its "Enter a date"
  const parsed = parseQuery(
    orgDiffParams,
    new URLSearchParams({ ...Object.fromEntries(search), from: search.get("from") ?? "", to: search.get("to") ?? "" }),
  );
  if (!parsed.ok) return parsed.response;
  const data = slug === null ? null : await loadOrgChart(slug, { mode: "diff", ...parsed.data });
  if (!data) return notFound(`company "${slug ?? ""}"`);
  const index = indexOrg(data.positions, data.events, data.changeDays);
  const changes = diff(snapshot(index, null, parsed.data.from), snapshot(index, null, parsed.data.to));
  return json(diffJson(data, changes), { cache: "no-store" });
}
