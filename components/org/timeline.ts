import { todayIso } from "@/lib/domain/partial-date";

/** The slider's stops: every change date that is not in the future (a chart of the future is refused). */
export function timelineDates(all: string[], today = todayIso()): string[] {
  return all.filter((d) => d <= today);
}

/** The stop the slider sits on for `at`: the last change on or before it (0 when `at` is before them all). */
export function timelineIndex(dates: string[], at: string): number {
  let lo = 0;
  let hi = dates.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid] <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

export const orgHref = (slug: string, params: Record<string, string>) =>
  `/companies/${encodeURIComponent(slug)}/org?${new URLSearchParams(params).toString()}`;
