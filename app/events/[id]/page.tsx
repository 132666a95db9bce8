import type { Metadata } from "next";
import { Suspense } from "react";
import { connection } from "next/server";
import { ClaimCard } from "@/components/evidence/claim-card";
import { EventLine } from "@/components/evidence/event-line";
import { PageSkeleton } from "@/components/ui/page-skeleton";
import { getEvent } from "@/lib/data/events";

export const metadata: Metadata = { title: "Event" };

export default function EventPage({ params }: PageProps<"/events/[id]">) {
  return (
    <Suspense fallback={<PageSkeleton label="Loading the event" />}>
      <EventView params={params} />
    </Suspense>
  );
}

async function EventView({ params }: { params: PageProps<"/events/[id]">["params"] }) {
  await connection();
  const event = await getEvent(Number((await params).id));
  return (
    <article className="space-y-4">
      <h1 className="text-xl font-semibold">
        <EventLine event={event} />
      </h1>
      {event.reason && (
        <p className="text-sm text-stone-700">
          Stated reason ({event.reasonEvidence}): {event.reason}
        </p>
      )}
      <section aria-labelledby="claims-heading" className="space-y-2">
        <h2 id="claims-heading" className="font-semibold">
          Evidence ({event.claims.length} {event.claims.length === 1 ? "claim" : "claims"})
        </h2>
        {event.claims.map((c) => (
          <ClaimCard key={c.id} claim={c} />
        ))}
      </section>
    </article>
  );
}
