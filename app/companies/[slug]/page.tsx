import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { DestinationsChart } from "@/components/charts/destinations-chart";
import { StackedBarChart } from "@/components/charts/stacked-bar-chart";
import { AliasList } from "@/components/evidence/alias-list";
import { EventLine } from "@/components/evidence/event-line";
import { PartialDateText } from "@/components/evidence/partial-date-text";
import { FilterChips } from "@/components/filters/filter-chips";
import { FilterForm } from "@/components/filters/filter-form";
import { filterQuery, formValuesOf } from "@/components/filters/filter-query";
import { roleLabel } from "@/components/filters/labels";
import { db } from "@/lib/db";
import { CompanyRelations } from "@/components/entities/company-relations";
import { EntityAdmin } from "@/components/entities/entity-admin";
import { ExternalIds } from "@/components/entities/external-ids";
import { AlumniNetwork } from "@/components/flows/alumni-network";
import { WatchBar } from "@/components/watch/watch-bar";
import { can } from "@/lib/auth/roles";
import { currentAccount } from "@/lib/auth/server";
import { companyPeople, getCompanyHeader, PEOPLE_PAGE, type CompanyPerson, type PeopleListKind } from "@/lib/data/companies";
import { destinationCounts, findEvents, intervalCounts } from "@/lib/data/find-events";
import { countByPeriod } from "@/lib/domain/date-range";
import { companyTitle } from "@/lib/data/page-titles";
import {
  DEFAULT_QUERY,
  filtersOf,
  hasActiveFilters,
  parseEventQuery,
  queryString,
  type EventFilters,
  type EventQuery,
} from "@/lib/validation/event-filters";

/** Leaving, as the charts count it: a departure, however it happened (a leave of absence is not leaving). */
const LEFT_KINDS: EventQuery["kind"] = ["departed"];
/** The newest movements listed here (every one is on the timeline, linked); arrivals get fewer. */
const LIST_LIMIT = 25;
const ARRIVALS_LIMIT = 10;
/** The people lists, in order; the board's only when someone holds a seat. */
const PEOPLE_LISTS: { kind: PeopleListKind; title: string }[] = [
  { kind: "current", title: "Current (no departure on record)" },
  { kind: "former", title: "Former" },
  { kind: "board", title: "Board" },
];

// Rendered whole, charts included, so the page and its filter form work without JavaScript (streamed
// HTML needs a script to appear). See docs/decisions/0021-forms-without-javascript.md.
export const instant = false;

export async function generateMetadata({ params }: PageProps<"/companies/[slug]">): Promise<Metadata> {
  return companyTitle((await params).slug);
}

export default async function CompanyPage({ params, searchParams }: PageProps<"/companies/[slug]">) {
  await connection();
  return <CompanyView params={params} searchParams={searchParams} />;
}

