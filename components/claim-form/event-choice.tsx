/**
 * "Add this as a claim to the existing event": recorded events with the same person, company and kind
 * and a nearby date, each a radio, plus "a different event". Nothing is stored until one is chosen.
 */
import Link from "next/link";
import { Fieldset } from "@/components/ui/field";
import { StatusBadge } from "@/components/evidence/status-badge";
import { PartialDateText } from "@/components/evidence/partial-date-text";
import type { EventCandidateView } from "@/lib/ingest/preflight";
import { EVENT_KIND_LABELS, type EventKind } from "@/lib/domain/vocabulary";

export function EventChoice({ candidates, chosen, errors }: { candidates: EventCandidateView[]; chosen: string; errors?: string[] }) {
  if (candidates.length === 0) return null;
  const describedBy = errors?.length ? "event-choice-fieldset-error" : undefined;
  return (
    <Fieldset
      id="event-choice-fieldset"
      legend="Is this an event already on record?"
      hint="Same person, company and kind, with a date that overlaps or is near yours. Adding to it keeps one event with all its sources."
      errors={errors}
      className="border-amber-300 bg-amber-50"
    >
      <ul className="space-y-2 text-sm">
        {candidates.map((c) => (
          <li key={c.id}>
            <label className="flex items-baseline gap-2">
              <input type="radio" name="event.choice" value={String(c.id)} defaultChecked={chosen === String(c.id)} aria-describedby={describedBy} />
              <span>
                Add as a claim to: <PartialDateText text={c.dateText} /> {c.personName}{" "}
                {(EVENT_KIND_LABELS[c.kind as EventKind] ?? c.kind).toLowerCase()}
                {c.role && <> as {c.role}</>} · {c.companyName}
                {c.destinationName && (
                  <>
                    {" "}
                    → {c.destinationRelation === "founded" ? "founded" : "joined"} {c.destinationName}
                  </>
                )}{" "}
                <StatusBadge status={c.status} /> ({c.claimCount} {c.claimCount === 1 ? "claim" : "claims"}
                {c.overlapping ? "" : ", a different date"}){" "}
                <Link href={`/events/${c.id}`} target="_blank" className="text-sky-800 underline">
                  event {c.id}
                </Link>
              </span>
            </label>
          </li>
        ))}
        <li>
          <label className="flex items-baseline gap-2">
            <input type="radio" name="event.choice" value="new" defaultChecked={chosen === "new"} aria-describedby={describedBy} />
            <span>No, this is a different event: record it separately</span>
          </label>
        </li>
      </ul>
    </Fieldset>
  );
}
