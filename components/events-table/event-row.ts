import type { EventLineData } from "@/components/evidence/event-line";
import type { EventWithClaims } from "@/lib/data/event-json";

/** What a table row or timeline line needs: plain data, small enough to send to the browser. */
export interface EventRow extends EventLineData {
  roleCategory: string | null;
}

export function toEventRow(e: EventWithClaims): EventRow {
  return {
    id: e.id,
    kind: e.kind,
    role: e.role,
    roleCategory: e.roleCategory,
    dateText: e.dateText,
    status: e.status,
    sourceCount: e.sourceCount,
    destinationRelation: e.destinationRelation,
    person: { name: e.person.name, slug: e.person.slug },
    company: { name: e.company.name, slug: e.company.slug },
    destination: e.destination ? { name: e.destination.name, slug: e.destination.slug } : null,
  };
}
