import { Suspense } from "react";
import Link from "next/link";
import { connection } from "next/server";
import { EventLine } from "@/components/evidence/event-line";
import { PartialDateText } from "@/components/evidence/partial-date-text";
import { StatusBadge } from "@/components/evidence/status-badge";
import { Badge } from "@/components/ui/badge";
import { PageSkeleton } from "@/components/ui/page-skeleton";
import { getSource } from "@/lib/data/sources";
import { EVENT_KIND_LABELS, SOURCE_KIND_LABELS, type EventKind, type SourceKind } from "@/lib/domain/vocabulary";

export default function SourcePage({ params }: PageProps<"/sources/[id]">) {
  return (
    <Suspense fallback={<PageSkeleton label="Loading the source" />}>
      <SourceView params={params} />
    </Suspense>
  );
}

type Source = Awaited<ReturnType<typeof getSource>>;
type SourceClaim = Source["claims"][number];

async function SourceView({ params }: { params: PageProps<"/sources/[id]">["params"] }) {
  await connection();
  const source = await getSource(Number((await params).id));
  // one entry per event, in the order the source's claims were recorded
  const events = [...new Map(source.claims.map((c) => [c.event.id, c])).values()];
  const onlyHere = events.filter((c) => c.onlySource);
  return (
    <article className="space-y-6">
      <header className="space-y-1">
        <h1 lang={source.language} className="text-2xl font-semibold">{source.title}</h1>
        <p className="text-sm text-stone-600">
          {SOURCE_KIND_LABELS[source.kind as SourceKind] ?? source.kind}
          {source.publisher && <> · {source.publisher}</>}
          {" · published "}
          <PartialDateText text={source.publishedText} />
          {" · language "}
          {source.language}
          {source.url && (
            <>
              {" · "}
              <a href={source.url} rel="noopener noreferrer nofollow" className="underline">{source.url}</a>
            </>
          )}
        </p>
        <p className="text-sm">
          {source.claims.length} {source.claims.length === 1 ? "claim" : "claims"} about {events.length}{" "}
          {events.length === 1 ? "event" : "events"}; the only source for {onlyHere.length} of them.
        </p>
      </header>

      <section aria-labelledby="only-heading" className="space-y-2">
        <h2 id="only-heading" className="font-semibold">Events only this source supports ({onlyHere.length})</h2>
        {onlyHere.length === 0 ? (
          <p className="text-sm text-stone-600">Every event this source speaks to is also supported by another source.</p>
        ) : (
          <>
            <p className="text-sm text-stone-600">If this source were wrong, nothing else on record would back these up.</p>
            <ul className="space-y-1" data-testid="only-source-events">
              {onlyHere.map((c) => (
                <li key={c.event.id}>
                  <EventLine event={{ ...c.event, destination: c.destination, destinationRelation: c.destinationRelation }} />
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="claims-heading" className="space-y-2">
        <h2 id="claims-heading" className="font-semibold">What it asserts ({source.claims.length})</h2>
        <ol className="space-y-3">
          {source.claims.map((c) => (
            <li key={c.id} id={`claim-${c.id}`} className={`rounded border border-stone-200 bg-white p-3 ${c.state === "active" ? "" : "opacity-70"}`}>
              <Assertion claim={c} />
              <blockquote lang={source.language} className={`mt-2 border-l-4 border-stone-300 pl-3 ${c.state === "active" ? "" : "line-through"}`}>
                {c.excerpt}
              </blockquote>
              {c.translation && <p lang="en" className="pl-4 text-sm italic text-stone-600">“{c.translation}”</p>}
              <p className="mt-2 flex flex-wrap items-center gap-2 text-xs text-stone-600">
                <span>Part of</span>
                <Link href={`/events/${c.event.id}`} className="text-sky-800 underline">event {c.event.id}</Link>
                <StatusBadge status={c.event.status} />
                {c.onlySource && <Badge tone="amber" title="No other source supports this event">only source</Badge>}
                {c.state !== "active" && <Badge tone="red">{c.state}</Badge>}
              </p>
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}

/** The claim's own reading of the excerpt, which may differ from the event's summary of all its claims. */
function Assertion({ claim: c }: { claim: SourceClaim }) {
  return (
    <p className="flex flex-wrap items-baseline gap-x-1.5 text-sm">
      <Link href={`/people/${c.event.person.slug}`} className="font-medium underline decoration-stone-300">{c.event.person.name}</Link>
      <span>{(EVENT_KIND_LABELS[c.kind as EventKind] ?? c.kind).toLowerCase()}</span>
      {c.role && <span>as {c.role}</span>}
      <span className="text-stone-500">{c.kind === "joined" ? "at" : "·"}</span>
      <Link href={`/companies/${c.event.company.slug}`} className="underline decoration-stone-300">{c.event.company.name}</Link>
      {c.destination && (
        <>
          <span className="text-stone-500">→ {c.destinationRelation === "founded" ? "founded" : "joined"}</span>
          <Link href={`/companies/${c.destination.slug}`} className="underline decoration-stone-300">{c.destination.name}</Link>
        </>
      )}
      <span className="text-stone-600">
        · date: <PartialDateText text={c.dateText} />
      </span>
      {c.reason && <span className="text-stone-600">· reason ({c.reasonEvidence}): {c.reason}</span>}
    </p>
  );
}
