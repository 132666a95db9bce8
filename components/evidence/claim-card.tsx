import Link from "next/link";
import type { EventWithClaims } from "@/lib/data/event-json";
import { EVENT_KIND_LABELS, type EventKind } from "@/lib/domain/vocabulary";
import { Badge } from "@/components/ui/badge";
import { PartialDateText } from "./partial-date-text";

type Claim = EventWithClaims["claims"][number];

/** One piece of evidence: the verbatim excerpt in its own language, its translation, its source and what it asserts. */
export function ClaimCard({ claim, highlight }: { claim: Claim; highlight?: string[] }) {
  const inactive = claim.state !== "active";
  return (
    <article
      id={`claim-${claim.id}`}
      aria-label={`Claim ${claim.id} from ${claim.source.title}`}
      className={`rounded border border-stone-200 bg-white p-3 ${inactive ? "opacity-60" : ""}`}
    >
      <blockquote lang={claim.source.language} className={`border-l-4 border-stone-300 pl-3 text-stone-900 ${inactive ? "line-through" : ""}`}>
        {claim.excerpt}
      </blockquote>
      {claim.translation && (
        <p lang="en" className="mt-1 pl-4 text-sm italic text-stone-600">
          “{claim.translation}”
        </p>
      )}
      <dl className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-stone-600">
        <div>
          <dt className="inline font-medium">Source: </dt>
          <dd className="inline">
            <Link href={`/sources/${claim.source.id}`} className="text-sky-800 underline">
              {claim.source.title}
            </Link>
            {claim.source.publisher && <> · {claim.source.publisher}</>}
            {claim.source.publishedText && <> · {claim.source.publishedText}</>}
            {claim.source.url && (
              <>
                {" · "}
                <a href={claim.source.url} rel="noopener noreferrer nofollow" target="_blank" className="underline">
                  original
                </a>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt className="inline font-medium">Asserts: </dt>
          <dd className={`inline ${highlight?.includes("kind") ? "font-semibold text-amber-800" : ""}`}>
            {EVENT_KIND_LABELS[claim.kind as EventKind] ?? claim.kind}
          </dd>
          {claim.role && <dd className="inline">, {claim.role}</dd>}
        </div>
        <div className={highlight?.includes("date") ? "font-semibold text-amber-800" : ""}>
          <dt className="inline font-medium">Date: </dt>
          <dd className="inline">
            <PartialDateText text={claim.dateText} />
          </dd>
        </div>
        {claim.destination && (
          <div className={highlight?.includes("destination") ? "font-semibold text-amber-800" : ""}>
            <dt className="inline font-medium">{claim.destinationRelation === "founded" ? "Founded: " : "Went to: "}</dt>
            <dd className="inline">
              <Link href={`/companies/${claim.destination.slug}`} className="underline">
                {claim.destination.name}
              </Link>
            </dd>
          </div>
        )}
        {claim.note && (
          <div>
            <dt className="inline font-medium">Editor's note: </dt>
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