async function CompanyView({ params, searchParams }: Pick<PageProps<"/companies/[slug]">, "params" | "searchParams">) {
  const company = await getCompanyHeader(decodeURIComponent((await params).slug));
  const base = `/companies/${company.slug}`;
  // The page takes the timeline's params (role, dates, status…); the company is this one. Bad params are
  // shown next to their fields and ignored, so the page itself always renders.
  const raw = await searchParams;
  const parsed = parseEventQuery(raw);
  // each people list pages on its own (?formerPage=3); anything but a whole page number is the first page
  const pageOf = (kind: PeopleListKind) => {
    const v = raw[`${kind}Page`];
    return typeof v === "string" && /^[1-9]\d{0,5}$/.test(v) ? Number(v) : 1;
  };
  const pageHref = (kind: PeopleListKind, page: number) => {
    const next = new URLSearchParams(Object.entries(raw).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : (v ?? []).map((x) => [k, x]))));
    next.set(`${kind}Page`, String(page));
    return `${base}?${next.toString()}#people-${kind}`;
  };
  const query: EventQuery = parsed.ok ? parsed.query : DEFAULT_QUERY;
  const filters: EventFilters = { ...filtersOf(query), company: [company.slug] };
  const departures: EventFilters = { ...filters, kind: LEFT_KINDS };
  const arrivals: EventFilters = { ...filtersOf(query), destination: [company.slug], kind: [] };

  const [movements, arrived, intervals, destinations, people] = await Promise.all([
    findEvents(db, { ...filters, sort: "newest", limit: LIST_LIMIT }),
    findEvents(db, { ...arrivals, sort: "newest", limit: ARRIVALS_LIMIT }),
    intervalCounts(db, departures),
    destinationCounts(db, departures, 12),
    companyPeople(db, company.id, { current: pageOf("current"), former: pageOf("former"), board: pageOf("board") }),
  ]);
  const account = await currentAccount();
  const series = countByPeriod(intervals);
  const onTimeline = (f: EventFilters) => `/${queryString(f)}`;
  const filtered = hasActiveFilters({ ...filtersOf(query), company: [] });
  const formValues = formValuesOf(parsed);

  return (
    <article className="space-y-8">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{company.name}</h1>
        <WatchBar kind="company" slug={company.slug} label={company.name} returnTo={base} />
        <AliasList name={company.name} aliases={company.aliases} />
        <ExternalIds ids={company.externalIds} />
        <CompanyRelations company={company} />
        <p className="text-sm text-stone-600">
          {company.kind}
          {company.foundedAt && <> · founded {company.foundedAt}</>} ·{" "}
          <Link href={`/companies/${company.slug}/org`} className="underline">
            org chart
          </Link>{" "}
          ·{" "}
          <Link href={onTimeline({ ...filters })} className="underline">
            these events on the timeline
          </Link>
        </p>
        <p className="text-sm">
          {movements.total} {movements.total === 1 ? "movement" : "movements"} at {company.name}
          {filtered ? " matching the filters" : ""}, of which {intervals.reduce((s, r) => s + r.n, 0)} departures; {arrived.total} arrivals from
          elsewhere; {people.currentCount} people with no departure on record, {people.formerCount} former
          {people.boardCount > 0 && <>, {people.boardCount} with a board seat</>}.
        </p>
      </header>

      <details open={filtered || !parsed.ok} className="rounded border border-stone-200 bg-white p-3">
        <summary className="cursor-pointer font-medium">Filter this page</summary>
        <div className="mt-3 grid gap-4 md:grid-cols-[18rem_1fr]">
          <FilterForm
            action={base}
            fields={["role", "title", "from", "to", "status"]}
            values={formValues}
            urlKey={filterQuery(formValues, {})}
            errors={parsed.ok ? {} : parsed.fieldErrors}
            companies={[]}
            destinations={[]}
            keep={{}}
          />
          <FilterChips query={{ ...query, company: [], destination: [], kind: [], q: undefined }} names={new Map()} basePath={base} />
        </div>
      </details>

      <section aria-labelledby="left-heading" className="grid grid-cols-1 gap-8 xl:grid-cols-2">
        <h2 id="left-heading" className="sr-only">
          People who left
        </h2>
        <StackedBarChart
          id="company-departures"
          title={`People who left ${company.name}, per ${series.granularity}, by role category`}
          series={series}
          noun="departures"
          categoryLabel={roleLabel}
          hrefFor={(p) => onTimeline({ ...departures, from: p.key, to: p.key })}
        />
        <div className="space-y-2">
          <DestinationsChart
            id="company-destinations"
            destinations={destinations}
            empty="No departure names a destination."
            hrefFor={(slug) => onTimeline({ ...departures, destination: [slug] })}
          />
          <p className="text-sm text-stone-600">
            {destinations.withDestination} departures name where the person went ({destinations.founded} to a company they founded); for{" "}
            <Link href={onTimeline({ ...departures, destination: ["~unknown"] })} className="underline">
              {destinations.unknown}
            </Link>{" "}
            no destination is on record.
          </p>
        </div>
      </section>

      <AlumniNetwork company={company} />

      <section aria-labelledby="events-heading">
        <h2 id="events-heading" className="mb-2 font-semibold">
          Movements ({movements.total})
        </h2>
        <ol className="space-y-1">
          {movements.events.map((e) => (
            <li key={e.id}>
              <EventLine event={e} show="no-company" />
            </li>
          ))}
        </ol>
        {movements.nextCursor && (
          <p className="mt-2 text-sm">
            Newest {movements.events.length} shown.{" "}
            <Link href={onTimeline(filters)} className="underline">
              All {movements.total} on the timeline
            </Link>
          </p>
        )}
      </section>

      {arrived.total > 0 && (
        <section aria-labelledby="arrivals-heading">
          <h2 id="arrivals-heading" className="mb-2 font-semibold">
            Arrivals from elsewhere ({arrived.total})
          </h2>
          <ol className="space-y-1">
            {arrived.events.map((e) => (
              <li key={e.id}>
                <EventLine event={e} />
              </li>
            ))}
          </ol>
          {arrived.nextCursor && (
            <p className="mt-2 text-sm">
              Newest {arrived.events.length} shown.{" "}
              <Link href={onTimeline(arrivals)} className="underline">
                All {arrived.total} on the timeline
              </Link>
            </p>
          )}
        </section>
      )}

      <section aria-labelledby="people-heading" className="space-y-2">
        <h2 id="people-heading" className="font-semibold">
          People
        </h2>
        <p className="text-sm text-stone-600">Each person once, with every tenure on record. A board seat is its own tenure, listed apart.</p>
        <div className="grid gap-4 sm:grid-cols-3">
          {PEOPLE_LISTS.filter((l) => l.kind !== "board" || people.boardCount > 0).map(({ kind, title }) => (
            <PeopleList
              key={kind}
              id={`people-${kind}`}
              title={`${title}: ${people[`${kind}Count`]}`}
              people={people[kind]}
              total={people[`${kind}Count`]}
              first={people.first[kind]}
              href={(page) => pageHref(kind, page)}
            />
          ))}
        </div>
      </section>
      {account && can(account.role, "correct") && (
        <EntityAdmin
          kind="company"
          slug={company.slug}
          name={company.name}
          aliases={company.aliases}
          // the movements listed above (the newest ones): the events an editor can see to pick
          events={movements.events.map((e) => ({
            id: e.id,
            label: `${e.person.name} ${e.kind}${e.dateText ? `, ${e.dateText}` : ""} (event ${e.id})`,
          }))}
        />
      )}
    </article>
  );
}

