import { Suspense } from "react";
import { connection } from "next/server";
import { EventLine } from "@/components/evidence/event-line";
import { PageSkeleton } from "@/components/ui/page-skeleton";
import { listRecentEvents } from "@/lib/data/events";

export default function TimelinePage() {
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Departures timeline</h1>
      <Suspense fallback={<PageSkeleton label="Loading the timeline" />}>
        <Timeline />
      </Suspense>
    </>
  );
}

async function Timeline() {
  await connection();
  const events = await listRecentEvents();
  return (
    <ol aria-label="Events, newest first" className="space-y-2">
      {events.map((e) => (
        <li key={e.id} data-testid="timeline-event" className="rounded border border-stone-200 bg-white px-3 py-2">
          <EventLine event={e} />
        </li>
      ))}
    </ol>
  );
}
