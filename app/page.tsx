import { Suspense } from "react";
import { connection } from "next/server";
import { DestinationsChart } from "@/components/charts/destinations-chart";
import { StackedBarChart } from "@/components/charts/stacked-bar-chart";
import { EventsTable, type SortableColumn, type SortLink } from "@/components/events-table/events-table";
import { toEventRow } from "@/components/events-table/event-row";
import { activeChips, FilterChips } from "@/components/filters/filter-chips";
import { FilterForm } from "@/components/filters/filter-form";
import { filterQuery, formValuesOf } from "@/components/filters/filter-query";
import { roleLabel } from "@/components/filters/labels";
import { SearchMatches } from "@/components/filters/search-matches";
import { DidYouMean } from "@/components/search/did-you-mean";
import { Pager } from "@/components/timeline/pager";
import { ResultsToolbar } from "@/components/timeline/results-toolbar";
import { Timeline } from "@/components/timeline/timeline";
import { filterNames } from "@/components/watch/filter-label";
import { TimelineWatch } from "@/components/watch/timeline-watch";
import { db } from "@/lib/db";
import { destinationCounts, findEvents, intervalCounts } from "@/lib/data/find-events";
import { companyOptions, lookupCompanies, lookupPeople } from "@/lib/data/lookup";
import { dialectOf } from "@/lib/data/sql/dialect";
import { runner } from "@/lib/search/run";
import { searchNames } from "@/lib/search/search";
import { countByPeriod } from "@/lib/domain/date-range";
import {
  filtersOf,
  parseEventQuery,
  queryString,
  toSearchParams,
  type EventFilters,
  type EventQuery,
  type EventSort,
  type ParsedEventQuery,
} from "@/lib/validation/event-filters";

type SearchParams = PageProps<"/">["searchParams"];

/** Up to this many matches the charts are drawn with the page (a few ms); beyond, they stream in after it. */
const INLINE_CHARTS_MAX = 20_000;

// Rendered whole rather than streamed into a Suspense boundary, so the filters, the list, the pages and
// (for all but very large matches) the charts work without JavaScript: streamed HTML needs a script to appear.
// The same choice as docs/decisions/0021-forms-without-javascript.md.
export const instant = false;

export default async function TimelinePage({ searchParams }: PageProps<"/">) {
  await connection();
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Departures timeline</h1>
      <Browse searchParams={searchParams} />
    </>
  );
}

/** View, sort and page size carry over when the filters change; a bad one is dropped so it can be fixed. */
function keptParams(parsed: ParsedEventQuery): Record<string, string> {
  if (parsed.ok) {
    const q = parsed.query;
    // filters the form has no field for (a person's, a tag's, units) ride along, so resubmitting keeps them
    const lists = Object.fromEntries((["person", "tag"] as const).filter((k) => q[k].length > 0).map((k) => [k, q[k].join(",")]));
    return { ...Object.fromEntries(toSearchParams({ view: q.view, sort: q.sort, limit: q.limit, units: q.units })), ...lists };
  }
  const out: Record<string, string> = {};
  for (const k of ["view", "sort", "limit"] as const) {
    const v = [parsed.raw[k] ?? []].flat()[0];
    if (v && !parsed.fieldErrors[k]) out[k] = v;
  }
  return out;
}

async function Browse({ searchParams }: { searchParams: SearchParams }) {
  const parsed = parseEventQuery(await searchParams);
  const values = formValuesOf(parsed);
  const [companies, destinations, people] = await Promise.all([
    companyOptions(db, "left", values.company),
    companyOptions(db, "destination", values.destination),
    // a person filter's chip names the person (the form has no field for it)
    parsed.ok && parsed.query.person.length
      ? filterNames(db, { person: parsed.query.person, company: [], destination: [] })
      : new Map<string, string>(),
  ]);
  const keep = keptParams(parsed);
  const active = parsed.ok ? activeChips(parsed.query, new Map()).length : 0;
  const form = (
    <FilterForm
      values={values}
      urlKey={filterQuery(values, keep)}
      errors={parsed.ok ? {} : parsed.fieldErrors}
      companies={companies}
      destinations={destinations}
      keep={keep}
    />
  );
  return (
    <div className="grid gap-6 lg:grid-cols-[17rem_minmax(0,1fr)]">
      <aside aria-label="Filters" className="lg:sticky lg:top-2 lg:self-start">
        {/* On a phone the filters fold behind one button so the results are on the first screen; from
            the lg breakpoint up they always show (globals.css). A <details> needs no JavaScript. */}
        <details className="filters-panel group rounded border border-stone-200 bg-white lg:border-0 lg:bg-transparent" open={!parsed.ok}>
          <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-stone-800" data-testid="filters-toggle">
            Search and filters{active > 0 && <span className="font-normal text-stone-600"> · {active} active</span>}
          </summary>
          <div className="px-3 pb-3 lg:p-0">{form}</div>
        </details>
      </aside>
      <div className="min-w-0 space-y-4">
        {parsed.ok ? (
          <Results query={parsed.query} names={new Map([...[...companies, ...destinations].map((c) => [c.slug, c.name] as const), ...people])} />
        ) : (
          <BadParams errors={parsed.fieldErrors} />
        )}
      </div>
    </div>
  );
}

