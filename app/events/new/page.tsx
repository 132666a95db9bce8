import type { Metadata } from "next";
import { connection } from "next/server";
import { ClaimForm } from "@/components/claim-form/claim-form";
import type { ActionState } from "@/lib/actions/action-state";
import type { CreateClaimExtra } from "@/lib/actions/create-claim";
import { readDraft } from "@/lib/actions/form-drafts";
import { eventPrefill } from "@/lib/data/events";
import { findEventCandidates } from "@/lib/ingest/preflight";
import { EVENT_KINDS, type EventKind } from "@/lib/domain/vocabulary";
import { listSources } from "@/lib/data/sources";
import { db } from "@/lib/db";
import { parseIdParam } from "@/lib/validation/route-params";

export const metadata: Metadata = { title: "Add an event" };

// Rendered whole, not streamed into a Suspense boundary: streamed content needs JavaScript to appear,
// and this form must work without it. See docs/decisions/0021-forms-without-javascript.md.
export const instant = false;

export default async function NewEventPage({ searchParams }: PageProps<"/events/new">) {
  await connection();
  const params = await searchParams;
  const eventParam = typeof params.event === "string" ? parseIdParam({ id: params.event }) : NaN;
  const [sources, prefill] = await Promise.all([
    listSources(),
    Number.isSafeInteger(eventParam) && eventParam > 0 ? eventPrefill(db, eventParam) : null,
  ]);
  const draft = readDraft(params.draft) as ActionState<CreateClaimExtra> | null;
  // "Add a claim to this event": the event is offered, and chosen, from the first render (also without JavaScript).
  const candidates =
    prefill && (EVENT_KINDS as readonly string[]).includes(prefill.kind)
      ? await findEventCandidates(db, {
          person: { name: prefill["person.name"] },
          company: { name: prefill["company.name"] },
          kind: prefill.kind as EventKind,
        })
      : [];
  const initialState: ActionState<CreateClaimExtra> = draft ?? {
    ok: false,
    message: "",
    fieldErrors: {},
    values: { ...(prefill ?? {}) },
    extra: { candidates },
  };
  const options = sources.map((s) => ({ id: s.id, title: s.title, publisher: s.publisher, publishedText: s.publishedText, language: s.language }));
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold">Add an event</h1>
      <p className="text-sm text-stone-700">
        Record what a source says: who left or joined which organization, when and where they went, with the excerpt that says it. If the event is
        already on record your claim is added to it, and a disagreement between sources is kept and shown.
      </p>
      {/* keyed by the draft: a route kept alive by the router (Activity) would otherwise keep its old state */}
      <ClaimForm key={typeof params.draft === "string" ? params.draft : "new"} sources={options} initialState={initialState} />
    </div>
  );
}
