import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { ProposalCard } from "@/components/ingest-article/proposal-card";
import { ProposalText } from "@/components/ingest-article/proposal-text";
import { ReviewKeys } from "@/components/ingest-article/review-keys";
import { DoneNotice, DraftAlert } from "@/components/ui/notices";
import { readDraft } from "@/lib/actions/form-drafts";
import { can } from "@/lib/auth/roles";
import { currentAccount } from "@/lib/auth/server";
import { loadKnownNames, recordedEventsFor, rejectedFingerprints } from "@/lib/data/extract-context";
import { orNotFound } from "@/lib/data/not-found";
import { db } from "@/lib/db";
import { extractProposals, markRepeats } from "@/lib/extract/extract";
import { EXTRACT_LANGUAGES, type ExtractLanguage } from "@/lib/extract/types";
import { parseIdParam } from "@/lib/validation/route-params";

export const metadata: Metadata = { title: "Review an article's proposals" };
export const instant = false;

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

/** The stored article with the claims it proposes, each to accept, edit or reject. */
export default async function ArticleReviewPage({ params, searchParams }: PageProps<"/ingest/article/[id]">) {
  await connection();
  const account = await currentAccount();
  const id = parseIdParam(await params);
  if (!account) redirect(`/sign-in?next=/ingest/article/${Number.isSafeInteger(id) ? id : ""}`);
  const q = await searchParams;
  const source = orNotFound(
    Number.isSafeInteger(id)
      ? await db.source.findUnique({ where: { id }, select: { id: true, title: true, text: true, language: true, publishedText: true } })
      : null,
  );
  if (!can(account.role, "submit")) return <p role="alert">Your account cannot add evidence.</p>;
  if (!source.text) {
    return (
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">{source.title}</h1>
        <p role="alert">This source has no stored text to read. Paste it on the article page.</p>
      </div>
    );
  }
  const language = (EXTRACT_LANGUAGES as readonly string[]).includes(source.language.slice(0, 2))
    ? (source.language.slice(0, 2) as ExtractLanguage)
    : undefined;
  const [names, rejected] = await Promise.all([loadKnownNames(db), rejectedFingerprints(db, source.id)]);
  const result = extractProposals(
    { text: source.text, language, publishedAt: source.publishedText ?? undefined, title: source.title },
    { ...names, rejected },
  );
  const proposals = markRepeats(result.proposals, await recordedEventsFor(db, result.proposals));
  const draft = readDraft(q.draft);
  const draftFor = one(q.proposal);
  const canPublish = can(account.role, "publish");
  const accepted = one(q.accepted);
  const event = one(q.event);

  return (
    <div className="space-y-4">
      <h1 lang={source.language} className="text-2xl font-semibold">
        {source.title}
      </h1>
      <p className="text-sm text-stone-700">
        Stored as{" "}
        <Link href={`/sources/${source.id}`} className="text-sky-800 underline">
          source #{source.id}
        </Link>
        {source.publishedText ? `, published ${source.publishedText}` : ", publication date unknown"} · language {result.language} ·{" "}
        {proposals.length} proposals{result.suppressed > 0 ? ` (${result.suppressed} rejected before, not shown)` : ""}.
      </p>
      {accepted && event && /^\d+$/.test(accepted) && /^\d+$/.test(event) && (
        <DoneNotice>
          {one(q.outcome) === "duplicate" ? "Already recorded: nothing was added. " : "Published "}
          <Link href={`/events/${event}#claim-${accepted}`} className="underline">
            claim #{accepted}
          </Link>{" "}
          with this article as its source.
        </DoneNotice>
      )}
      {one(q.submitted) && /^\d+$/.test(one(q.submitted)!) && (
        <DoneNotice>
          Submitted for review as{" "}
          <Link href={`/submissions#submission-${one(q.submitted)}`} className="underline">
            submission #{one(q.submitted)}
          </Link>
          ; an editor publishes it.
        </DoneNotice>
      )}
      {one(q.rejected) && <DoneNotice>Rejected: it will not be proposed again for this article.</DoneNotice>}
      {!draftFor && <DraftAlert draft={draft} />}
      <div className="grid gap-4 lg:grid-cols-2">
        <section aria-labelledby="text-heading" className="space-y-2">
          <h2 id="text-heading" className="font-semibold">
            The article
          </h2>
          <p className="text-xs text-stone-600">
            <mark className="rounded-sm bg-amber-200 px-0.5">Excerpts</mark> and <mark className="rounded-sm bg-sky-100 px-0.5">context</mark> of the
            proposals are highlighted; each links to its proposal.
          </p>
          <ProposalText text={source.text} language={source.language} proposals={proposals} />
        </section>
        <section id="proposals" aria-labelledby="proposals-heading" className="space-y-2">
          <h2 id="proposals-heading" className="font-semibold">
            Proposals ({proposals.length})
          </h2>
          <p className="text-xs text-stone-600">
            Keyboard: <kbd>j</kbd>/<kbd>k</kbd> next/previous proposal, <kbd>a</kbd> accept, <kbd>e</kbd> edit, <kbd>r</kbd> reject.{" "}
            {canPublish ? "Accepted proposals are published at once." : "Accepted proposals wait for an editor's review."}
          </p>
          {proposals.length === 0 && <p className="text-sm text-stone-600">Nothing in this text reads as someone leaving or joining.</p>}
          {proposals.map((p, i) => (
            <ProposalCard
              key={p.fingerprint}
              p={p}
              index={i}
              sourceId={source.id}
              language={source.language}
              published={source.publishedText}
              canPublish={canPublish}
              draft={draftFor === p.fingerprint ? draft : null}
            />
          ))}
        </section>
      </div>
      <ReviewKeys />
    </div>
  );
}
