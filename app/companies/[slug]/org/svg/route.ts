import type { NextRequest } from "next/server";
import { buildOrgChart } from "@/components/org/build-chart";
import { loadOrgChart } from "@/lib/data/org";
import { parseOrgQuery } from "@/lib/validation/org-params";

/** The drawn chart as an SVG file: the same query as the page (?at= or ?from=&to=), the same drawing. */
export async function GET(request: NextRequest, ctx: RouteContext<"/companies/[slug]/org/svg">) {
  const slug = decodeURIComponent((await ctx.params).slug);
  const query = parseOrgQuery(request.nextUrl.searchParams);
  if (!query.ok) return Response.json({ error: "Invalid query", fieldErrors: query.errors }, { status: 400 });
  const data = await loadOrgChart(slug);
  if (!data) return Response.json({ error: `No company "${slug}"` }, { status: 404 });
  // links in a downloaded file must be absolute to work outside the site
  const chart = buildOrgChart(data, query, request.nextUrl.origin);
  const name = query.mode === "snapshot" ? `${data.company.slug}-org-${query.at}.svg` : `${data.company.slug}-org-${query.from}-to-${query.to}.svg`;
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${chart.svg}\n`, {
    headers: {
      "Content-Type": "image/svg+xml; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
    },
  });
}
