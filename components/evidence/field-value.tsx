/**
 * One value of an event's field as claims state it (a date's text, a manner, a kind, a destination's
 * company id, a role or reason), shown to people: dates at their precision, vocabularies by their labels,
 * a destination as a link to its company.
 */
import Link from "next/link";
import type { EventWithClaims } from "@/lib/data/event-json";
import { EVENT_KIND_LABELS, MANNER_LABELS, type EventKind, type Manner } from "@/lib/domain/vocabulary";
import { PartialDateText } from "./partial-date-text";

type Claim = EventWithClaims["claims"][number];

export type EventField = "date" | "manner" | "kind" | "destination" | "role" | "reason";

/** Each field named as a sentence reads it ("Sources disagree on how they left"). */
export const FIELD_LABELS: Record<EventField, string> = {
  date: "when",
  manner: "how they left",
  kind: "what happened",
  destination: "where they went",
  role: "role",
  reason: "reason",
};

export function FieldValue({ field, value, claims }: { field: EventField; value: string; claims: Iterable<Claim> }) {
  if (field === "date") return <PartialDateText text={value} />;
  if (field === "manner") return <>{MANNER_LABELS[value as Manner] ?? value}</>;
  if (field === "kind") return <>{EVENT_KIND_LABELS[value as EventKind] ?? value}</>;
  if (field === "destination") {
    const destination = [...claims].find((c) => String(c.destinationId) === value)?.destination;
    return destination ? (
      <Link href={`/companies/${destination.slug}`} className="underline">
        {destination.name}
      </Link>
    ) : (
      <>company {value}</>
    );
  }
  return <>{value}</>;
}
