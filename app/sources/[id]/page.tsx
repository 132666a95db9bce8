import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { EventLine } from "@/components/evidence/event-line";
import { PartialDateText } from "@/components/evidence/partial-date-text";
import { SourceMeta } from "@/components/evidence/source-meta";
import { SourceText, type MarkedClaim } from "@/components/evidence/source-text";
import { StatusBadge } from "@/components/evidence/status-badge";
import { Badge } from "@/components/ui/badge";
import { getSource, type SourceDetail } from "@/lib/data/sources";
import { describeDateReading } from "@/lib/domain/date-reading";
import { locatePassages, passageAnchor } from "@/lib/domain/text-marks";
import { EVENT_KIND_LABELS, MANNER_LABELS, type DateBasis, type EventKind, type Manner, type SourceKind } from "@/lib/domain/vocabulary";
import { parseIdParam } from "@/lib/validation/route-params";
import { sourceTitle } from "@/lib/data/page-titles";

export async function generateMetadata({ params }: PageProps<"/sources/[id]">): Promise<Metadata> {
  return sourceTitle((await params).id);
}

// Rendered whole, not streamed into a Suspense boundary, so the text and its marks are there without
// JavaScript. See docs/decisions/0021-forms-without-javascript.md.
export const instant = false;

type SourceClaim = SourceDetail["claims"][number];

const claimLabel = (c: SourceClaim) =>
  `${c.event.person.name} ${(EVENT_KIND_LABELS[c.kind as EventKind] ?? c.kind).toLowerCase()}${c.manner && c.manner !== "unknown" ? ` (${MANNER_LABELS[c.manner as Manner].toLowerCase()})` : ""} · ${c.event.company.name}`;

