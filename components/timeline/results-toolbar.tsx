import Link from "next/link";
import { filtersOf, queryString, type EventQuery } from "@/lib/validation/event-filters";

const tab = (active: boolean) => `rounded px-2.5 py-1 ${active ? "bg-stone-900 text-white" : "text-stone-700 underline hover:bg-stone-100"}`;

/** Count, view switch, date order, and the same filter as CSV, JSON and an Atom feed. */
export function ResultsToolbar({ query, total }: { query: EventQuery; total: number }) {
  const here = (overrides: Partial<EventQuery>) => `/${queryString({ ...query, cursor: undefined }, overrides)}`;
  const filters = filtersOf(query);
  const dateSort = query.sort === "newest" || query.sort === "oldest";
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <p role="status" className="text-sm" data-testid="result-count">
        <strong className="text-base tabular-nums">{total.toLocaleString("en")}</strong> {total === 1 ? "event matches" : "events match"}
      </p>
      <nav aria-label="View" className="flex items-center gap-1 text-sm">
        <Link
          href={here({ view: "timeline" })}
          aria-current={query.view === "timeline" ? "page" : undefined}
          className={tab(query.view === "timeline")}
        >
          Timeline
        </Link>
        <Link href={here({ view: "table" })} aria-current={query.view === "table" ? "page" : undefined} className={tab(query.view === "table")}>
          Table
        </Link>
        {query.view === "timeline" && (
          <span className="ml-3 text-stone-600">
            {dateSort && query.sort === "oldest" ? (
              <Link href={here({ sort: "newest" })} className="underline">
                Newest first
              </Link>
            ) : (
              <Link href={here({ sort: "oldest" })} className="underline">
                Oldest first
              </Link>
            )}
          </span>
        )}
      </nav>
      <p className="flex flex-wrap items-center gap-3 text-sm">
        <a
          href={`/api/events${queryString({ ...filters, format: "csv" })}`}
          download
          className="rounded border border-stone-300 bg-white px-2.5 py-1 font-medium hover:bg-stone-100"
          data-testid="download-csv"
        >
          Download CSV
        </a>
        <a href={`/api/events${queryString(filters)}`} className="underline">
          JSON
        </a>
        <a href={`/feed.xml${queryString(filters)}`} className="underline">
          Atom feed
        </a>
      </p>
    </div>
  );
}
