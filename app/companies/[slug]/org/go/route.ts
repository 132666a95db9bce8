import type { NextRequest } from "next/server";
import { orgHref, timelineDates } from "@/components/org/timeline";
import { loadOrgChart } from "@/lib/data/org";
import { jsonError, slugParam } from "@/lib/http/errors";
import { groupParam, parseOpenGroup } from "@/lib/validation/org-params";

/**
 * The timeline slider without JavaScript: a range input can only submit a number (the index of a change
 * date), so its GET form lands here and is redirected to the chart with `at` in the URL. With JavaScript
 * the slider navigates directly (components/org/timeline-slider.tsx).
 */
export async function GET(request: NextRequest, ctx: RouteContext<"/companies/[slug]/org/go">) {
  const slug = slugParam((await ctx.params).slug);
  const data = slug === null ? null : await loadOrgChart(slug, { mode: "days" });
  if (!data) return jsonError(404, `No company "${slug ?? ""}"`);
  const dates = timelineDates(data.changeDays);
  const raw = request.nextUrl.searchParams.get("i")?.trim();
  const i = raw && /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  const at = Number.isInteger(i) && dates.length > 0 ? dates[Math.min(Math.max(i, 0), dates.length - 1)] : null;
  // a large chart's open role group stays open (a group that is not one is dropped; its page starts again)
  const opened = parseOpenGroup(request.nextUrl.searchParams);
  const keep: Record<string, string> = opened.ok && opened.open ? { group: groupParam(opened.open.group) } : {};
  // a relative Location: correct behind any proxy
  return new Response(null, { status: 303, headers: { Location: orgHref(data.company.slug, at ? { at, ...keep } : {}) } });
}
