import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { ChangeLogList } from "@/components/claim-form/change-log-list";
import { RevertButton } from "@/components/review/revert-button";
import { can } from "@/lib/auth/roles";
import { currentAccount } from "@/lib/auth/server";
import { ClaimEditForm } from "@/components/claim-form/claim-edit-form";
import { ClaimStateForm } from "@/components/claim-form/claim-state-form";
import { ConflictTable } from "@/components/claim-form/conflict-table";
import { ClaimCard } from "@/components/evidence/claim-card";
import { EventLine } from "@/components/evidence/event-line";
import { FieldSupportTable } from "@/components/evidence/field-support";
import { readDraft } from "@/lib/actions/form-drafts";
import { listChanges } from "@/lib/data/changes";
import { getEvent } from "@/lib/data/events";
import { db } from "@/lib/db";
import { summarizeStoredEvent } from "@/lib/data/event-facts";
import { excerptsInContext } from "@/lib/data/sources";
import { parseIdParam } from "@/lib/validation/route-params";
import { eventTitle } from "@/lib/data/page-titles";

export async function generateMetadata({ params }: PageProps<"/events/[id]">): Promise<Metadata> {
  return eventTitle((await params).id);
}

// Rendered whole, not streamed into a Suspense boundary, so the page and its retract forms work
// without JavaScript (streamed content needs it to appear). See docs/decisions/0021-forms-without-javascript.md.
export const instant = false;

type Params = PageProps<"/events/[id]">;

/** What the form or a correction just did, said once after the redirect. */
function Notice({ added, changed, claim }: { added?: string; changed?: string; claim?: string }) {
  const text =
    added === "created"
      ? `Recorded a new event with your claim (claim ${claim}).`
      : added === "merged"
        ? `Added your claim (claim ${claim}) to this event.`
        : added === "duplicate"
          ? `This claim was already recorded (claim ${claim}); nothing was added.`
          : changed === "retracted" || changed === "deprecated"
            ? `Claim ${claim} is now ${changed}; the event was recomputed from the remaining claims.`
            : changed === "edited"
              ? `Saved the translation and note of claim ${claim}.`
              : changed === "unchanged"
                ? `Claim ${claim} already had that translation and note; nothing changed.`
                : null;
  if (!text) return null;
  return (
    <p role="status" className="rounded border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
      {text}
    </p>
  );
}

export default async function EventPage({ params, searchParams }: Params) {
  await connection();
  const event = await getEvent(parseIdParam(await params));
  const [query, summary, log, inContext, viewer] = await Promise.all([
    searchParams,
    summarizeStoredEvent(db, event.id),
    listChanges(db, { eventId: event.id, limit: 100 }),
    excerptsInContext(event.claims),
    currentAccount(),
  ]);
  // corrections are editors' work: others see the evidence and the log, and are told who can correct it
  const editor = viewer !== null && can(viewer.role, "correct");
  const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);
  const draft = readDraft(query.draft);
  const conflictFields = (claimId: number) => summary.conflicts.filter((c) => c.values.some((v) => v.claimIds.includes(claimId))).map((c) => c.field);

  return (
    <article className="space-y-5">
      <Notice added={one(query.added)} changed={one(query.changed)} claim={one(query.claim)} />
      <h1 className="text-xl font-semibold">
        <EventLine event={event} disputedManner={summary.conflicts.some((c) => c.field === "manner")} />
      </h1>
      {event.reason && (
        <p className="text-sm text-stone-700">
          Stated reason ({event.reasonEvidence}): {event.reason}
        </p>
      )}

      {summary.conflicts.length > 0 && (
        <section aria-labelledby="conflicts-heading" className="space-y-3 rounded border border-amber-300 bg-white p-3">
          <h2 id="conflicts-heading" className="font-semibold text-amber-900">
            Disputed: the sources disagree
          </h2>
          <p className="text-sm text-stone-700">Every claim is kept. The event shows the best-supported value; the claims below say otherwise.</p>
          {summary.conflicts.map((c) => (
            <ConflictTable key={c.field} conflict={c} claims={event.claims} />
          ))}
        </section>
      )}

      <section aria-labelledby="support-heading" className="space-y-2">
        <h2 id="support-heading" className="font-semibold">
          What supports each value
        </h2>
        <p className="text-sm text-stone-700">
          For each field, the claims behind the value shown above, the claims that say otherwise, and the rule that chose it. A source and the sources
          it cites count as one independent source.
        </p>
        <FieldSupportTable support={summary.support} claims={event.claims} />
      </section>

      <section aria-labelledby="claims-heading" className="space-y-2">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="claims-heading" className="font-semibold">
            Evidence ({event.claims.length} {event.claims.length === 1 ? "claim" : "claims"})
          </h2>
          <Link href={`/events/new?event=${event.id}`} className="text-sm text-sky-800 underline">
            Add a claim to this event
          </Link>
        </div>
        {event.claims.map((c) => (
          <div key={c.id}>
            <ClaimCard claim={c} highlight={conflictFields(c.id)} inContext={inContext.get(c.id)} />
            {editor && c.state === "active" && (
              <ClaimStateForm claimId={c.id} eventId={event.id} initialState={one(query.claim) === String(c.id) ? draft : null} />
            )}
            {editor && (
              <ClaimEditForm
                key={`${c.translation ?? ""}\u0000${c.note ?? ""}`}
                claimId={c.id}
                eventId={event.id}
                translation={c.translation}
                note={c.note}
                initialState={one(query.edit) === String(c.id) ? draft : null}
              />
            )}
          </div>
        ))}
      </section>

      <section aria-labelledby="log-heading" className="space-y-2">
        <h2 id="log-heading" className="font-semibold">
          Change log
        </h2>
        {!editor && (
          <p className="text-sm text-stone-600">
            Editors retract, correct and revert claims;{" "}
            {viewer ? (
              "your account is a contributor"
            ) : (
              <Link href={`/sign-in?next=/events/${event.id}`} className="underline">
                sign in
              </Link>
            )}
            .
          </p>
        )}
        <ChangeLogList changes={log.changes} showEvent={false} actions={editor ? (c) => <RevertButton change={c} /> : undefined} />
        <p className="text-sm">
          <Link href="/changes" className="text-sky-800 underline">
            All changes
          </Link>
        </p>
      </section>
    </article>
  );
}
