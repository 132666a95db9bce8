import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { buildOrgChart } from "@/components/org/build-chart";
import { ChangeList } from "@/components/org/change-list";
import { ChartLegend } from "@/components/org/chart-legend";
import { formatDay } from "@/components/org/chart-text";
import { DiffForm, SnapshotForm } from "@/components/org/org-forms";
import { PanZoom } from "@/components/org/pan-zoom";
import { PeopleList } from "@/components/org/people-list";
import { orgHref, timelineDates } from "@/components/org/timeline";
import { TimelineControl } from "@/components/org/timeline-control";
import { orNotFound } from "@/lib/data/not-found";
import { slugParam } from "@/lib/http/errors";
import { loadOrgChart } from "@/lib/data/org";
import { stepSummary } from "@/components/org/step-summary";
import { todayIso } from "@/lib/domain/partial-date";
import { parseOrgQuery } from "@/lib/validation/org-params";
import { companyTitle } from "@/lib/data/page-titles";

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const at = (await searchParams).at;
  const day = typeof at === "string" && /^\d{4}-\d{2}-\d{2}$/.test(at) ? ` on ${at}` : "";
  return companyTitle((await params).slug, ` org chart${day}`);
}

// Rendered whole rather than streamed inside <Suspense>, so the chart, its forms and its timeline work
// without JavaScript (docs/decisions/0021-forms-without-javascript.md, 0031-server-rendered-org-svg.md).
export const instant = false;

type Props = PageProps<"/companies/[slug]/org">;

export default function OrgChartPage({ params, searchParams }: Props) {
  return <OrgChartView params={params} searchParams={searchParams} />;
}

async function OrgChartView({ params, searchParams }: Pick<Props, "params" | "searchParams">) {
  await connection();
  const slug = slugParam((await params).slug);
  const query = parseOrgQuery(await searchParams);
  // the tenures of the days drawn only; with bad dates, just the company and its timeline
  const data = orNotFound(slug === null ? null : await loadOrgChart(slug, query.ok ? query : { mode: "days" }));
  const { company } = data;
  const base = `/companies/${encodeURIComponent(company.slug)}/org`;
  const today = todayIso();
  const chart = query.ok ? buildOrgChart(data, query) : null;
  const search = query.ok ? new URLSearchParams(query.mode === "snapshot" ? { at: query.at } : { from: query.from, to: query.to }).toString() : "";

  return (
    <article className="space-y-4">
      <header className="space-y-1">
        <p className="text-sm">
          <Link href={`/companies/${company.slug}`} className="underline">
            {company.name}
          </Link>{" "}
          › org chart
        </p>
        <h1 className="text-2xl font-semibold">{chart ? chart.title : `${company.name} org chart`}</h1>
        <p className="text-sm text-stone-600">
          Positions and reporting lines as the sources place them. Dates are only as precise as the evidence: a start or end known to a month, a year
          or a range is drawn as uncertain, and inside that interval the chart says “may have” rather than guessing.
        </p>
      </header>

      <div className="flex flex-wrap items-end gap-x-8 gap-y-3">
        <SnapshotForm
          action={base}
          today={today}
          at={query.ok ? (query.mode === "snapshot" ? query.at : query.to) : query.values.at}
          errors={!query.ok && query.mode === "snapshot" ? query.errors : undefined}
        />
        <DiffForm
          action={base}
          today={today}
          from={query.ok ? (query.mode === "diff" ? query.from : undefined) : query.values.from}
          to={query.ok ? (query.mode === "diff" ? query.to : query.at) : query.values.to}
          errors={!query.ok && query.mode === "diff" ? query.errors : undefined}
        />
      </div>

      {!query.ok && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800">
          Fix the date{Object.keys(query.errors).length > 1 ? "s" : ""} above to see the chart.
        </p>
      )}

      {chart?.mode === "snapshot" && (
        <TimelineControl
          slug={company.slug}
          at={chart.snapshot.at}
          dates={timelineDates(data.changeDays, today)}
          previous={chart.snapshot.previousChange}
          next={chart.snapshot.nextChange && chart.snapshot.nextChange <= today ? chart.snapshot.nextChange : null}
          summary={stepSummary(chart.index, chart.snapshot.at)}
        />
      )}

      {chart && (
        <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_22rem]">
          <section aria-labelledby="org-chart-heading" className="min-w-0 space-y-2">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="org-chart-heading" className="font-semibold">
                Chart
              </h2>
              <p className="space-x-3 text-sm">
                <a href={`${base}/svg?${search}`} download className="underline">
                  Download SVG
                </a>
                <a
                  href={`/api/companies/${encodeURIComponent(company.slug)}/org${chart.mode === "diff" ? "/diff" : ""}?${search}`}
                  className="underline"
                >
                  JSON
                </a>
                {chart.mode === "diff" && (
                  <>
                    <Link href={orgHref(company.slug, { at: chart.from.at })} className="underline">
                      chart on {formatDay(chart.from.at)}
                    </Link>
                    <Link href={orgHref(company.slug, { at: chart.to.at })} className="underline">
                      chart on {formatDay(chart.to.at)}
                    </Link>
                  </>
                )}
              </p>
            </div>
            {/* on a phone the drawing is too wide to read: the list below has the same shape and facts */}
            <p className="text-sm text-stone-700 sm:hidden">
              {chart.mode === "snapshot"
                ? "On a narrow screen the chart is the indented list below: the same people, managers and evidence. The drawing is in the SVG download."
                : "On a narrow screen the changes are listed below. The drawing is in the SVG download."}
            </p>
            <div className="hidden space-y-2 sm:block">
              <PanZoom key={search} label={chart.title}>
                <div data-testid="org-chart" dangerouslySetInnerHTML={{ __html: chart.svg }} />
              </PanZoom>
              <ChartLegend diff={chart.mode === "diff"} />
            </div>
            {data.undatedEventCount > 0 && (
              <p className="text-xs text-stone-600">
                {data.undatedEventCount} movements at {company.name} have no date in any source and cannot be placed on a chart; they are listed on
                the{" "}
                <Link href={`/companies/${company.slug}`} className="underline">
                  company page
                </Link>
                .
              </p>
            )}
          </section>

          <section aria-labelledby="org-side-heading" className="space-y-2">
            {chart.mode === "snapshot" ? (
              <>
                <h2 id="org-side-heading" className="font-semibold">
                  People on {formatDay(chart.snapshot.at)} ({chart.snapshot.nodes.length})
                </h2>
                <PeopleList snapshot={chart.snapshot} sources={data.sources} />
              </>
            ) : (
              <>
                <h2 id="org-side-heading" className="font-semibold">
                  Changes from {formatDay(chart.from.at)} to {formatDay(chart.to.at)} ({chart.diff.changes.length})
                </h2>
                <ChangeList diff={chart.diff} sources={data.sources} />
              </>
            )}
          </section>
        </div>
      )}
    </article>
  );
}