export default async function SourcePage({ params }: PageProps<"/sources/[id]">) {
  await connection();
  const source = await getSource(parseIdParam(await params));
  // one entry per event, in the order the source's claims were recorded
  const events = [...new Map(source.claims.map((c) => [c.event.id, c])).values()];
  const onlyHere = events.filter((c) => c.onlySource);
  const text = source.text ?? "";
  const { ranges, missing } = locatePassages(text, source.claims);
  const located = new Set(ranges.filter((r) => r.role === "excerpt").map((r) => r.claimId));
  const locatedContext = new Set(ranges.filter((r) => r.role === "context").map((r) => r.claimId));
  const marked = new Map<number, MarkedClaim>(source.claims.map((c) => [c.id, { eventId: c.event.id, label: claimLabel(c) }]));

  return (
    <article className="space-y-6">
      <header className="space-y-1">
        <h1 lang={source.language} className="text-2xl font-semibold">
          {source.title}
        </h1>
        {source.titleEnglish && source.titleEnglish !== source.title && (
          <p lang="en" className="text-lg text-stone-700">
            {source.titleEnglish}
          </p>
        )}
        <p className="text-sm">
          {source.claims.length} {source.claims.length === 1 ? "claim" : "claims"} about {events.length} {events.length === 1 ? "event" : "events"};
          the only source for {onlyHere.length} of them.
        </p>
      </header>

      <section aria-labelledby="about-heading" className="space-y-2">
        <h2 id="about-heading" className="font-semibold">
          About this source
        </h2>
        <SourceMeta source={source} />
      </section>

      <section aria-labelledby="only-heading" className="space-y-2">
        <h2 id="only-heading" className="font-semibold">
          Events only this source supports ({onlyHere.length})
        </h2>
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

      {text && (
        <section aria-labelledby="source-text-heading" className="space-y-2">
          <h2 id="source-text-heading" className="font-semibold">
            Full text
          </h2>
          <p className="text-sm text-stone-600">
            As stored. <mark className="rounded-sm bg-amber-200 px-0.5">Excerpts</mark> and{" "}
            <mark className="rounded-sm bg-sky-100 px-0.5">context excerpts</mark> of its claims are highlighted; each links to its claim, and the
            small numbers after a passage are the claims it belongs to.
            {missing.length > 0 && (
              <>
                {" "}
                {missing.length} {missing.length === 1 ? "passage was" : "passages were"} not found in this text (recorded before the text was
                stored): claims {[...new Set(missing.map((m) => m.claimId))].join(", ")}.
              </>
            )}
          </p>
          <SourceText text={text} language={source.language} ranges={ranges} claims={marked} />
        </section>
      )}

      <section aria-labelledby="claims-heading" className="space-y-2">
        <h2 id="claims-heading" className="font-semibold">
          What it asserts ({source.claims.length})
        </h2>
        <ol className="space-y-3">
          {source.claims.map((c) => (
            <li
              key={c.id}
              id={`claim-${c.id}`}
              className={`rounded border border-stone-200 bg-white p-3 ${c.state === "active" ? "" : "opacity-70"}`}
            >
              <Assertion claim={c} source={source} />
              <blockquote lang={source.language} className={`mt-2 border-l-4 border-stone-300 pl-3 ${c.state === "active" ? "" : "line-through"}`}>
                {c.excerpt}
              </blockquote>
              {c.translation && (
                <p lang="en" className="pl-4 text-sm italic text-stone-600">
                  “{c.translation}”
                </p>
              )}
              {c.context && (
                <div className="mt-1 pl-4 text-sm text-stone-700">
                  <span className="font-medium">Context: </span>
                  <q lang={source.language}>{c.context}</q>
                  {c.contextTranslation && (
                    <span lang="en" className="italic text-stone-600">
                      {" "}
                      (“{c.contextTranslation}”)
                    </span>
                  )}
                  {locatedContext.has(c.id) && (
                    <>
                      {" "}
                      <a href={`#${passageAnchor("context", c.id)}`} className="text-xs text-sky-800 underline">
                        in the text
                      </a>
                    </>
                  )}
                </div>
              )}
              <p className="mt-2 flex flex-wrap items-center gap-2 text-xs text-stone-600">
                <span>Part of</span>
                <Link href={`/events/${c.event.id}#claim-${c.id}`} className="text-sky-800 underline">
                  event {c.event.id}
                </Link>
                <StatusBadge status={c.event.status} />
                {located.has(c.id) && (
                  <a href={`#${passageAnchor("excerpt", c.id)}`} className="text-sky-800 underline">
                    excerpt in the full text
                  </a>
                )}
                {c.onlySource && (
                  <Badge tone="amber" title="No other source supports this event">
                    only source
                  </Badge>
                )}
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
function Assertion({ claim: c, source }: { claim: SourceClaim; source: SourceDetail }) {
  return (
    <p className="flex flex-wrap items-baseline gap-x-1.5 text-sm">
      <Link href={`/people/${c.event.person.slug}`} className="font-medium underline decoration-stone-300">
        {c.event.person.name}
      </Link>
      <span>{(EVENT_KIND_LABELS[c.kind as EventKind] ?? c.kind).toLowerCase()}</span>
      {c.manner && <span>({MANNER_LABELS[c.manner as Manner].toLowerCase()})</span>}
      {c.role && <span>as {c.role}</span>}
      <span className="text-stone-500">{c.kind === "joined" ? "at" : "·"}</span>
      <Link href={`/companies/${c.event.company.slug}`} className="underline decoration-stone-300">
        {c.event.company.name}
      </Link>
      {c.scope === "board" && <span>(board seat)</span>}
      {c.destination && (
        <>
          <span className="text-stone-500">→ {c.destinationRelation === "founded" ? "founded" : "joined"}</span>
          <Link href={`/companies/${c.destination.slug}`} className="underline decoration-stone-300">
            {c.destination.name}
          </Link>
        </>
      )}
      <span className="text-stone-600">
        · date:{" "}
        {c.dateBasis && c.dateBasis !== "stated" ? (
          <span data-testid="date-reading">
            {describeDateReading(
              { dateText: c.dateText, dateBasis: c.dateBasis as DateBasis, datePhrase: c.datePhrase },
              { publishedText: source.publishedText, kind: source.kind as SourceKind },
            )}
          </span>
        ) : (
          <PartialDateText text={c.dateText} />
        )}
      </span>
      {c.reason && (
        <span className="text-stone-600">
          · reason ({c.reasonEvidence}): {c.reason}
        </span>
      )}
    </p>
  );
}
