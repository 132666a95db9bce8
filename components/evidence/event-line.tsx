import Link from "next/link";
import { EVENT_KIND_LABELS, type EventKind } from "@/lib/domain/vocabulary";
import { eventName, sourceCountText } from "./event-name";
import { mannerDisputed, mannerSuffix } from "./manner-text";
import { PartialDateText } from "./partial-date-text";
import { StatusBadge } from "./status-badge";

export interface EventLineData {
  id: number;
  kind: string;
  role: string | null;
  dateText: string | null;
  status: string;
  sourceCount: number;
  destinationRelation: string | null;
  person: { name: string; slug: string };
  company: { name: string; slug: string };
  destination: { name: string; slug: string } | null;
  /** a departure's manner; with the claims, a disagreement about it shows as "(fired? disputed)" */
  manner?: string | null;
  scope?: string;
  claims?: { manner: string | null; state: string }[];
}

/** One event in a sentence, each part a link: who, what, where, when, and to its evidence. */
export function EventLine({
  event,
  show = "all",
  disputedManner,
}: {
  event: EventLineData;
  show?: "all" | "no-person" | "no-company";
  /** whether the manner is disputed, when the caller knows (else read from the claims given) */
  disputedManner?: boolean;
}) {
  const manner = event.kind === "departed" ? mannerSuffix(event.manner, disputedManner ?? mannerDisputed(event.claims ?? [])) : "";
  return (
    <span className="inline-flex flex-wrap items-baseline gap-x-1.5">
      <span className="w-24 shrink-0 text-sm text-stone-600">
        <PartialDateText text={event.dateText} />
      </span>
      {show !== "no-person" && (
        <Link href={`/people/${event.person.slug}`} className="font-medium text-stone-900 underline decoration-stone-300">
          {event.person.name}
        </Link>
      )}
      <span className="text-stone-700" data-testid="event-kind">
        {(EVENT_KIND_LABELS[event.kind as EventKind] ?? event.kind).toLowerCase()}
        {manner && <> {manner}</>}
        {event.scope === "board" && <> (board seat)</>}
      </span>
      {event.role && <span className="text-stone-700">as {event.role}</span>}
      {show !== "no-company" && (
        <>
          <span className="text-stone-600">{event.kind === "joined" ? "at" : "·"}</span>
          <Link href={`/companies/${event.company.slug}`} className="underline decoration-stone-300">
            {event.company.name}
          </Link>
        </>
      )}
      {event.destination && (
        <>
          <span className="text-stone-600">→ {event.destinationRelation === "founded" ? "founded" : "joined"}</span>
          <Link href={`/companies/${event.destination.slug}`} className="underline decoration-stone-300">
            {event.destination.name}
          </Link>
        </>
      )}
      <StatusBadge status={event.status} />
      <Link href={`/events/${event.id}`} className="text-xs text-sky-800 underline">
        {sourceCountText(event.sourceCount)}
        <span className="sr-only"> for {eventName(event.kind, event.person.name, event.company.name)}</span>
      </Link>
    </span>
  );
}
