import type { NextRequest } from "next/server";
import { buildOrgChartOnce } from "@/components/org/build-chart";
import { loadOrgView } from "@/lib/data/org-view";
import { jsonError, slugParam } from "@/lib/http/errors";
import { publicOrigin } from "@/lib/http/origin";
import { parseOpenGroup, parseOrgQuery } from "@/lib/validation/org-params";

/** The drawn chart as an SVG file: the same query as the page (?at= or ?from=&to=, and a large chart's group=&page=), the same drawing. */
export async function GET(request: NextRequest, ctx: RouteContext<"/companies/[slug]/org/svg">) {
  const slug = slugParam((await ctx.params).slug);
  const query = parseOrgQuery(request.nextUrl.searchParams);
  if (!query.ok) return jsonError(400, "Invalid query", query.errors);
  const opened = parseOpenGroup(request.nextUrl.searchParams);
  if (!opened.ok) return jsonError(400, "Invalid query", opened.errors);
  const data = slug === null ? null : await loadOrgView(slug, query, opened.open);
  if (!data) return jsonError(404, `No company "${slug ?? ""}"`);
  // links in a downloaded file must be absolute to work outside the site: DEPARTURES_PUBLIC_URL or this host
  const chart = buildOrgChartOnce(data, query, publicOrigin(request));
  const name = query.mode === "snapshot" ? `${data.company.slug}-org-${query.at}.svg` : `${data.company.slug}-org-${query.from}-to-${query.to}.svg`;
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${chart.svg}\n`, {
    headers: {
      "Content-Type": "image/svg+xml; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name.replace(/[^\w.-]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    },
  });
}