function BadParams({ errors }: { errors: Record<string, string[] | undefined> }) {
  return (
    <div role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900" data-testid="filter-errors">
      <p className="font-semibold">These filters cannot be applied:</p>
      <ul className="mt-1 list-disc pl-5">
        {Object.entries(errors).map(([field, messages]) =>
          (messages ?? []).map((m) => (
            <li key={`${field}-${m}`}>
              <a href={`#f-${field}`} className="underline">
                {field}
              </a>
              : {m}
            </li>
          )),
        )}
      </ul>
    </div>
  );
}

function sortLinks(query: EventQuery): Record<SortableColumn, SortLink> {
  const link = (asc: EventSort, desc: EventSort, firstClick: EventSort): SortLink => {
    const direction = query.sort === asc ? "ascending" : query.sort === desc ? "descending" : null;
    const next = direction === "ascending" ? desc : direction === "descending" ? asc : firstClick;
    return { href: `/${queryString({ ...query, cursor: undefined }, { sort: next })}`, direction };
  };
  return {
    date: link("oldest", "newest", "newest"),
    person: link("person", "person_desc", "person"),
    company: link("company", "company_desc", "company"),
  };
}

async function Results({ query, names }: { query: EventQuery; names: Map<string, string> }) {
  const [page, people, companies] = await Promise.all([
    findEvents(db, query),
    query.q ? lookupPeople(db, query.q, 8) : [],
    query.q ? lookupCompanies(db, query.q, 8) : [],
  ]);
  const rows = page.events.map(toEventRow);
  // nothing found: the names the search most likely meant, words of it included
  const meant = page.total === 0 && query.q ? await searchNames(runner(db), dialectOf(db), query.q, { type: "all", limit: 6 }) : [];
  return (
    <>
      <FilterChips query={query} names={names} />
      {query.q && meant.length === 0 && <SearchMatches q={query.q} people={people} companies={companies} />}
      {query.q && <DidYouMean q={query.q} matches={meant} searchHref={(name) => `/${queryString({ ...query, cursor: undefined }, { q: name })}`} />}
      <ResultsToolbar query={query} total={page.total} />
      <TimelineWatch query={query} names={names} />
      {rows.length === 0 ? (
        <p className="rounded border border-stone-200 bg-white p-4 text-stone-700">No events match these filters.</p>
      ) : query.view === "table" ? (
        <EventsTable rows={rows} sortLinks={sortLinks(query)} />
      ) : (
        <Timeline events={rows} sort={query.sort} />
      )}
      <Pager query={query} nextCursor={page.nextCursor} shown={rows.length} total={page.total} />
      {page.total <= INLINE_CHARTS_MAX ? (
        <Charts filters={filtersOf(query)} view={query.view} />
      ) : (
        // over a large match the aggregates take a moment: the list is sent first and the charts stream in
        <>
          <Suspense
            fallback={
              <p data-charts-pending className="text-sm text-stone-600">
                Drawing charts…
              </p>
            }
          >
            <Charts filters={filtersOf(query)} view={query.view} />
          </Suspense>
          <noscript>
            <style>{"[data-charts-pending] { display: none; }"}</style>
            <p className="text-sm text-stone-600">
              Charts of this many events need JavaScript to appear; narrow the filters to see them, or download the CSV.
            </p>
          </noscript>
        </>
      )}
    </>
  );
}

/** Charts of exactly what the filters match; each bar leads to the timeline narrowed to it. */
async function Charts({ filters, view }: { filters: EventFilters; view: EventQuery["view"] }) {
  const [intervals, destinations] = await Promise.all([intervalCounts(db, filters), destinationCounts(db, filters)]);
  const series = countByPeriod(intervals);
  const href = (overrides: Partial<EventQuery>) => `/${queryString({ ...filters, view }, overrides)}`;
  return (
    <section aria-label="Charts of the matching events" className="grid grid-cols-1 gap-6 border-t border-stone-200 pt-4 xl:grid-cols-2">
      <StackedBarChart
        id="chart-periods"
        title={`Matching events per ${series.granularity}, by role category`}
        series={series}
        noun="events"
        categoryLabel={roleLabel}
        hrefFor={(p) => href({ from: p.key, to: p.key, cursor: undefined })}
      />
      <div className="space-y-2">
        <DestinationsChart
          id="chart-destinations"
          destinations={destinations}
          empty="None of the matching events names a destination."
          hrefFor={(slug) => href({ destination: [slug] })}
        />
        <p className="text-sm text-stone-600">
          {destinations.withDestination} of the matching events name a destination ({destinations.founded} a company the person founded);{" "}
          {destinations.unknown} name none.
        </p>
      </div>
    </section>
  );
}
