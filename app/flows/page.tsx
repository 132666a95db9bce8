import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { FilterChips } from "@/components/filters/filter-chips";
import { FilterForm } from "@/components/filters/filter-form";
import { filterQuery, formValuesOf } from "@/components/filters/filter-query";
import { FlowSankey } from "@/components/flows/flow-sankey";
import { FlowTable } from "@/components/flows/flow-table";
import { TABLE_ANCHOR } from "@/components/flows/flow-links";
import { FollowButton } from "@/components/watch/follow-button";
import { filterLabel } from "@/components/watch/filter-label";
import { db } from "@/lib/db";
import { flowFilters, flowPairs } from "@/lib/data/flows";
import { companyOptions } from "@/lib/data/lookup";
import { groupFlows, layoutFlows } from "@/lib/domain/flow-layout";
import { filtersOf, parseEventQuery, queryString, type EventQuery } from "@/lib/validation/event-filters";

export const metadata: Metadata = { title: "Talent flows" };

// Rendered whole, chart included, so the chart, its links and the filter form work without JavaScript
// (docs/decisions/0021-forms-without-javascript.md).
export const instant = false;

export default async function FlowsPage({ searchParams }: PageProps<"/flows">) {
  await connection();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Talent flows</h1>
      <p className="max-w-3xl text-sm text-stone-700">
        Where the people who left went: each band runs from the company left to where the person went next (joined or founded), as thick as its number
        of departures. Departures with no destination on record are their own band. Every band, name and number leads to those departures on the
        timeline. The filters are the timeline&apos;s; only departures are counted.
      </p>
      <Flows searchParams={searchParams} />
    </div>
  );
}

async function Flows({ searchParams }: { searchParams: PageProps<"/flows">["searchParams"] }) {
  const parsed = parseEventQuery(await searchParams);
  const values = { ...formValuesOf(parsed), kind: [] };
  const [companies, destinations] = await Promise.all([
    companyOptions(db, "left", values.company),
    companyOptions(db, "destination", values.destination),
  ]);
  const form = (
    <FilterForm
      action="/flows"
      fields={["q", "company", "role", "title", "destination", "from", "to", "status"]}
      values={values}
      urlKey={filterQuery(values, {})}
      errors={parsed.ok ? {} : parsed.fieldErrors}
      companies={companies}
      destinations={destinations}
      keep={{}}
    />
  );
  return (
    <div className="grid gap-6 lg:grid-cols-[17rem_minmax(0,1fr)]">
      <aside aria-label="Filters" className="lg:self-start">
        {form}
      </aside>
      <div className="min-w-0 space-y-4">
        {parsed.ok ? (
          <FlowsView query={{ ...parsed.query, kind: [] }} names={new Map([...companies, ...destinations].map((c) => [c.slug, c.name]))} />
        ) : (
          <div role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900" data-testid="filter-errors">
            <p className="font-semibold">These filters cannot be applied:</p>
            <ul className="mt-1 list-disc pl-5">
              {Object.entries(parsed.fieldErrors).map(([field, messages]) =>
                (messages ?? []).map((m) => (
                  <li key={`${field}-${m}`}>
                    {field}: {m}
                  </li>
                )),
              )}
            </ul>
          </div>
        )}
      </div>
    </div>
  );
}

async function FlowsView({ query, names }: { query: EventQuery; names: Map<string, string> }) {
  const filters = filtersOf(query);
  const pairs = await flowPairs(db, filters);
  const groups = groupFlows(pairs);
  const layout = layoutFlows(groups);
  const unknown = pairs.filter((p) => !p.to).reduce((s, p) => s + p.n, 0);
  const founded = pairs.reduce((s, p) => s + p.founded, 0);
  const title =
    query.company.length === 1 && names.get(query.company[0])
      ? `Where the people who left ${names.get(query.company[0])} went`
      : query.destination.length === 1 && names.get(query.destination[0])
        ? `Where the people who went to ${names.get(query.destination[0])} came from`
        : "Where the people who left went";
  const grouped = groups.nodes.filter((n) => n.kind === "other");
  return (
    <>
      <FilterChips query={query} names={names} basePath="/flows" />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p role="status" className="text-sm" data-testid="flow-total">
          <strong className="text-base tabular-nums">{groups.total}</strong> {groups.total === 1 ? "departure" : "departures"}:{" "}
          {groups.total - unknown} name where the person went ({founded} a company they founded), {unknown} name no destination.
        </p>
        <p className="flex flex-wrap items-center gap-3 text-sm">
          <Link href={`/${queryString(flowFilters(filters))}`} className="underline">
            These departures on the timeline
          </Link>
          <FollowButton
            kind="filter"
            target={queryString(filters).slice(1)}
            label={filterLabel(query, names)}
            returnTo={`/flows${queryString(filters)}`}
          />
        </p>
      </div>
      {groups.total === 0 ? (
        <p className="rounded border border-stone-200 bg-white p-4 text-stone-700">No departures match these filters.</p>
      ) : (
        <div className="grid gap-6 2xl:grid-cols-[minmax(0,760px)_1fr]">
          <figure className="min-w-0 space-y-2">
            <figcaption className="font-semibold">{title}</figcaption>
            <FlowSankey id="flows-chart" layout={layout} filters={filters} title={title} />
            {grouped.length > 0 && (
              <p className="text-sm text-stone-600">
                {grouped.map((g) => `${g.label}: ${g.companies.length} companies with ${g.n} departures`).join("; ")}, each listed in{" "}
                <a href={TABLE_ANCHOR} className="underline">
                  the table
                </a>
                .
              </p>
            )}
          </figure>
          <FlowTable pairs={pairs} filters={filters} total={groups.total} />
        </div>
      )}
    </>
  );
}
