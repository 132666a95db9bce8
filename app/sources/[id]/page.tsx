import { Suspense } from "react";
import { connection } from "next/server";
import { EventLine } from "@/components/evidence/event-line";
import { PartialDateText } from "@/components/evidence/partial-date-text";
import { Badge } from "@/components/ui/badge";
import { PageSkeleton } from "@/components/ui/page-skeleton";
import { getSource } from "@/lib/data/sources";
import { SOURCE_KIND_LABELS, type SourceKind } from "@/lib/domain/vocabulary";

export default function SourcePage({ params }: PageProps<"/sources/[id]">) {
  return (
    <Suspense fallback={<PageSkeleton label="Loading the source" />}>
      <SourceView params={params} />
    </Suspense>
  );
}

async function SourceView({ params }: { params: PageProps<"/sources/[id]">["params"] }) {
  await connection();
  const source = await getSource(Number((await params).id));
  const onlySource = source.claims.filter((c) => c.onlySource).length;
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
          {source.claims.length} claims; the only source for {onlySource} of the events they support.
        </p>
      </header>
      <ol className="space-y-3">
        {source.claims.map((c) => (
          <li key={c.id} id={`claim-${c.id}`} className="rounded border border-stone-200 bg-white p-3">
            <EventLine event={{ ...c.event, destination: c.destination, destinationRelation: c.destinationRelation }} />
            {c.onlySource && <Badge tone="amber" title="No other source supports this event">only source</Badge>}
            <blockquote lang={source.language} className="mt-2 border-l-4 border-stone-300 pl-3">{c.excerpt}</blockquote>
            {c.translation && <p lang="en" className="pl-4 text-sm italic text-stone-600">“{c.translation}”</p>}
          </li>
        ))}
      </ol>
    </article>
  );
}
