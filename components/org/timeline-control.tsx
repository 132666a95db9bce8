import Link from "next/link";
import { formatDay } from "./chart-text";
import type { StepSummary } from "./step-summary";
import { orgHref, timelineIndex } from "./timeline";
import { TimelineSlider } from "./timeline-slider";

/** Previous/next change links and a slider over the change dates; `at` stays in the URL. */
export function TimelineControl({
  slug,
  at,
  dates,
  previous,
  next,
  summary,
  keep = {},
}: {
  slug: string;
  at: string;
  dates: string[];
  previous: string | null;
  next: string | null;
  /** what the step to `at` changed, announced in a live region on every step */
  summary: StepSummary;
  /** parameters every step keeps (a large chart's open role group) */
  keep?: Record<string, string>;
}) {
  const link = "whitespace-nowrap rounded border border-stone-300 bg-white px-2 py-1 text-sm hover:bg-stone-50";
  return (
    <nav aria-label="Timeline" className="flex flex-wrap items-center gap-3 rounded border border-stone-200 bg-white p-2">
      {previous ? (
        <Link href={orgHref(slug, { at: previous, ...keep })} rel="prev" className={link} scroll={false}>
          ← Previous change <span className="text-stone-600">({formatDay(previous)})</span>
        </Link>
      ) : (
        <span className="text-sm text-stone-600">No earlier change</span>
      )}
      {dates.length > 1 && (
        <form
          method="get"
          action={`/companies/${encodeURIComponent(slug)}/org/go`}
          className="flex w-full min-w-0 items-center gap-2 sm:w-auto sm:min-w-64 sm:flex-1"
        >
          <label htmlFor="org-timeline" className="text-sm font-medium">
            Timeline
          </label>
          {/* not keyed on `at`: a new input on every step would drop the keyboard focus */}
          {Object.entries(keep).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <TimelineSlider slug={slug} dates={dates} index={timelineIndex(dates, at)} at={at} keep={keep} />
          <button type="submit" className="rounded border border-stone-300 px-2 py-0.5 text-sm">
            Go
          </button>
        </form>
      )}
      {next ? (
        <Link href={orgHref(slug, { at: next, ...keep })} rel="next" className={link} scroll={false}>
          Next change <span className="text-stone-600">({formatDay(next)})</span> →
        </Link>
      ) : (
        <span className="text-sm text-stone-600">No later change</span>
      )}
      <p
        id="org-step-summary"
        role="status"
        aria-live="polite"
        aria-atomic="true"
        data-testid="org-step-summary"
        className="w-full text-sm text-stone-800"
      >
        {summary.text}
      </p>
    </nav>
  );
}
