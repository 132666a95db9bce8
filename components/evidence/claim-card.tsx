import Link from "next/link";
import type { EventWithClaims } from "@/lib/data/event-json";
import { describeDateReading } from "@/lib/domain/date-reading";
import type { ExcerptInContext } from "@/lib/domain/sentences";
import { passageAnchor } from "@/lib/domain/text-marks";
import { EVENT_KIND_LABELS, MANNER_LABELS, type DateBasis, type EventKind, type Manner, type SourceKind } from "@/lib/domain/vocabulary";
import { Badge } from "@/components/ui/badge";
import { PartialDateText } from "./partial-date-text";

type Claim = EventWithClaims["claims"][number];

const conflicting = (highlight: string[] | undefined, field: string) => (highlight?.includes(field) ? "font-semibold text-amber-800" : "");

/** The excerpt inside its sentence, with the sentence before and after, from the source's stored text. */
function InContext({ claim, inContext }: { claim: Claim; inContext: ExcerptInContext }) {
  return (
    <figure className="mt-2 rounded bg-stone-50 p-2 text-sm" data-testid="excerpt-in-context">
      <figcaption className="mb-1 text-xs font-medium text-stone-600">
        In context{" "}
        <Link href={`/sources/${claim.source.id}#${passageAnchor("excerpt", claim.id)}`} className="font-normal text-sky-800 underline">
          (see it in the full text)
        </Link>
      </figcaption>
      <p lang={claim.source.language} className="text-stone-700">
        {inContext.before && <>{inContext.before} </>}
        {inContext.lead}
        <mark className="rounded-sm bg-amber-200 px-0.5 text-stone-900">{inContext.excerpt}</mark>
        {inContext.trail}
        {inContext.after && <> {inContext.after}</>}
      </p>
    </figure>
  );
}

/** Where to read the source: its web address, an archived copy, or (no address) the text stored here. */
function SourceLinks({ source }: { source: Claim["source"] }) {
  return (
    <>
      {source.url && (
        <>
          {" · "}
          <a href={source.url} rel="noopener noreferrer nofollow" target="_blank" className="underline">
            original
          </a>
        </>
      )}
      {source.archiveUrl && (
        <>
          {" · "}
          <a href={source.archiveUrl} rel="noopener noreferrer nofollow" target="_blank" className="underline">
            archived copy
          </a>
        </>
      )}
      {!source.url && !source.archiveUrl && source.textSha256 && (
        <>
          {" · "}
          <Link href={`/sources/${source.id}#source-text-heading`} className="underline">
            full text (stored here)
          </Link>
        </>
      )}
    </>
  );
}

/**
 * One piece of evidence: the verbatim excerpt in its own language and in its surrounding text, its
 * translation, its source, what it asserts (kind, manner, role) and how its date was read.
 */
