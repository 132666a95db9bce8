import Link from "next/link";
import { formatDay } from "./chart-text";
import { orgHref, timelineIndex } from "./timeline";
import { TimelineSlider } from "./timeline-slider";

/** Previous/next change links and a slider over the change dates; `at` stays in the URL. */
export function TimelineControl({
  slug,
  at,
  dates,
  previous,
  next,
}: {
  slug: string;
  at: string;
  dates: string[];
  previous: string | null;
  next: string | null;
}) {
  const link = "whitespace-nowrap rounded border border-stone-300 bg-white px-2 py-1 text-sm hover:bg-stone-50";
  return (
    <nav aria-label="Timeline" className="flex flex-wrap items-center gap-3 rounded border border-stone-200 bg-white p-2">
      {previous ? (
        <Link href={orgHref(slug, { at: previous })} rel="prev" className={link} scroll={false}>
          ← Previous change <span className="text-stone-600">({formatDay(previous)})</span>
        </Link>
      ) : (
        <span className="text-sm text-stone-500">No earlier change</span>
      )}
      {dates.length > 1 && (
        <form method="get" action={`/companies/${encodeURIComponent(slug)}/org/go`} className="flex min-w-64 flex-1 items-center gap-2">
          <label htmlFor="org-timeline" className="text-sm font-medium">
            Timeline
          </label>
          <TimelineSlider key={at} slug={slug} dates={dates} index={timelineIndex(dates, at)} at={at} />
          <button type="submit" className="rounded border border-stone-300 px-2 py-0.5 text-sm">
            Go
          </button>
        </form>
      )}
      {next ? (
        <Link href={orgHref(slug, { at: next })} rel="next" className={link} scroll={false}>
          Next change <span className="text-stone-600">({formatDay(next)})</span> →
        </Link>
      ) : (
        <span className="text-sm text-stone-500">No later change</span>
      )}
    </nav>
  );
}
