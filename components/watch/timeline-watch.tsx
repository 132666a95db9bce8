/** Under the timeline's toolbar: follow the current filter, and see its departures as talent flows. */
import Link from "next/link";
import { flowsHref } from "@/components/flows/flow-links";
import { filtersOf, queryString, type EventQuery } from "@/lib/validation/event-filters";
import { filterLabel } from "./filter-label";
import { FollowButton } from "./follow-button";

export function TimelineWatch({ query, names }: { query: EventQuery; names: Map<string, string> }) {
  const filters = filtersOf(query);
  const target = queryString(filters).slice(1);
  const label = filterLabel(query, names);
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm" data-testid="timeline-watch">
      <FollowButton kind="filter" target={target} label={label} returnTo={`/${queryString(query)}`} />
      <Link href={flowsHref(filters)} className="underline">
        Talent flows of these events
      </Link>
    </div>
  );
}