export function ClaimCard({ claim, highlight, inContext }: { claim: Claim; highlight?: string[]; inContext?: ExcerptInContext | null }) {
  const inactive = claim.state !== "active";
  const source = claim.source;
  return (
    <article
      id={`claim-${claim.id}`}
      aria-label={`Claim ${claim.id} from ${source.title}`}
      className={`scroll-mt-16 rounded border border-stone-200 bg-white p-3 ${inactive ? "opacity-60" : ""}`}
    >
      <blockquote lang={source.language} className={`border-l-4 border-stone-300 pl-3 text-stone-900 ${inactive ? "line-through" : ""}`}>
        {claim.excerpt}
      </blockquote>
      {claim.translation && (
        <p lang="en" className="mt-1 pl-4 text-sm italic text-stone-600">
          “{claim.translation}”
        </p>
      )}
      {inContext && <InContext claim={claim} inContext={inContext} />}
      {claim.context && (
        <div className="mt-2 text-sm text-stone-700" data-testid="context-excerpt">
          <span className="text-xs font-medium text-stone-600">Context excerpt (supports the date): </span>
          <q lang={source.language}>{claim.context}</q>
          {claim.contextTranslation && (
            <span lang="en" className="italic text-stone-600">
              {" "}
              — “{claim.contextTranslation}”
            </span>
          )}{" "}
          {source.textSha256 && (
            <Link href={`/sources/${source.id}#${passageAnchor("context", claim.id)}`} className="text-xs text-sky-800 underline">
              in the full text
            </Link>
          )}
        </div>
      )}
      <dl className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-stone-600">
        <div>
          <dt className="inline font-medium">Source: </dt>
          <dd className="inline">
            <Link href={`/sources/${source.id}`} className="text-sky-800 underline">
              <span lang={source.language}>{source.title}</span>
            </Link>
            {source.titleEnglish && source.titleEnglish !== source.title && <span lang="en"> (“{source.titleEnglish}”)</span>}
            {source.publisher && <> · {source.publisher}</>}
            {source.publishedText && (
              <>
                {" · "}
                <PartialDateText text={source.publishedText} />
              </>
            )}
            <SourceLinks source={source} />
            {source.cites.length > 0 && (
              <>
                {" · cites "}
                {source.cites.map(({ cited }, i) => (
                  <span key={cited.id}>
                    {i > 0 && ", "}
                    <Link href={`/sources/${cited.id}`} className="underline" title="A source and those it cites count as one independent source">
                      {cited.title}
                    </Link>
                  </span>
                ))}
                {" (counted as one source with it)"}
              </>
            )}
          </dd>
        </div>
        <div>
          <dt className="inline font-medium">Asserts: </dt>
          <dd className={`inline ${conflicting(highlight, "kind")}`}>{EVENT_KIND_LABELS[claim.kind as EventKind] ?? claim.kind}</dd>
          {claim.manner && (
            <dd className={`inline ${conflicting(highlight, "manner")}`} data-testid="claim-manner">
              {" "}
              ({MANNER_LABELS[claim.manner as Manner]})
            </dd>
          )}
          {claim.scope === "board" && <dd className="inline"> · board seat</dd>}
          {claim.role && <dd className="inline">, {claim.role}</dd>}
        </div>
        <div className={conflicting(highlight, "date")}>
          <dt className="inline font-medium">Date: </dt>
          <dd className="inline" data-testid="date-reading">
            {claim.dateBasis && claim.dateBasis !== "stated" ? (
              describeDateReading(
                { dateText: claim.dateText, dateBasis: claim.dateBasis as DateBasis, datePhrase: claim.datePhrase },
                { publishedText: source.publishedText, kind: source.kind as SourceKind },
              )
            ) : (
              <PartialDateText text={claim.dateText} />
            )}
          </dd>
        </div>
        {claim.destination && (
          <div className={conflicting(highlight, "destination")}>
            <dt className="inline font-medium">{claim.destinationRelation === "founded" ? "Founded: " : "Went to: "}</dt>
            <dd className="inline">
              <Link href={`/companies/${claim.destination.slug}`} className="underline">
                {claim.destination.name}
              </Link>
            </dd>
          </div>
        )}
        {claim.tags.length > 0 && (
          <div>
            <dt className="inline font-medium">Tags: </dt>
            <dd className="inline">
              {claim.tags.map(({ tag }, i) => (
                <span key={tag.slug}>
                  {i > 0 && ", "}
                  <Link href={`/?tag=${encodeURIComponent(tag.slug)}`} className="underline">
                    {tag.name}
                  </Link>
                </span>
              ))}
            </dd>
          </div>
        )}
        {claim.batch && (
          <div>
            <dt className="inline font-medium">Imported from: </dt>
            <dd className="inline">
              <Link href={`/import/${claim.batch.id}`} className="underline">
                {claim.batch.dataset}
                {claim.batch.datasetVersion ? ` ${claim.batch.datasetVersion}` : ""} (batch {claim.batch.id})
              </Link>
              {claim.externalId && <>, record {claim.externalId}</>}
              {claim.recordStatus && <>, status “{claim.recordStatus}”</>}
            </dd>
          </div>
        )}
        {claim.note && (
          <div>
            <dt className="inline font-medium">Editor&apos;s note: </dt>
            <dd className="inline">{claim.note}</dd>
          </div>
        )}
        {claim.reason && (
          <div>
            <dt className="inline font-medium">Reason ({claim.reasonEvidence}): </dt>
            <dd className="inline">{claim.reason}</dd>
          </div>
        )}
        {inactive && (
          <div>
            <dt className="sr-only">State</dt>
            <dd className="inline">
              <Badge tone="red">{claim.state}</Badge> {claim.stateReason}
            </dd>
          </div>
        )}
      </dl>
    </article>
  );
}
