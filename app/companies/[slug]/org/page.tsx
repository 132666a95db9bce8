import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { buildOrgChartOnce } from "@/components/org/build-chart";
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
import { loadOrgChart, loadOrgSources } from "@/lib/data/org";
import { GROUP_PAGE, loadOrgView } from "@/lib/data/org-view";
import { GroupNav } from "@/components/org/group-nav";
import { dayParams } from "@/components/org/large-chart";
import { stepSummary } from "@/components/org/step-summary";
import { todayIso } from "@/lib/domain/partial-date";
import { groupParam, parseOpenGroup, parseOrgQuery } from "@/lib/validation/org-params";
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
  const raw = await searchParams;
  const query = parseOrgQuery(raw);
  const opened = parseOpenGroup(raw);
  // the tenures of the days drawn only (of the people drawn, on a large chart); with bad dates, just the company and its timeline
  const data = orNotFound(
    slug === null
      ? null
      : query.ok
        ? await loadOrgView(slug, query, opened.ok ? opened.open : null)
        : { ...(await loadOrgChart(slug, { mode: "days" }))!, large: null },
  );
  const { company } = data;
  const base = `/companies/${encodeURIComponent(company.slug)}/org`;
  const today = todayIso();
  const chart = query.ok ? buildOrgChartOnce(data, query) : null;
  const open = chart?.large?.open;
  const search = new URLSearchParams({
    ...(query.ok ? dayParams(query) : {}),
    ...(open ? { group: groupParam(open.group), page: String(open.page) } : {}),
  }).toString();
  const drawing = chart?.large ?? null;
  // a large chart lists the people it draws (the structure and the open page) and the changes of those people
  const listed = chart?.mode === "snapshot" && drawing ? chart.snapshot.nodes.filter((n) => drawing.drawn.has(n.person.id)) : null;
  const changes =
    chart?.mode === "diff" && drawing
      ? drawing.open
        ? chart.diff.changes.filter((c) => drawing.drawn.has(c.person.id))
        : chart.diff.changes.slice(0, GROUP_PAGE * 2)
      : null;
  // a large diff read no sources: those of the changes listed
  const sources = changes ? await loadOrgSources(changes.flatMap((c) => c.claims)) : data.sources;
  const counts = drawing ? { unplaced: drawing.unplaced, group: drawing.countOf } : undefined;

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

      {!opened.ok && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800">
          {Object.values(opened.errors).flat().join(" ")} The chart below opens no group.
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
          keep={open ? { group: groupParam(open.group) } : {}}
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
                  People on {formatDay(chart.snapshot.at)} ({(data.large?.total ?? chart.snapshot.nodes.length).toLocaleString("en-US")})
                </h2>
                {drawing && query.ok && <GroupNav drawing={drawing} slug={company.slug} query={query} />}
                {(!listed || listed.length > 0) && (
                  <PeopleList snapshot={listed ? { ...chart.snapshot, nodes: listed } : chart.snapshot} sources={data.sources} counts={counts} />
                )}
              </>
            ) : (
              <>
                <h2 id="org-side-heading" className="font-semibold">
                  Changes from {formatDay(chart.from.at)} to {formatDay(chart.to.at)} ({chart.diff.changes.length})
                </h2>
                {drawing && query.ok && <GroupNav drawing={drawing} slug={company.slug} query={query} />}
                {changes && !drawing?.open && changes.length < chart.diff.changes.length && (
                  <p className="text-sm text-stone-700">
                    The first {changes.length} changes are listed; open a role group to list the changes of its people.
                  </p>
                )}
                <ChangeList diff={changes ? { ...chart.diff, changes } : chart.diff} sources={sources} />
              </>
            )}
          </section>
        </div>
      )}
    </article>
  );
}
