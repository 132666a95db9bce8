/**
 * Everything a fact-checker needs to find and verify a source: titles, publisher, dates, where it is
 * (web address, archive, or its own stored text), the fingerprint of that text, and what it cites or is
 * cited by (which makes them one independent source, not two).
 */
import Link from "next/link";
import type { ReactNode } from "react";
import { PartialDateText } from "@/components/evidence/partial-date-text";
import type { SourceDetail } from "@/lib/data/sources";
import { SOURCE_KIND_LABELS, type SourceKind } from "@/lib/domain/vocabulary";

type Related = SourceDetail["cites"][number];

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[10rem_1fr] gap-2 py-1">
      <dt className="font-medium text-stone-700">{term}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

const unknown = (what: string) => <span className="text-stone-500">{what}</span>;

function RelatedList({ sources }: { sources: Related[] }) {
  return (
    <ul className="space-y-0.5">
      {sources.map((s) => (
        <li key={s.id}>
          <Link href={`/sources/${s.id}`} className="text-sky-800 underline">
            <span lang={s.language}>{s.title}</span>
          </Link>
          {s.publisher && <> · {s.publisher}</>}
          {s.url && (
            <>
              {" · "}
              <a href={s.url} rel="noopener noreferrer nofollow" className="underline">
                {s.url}
              </a>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

export function SourceMeta({ source }: { source: SourceDetail }) {
  const hasText = source.text !== null && source.text !== "";
  return (
    <dl className="divide-y divide-stone-100 rounded border border-stone-200 bg-white px-3 py-1 text-sm" data-testid="source-meta">
      <Row term="Kind">{SOURCE_KIND_LABELS[source.kind as SourceKind] ?? source.kind}</Row>
      <Row term="Title (original)">
        <span lang={source.language}>{source.title}</span>
      </Row>
      <Row term="Title (English)">{source.titleEnglish ? <span lang="en">{source.titleEnglish}</span> : unknown("none recorded")}</Row>
      <Row term="Publisher">{source.publisher ?? unknown("not stated")}</Row>
      <Row term="Published">{source.publishedText ? <PartialDateText text={source.publishedText} /> : unknown("not stated")}</Row>
      <Row term="Language">{source.language}</Row>
      <Row term="Web address">
        {source.url ? (
          <a href={source.url} rel="noopener noreferrer nofollow" className="underline">
            {source.url}
          </a>
        ) : (
          unknown("none: a print, offline or transcribed source")
        )}
      </Row>
      <Row term="Archived copy">
        {source.archiveUrl ? (
          <a href={source.archiveUrl} rel="noopener noreferrer nofollow" className="underline">
            {source.archiveUrl}
          </a>
        ) : hasText && !source.url ? (
          <>
            This source has no web address, so its stored text is its own archive:{" "}
            <a href="#source-text-heading" className="text-sky-800 underline">
              read the full text below
            </a>
            .
          </>
        ) : hasText ? (
          <>
            None elsewhere; the full text is stored here:{" "}
            <a href="#source-text-heading" className="text-sky-800 underline">
              read it below
            </a>
            .
          </>
        ) : (
          unknown("none recorded")
        )}
      </Row>
      <Row term="Accessed">{source.accessedAt ? <PartialDateText text={source.accessedAt} /> : unknown("not recorded")}</Row>
      <Row term="Stored text">
        {hasText ? (
          <>
            {source.text!.length.toLocaleString("en")} characters; SHA-256{" "}
            <code className="break-all rounded bg-stone-100 px-1 text-xs" data-testid="text-sha256">
              {source.textSha256}
            </code>
          </>
        ) : (
          unknown("no text stored")
        )}
      </Row>
      {(source.cites.length > 0 || source.citedBy.length > 0) && (
        <>
          {source.cites.length > 0 && (
            <Row term="Cites or republishes">
              <RelatedList sources={source.cites} />
            </Row>
          )}
          {source.citedBy.length > 0 && (
            <Row term="Cited by">
              <RelatedList sources={source.citedBy} />
            </Row>
          )}
          <div className="py-1 text-stone-700" role="note">
            A source and the sources it cites count as <strong>one independent source</strong>: when they agree, the event is not corroborated by that
            agreement alone.
          </div>
        </>
      )}
    </dl>
  );
}