function Tenure({ tenure }: { tenure: CompanyPerson["positions"][number] }) {
  return (
    <>
      {tenure.title ?? "role unknown"}
      {", "}
      {tenure.startText ? <PartialDateText text={tenure.startText} /> : "start unknown"}
      {" – "}
      {tenure.endText ? <PartialDateText text={tenure.endText} /> : "no end on record"}
    </>
  );
}

interface PeopleListProps {
  id: string;
  title: string;
  people: CompanyPerson[];
  total: number;
  /** the place of the first person shown */
  first: number;
  href: (page: number) => string;
}

function PeopleList({ id, title, people, total, first, href }: PeopleListProps) {
  const page = Math.floor((first - 1) / PEOPLE_PAGE) + 1;
  const last = first + people.length - 1;
  return (
    <div>
      <h3 id={id} className="mb-1 font-medium">
        {title}
      </h3>
      <ul aria-labelledby={id} className="space-y-1 text-sm">
        {people.map((p) => (
          <li key={p.id} data-testid="company-person">
            <Link href={`/people/${p.slug}`} className="underline">
              {p.name}
            </Link>
            <ul className="pl-3 text-xs text-stone-600">
              {p.positions.map((t) => (
                <li key={t.id}>
                  <Tenure tenure={t} />
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {total > people.length && (
        <p className="mt-1 flex flex-wrap gap-x-3 text-sm text-stone-600">
          <span>
            {people.length > 0
              ? `${first.toLocaleString("en-US")}–${last.toLocaleString("en-US")} of ${total.toLocaleString("en-US")}, in name order`
              : `No one on this page; ${total.toLocaleString("en-US")} in all`}
          </span>
          {page > 1 && (
            <Link href={href(page - 1)} rel="prev" className="underline">
              previous {PEOPLE_PAGE}
            </Link>
          )}
          {last < total && people.length > 0 && (
            <Link href={href(page + 1)} rel="next" className="underline">
              next {Math.min(PEOPLE_PAGE, total - last)}
            </Link>
          )}
        </p>
      )}
    </div>
  );
}
