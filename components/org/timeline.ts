import { lastOnOrBefore } from "@/lib/domain/org-chart";
import { todayIso } from "@/lib/domain/partial-date";

/** The slider's stops: every change date that is not in the future (a chart of the future is refused). */
export function timelineDates(all: string[], today = todayIso()): string[] {
  return all.filter((d) => d <= today);
}

/** The stop the slider sits on for `at`: the last change on or before it (0 when `at` is before them all). */
export function timelineIndex(dates: string[], at: string): number {
  return Math.max(0, lastOnOrBefore(dates, at));
}

export const orgHref = (slug: string, params: Record<string, string>) =>
  `/companies/${encodeURIComponent(slug)}/org?${new URLSearchParams(params).toString()}`;
