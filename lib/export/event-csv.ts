import { csvRow } from "./csv";
import type { EventJson } from "@/lib/data/event-json";

export const EVENT_CSV_HEADER = csvRow([
  "event_id", "date", "date_precision", "kind", "person", "person_aliases", "company", "role", "role_category",
  "destination", "destination_relation", "status", "manner", "scope", "source_count", "claim_id", "claim_state", "source_title",
  "source_publisher", "source_url", "source_published", "source_language", "excerpt", "translation", "claim_date",
  "claim_manner", "claim_date_basis", "claim_date_phrase", "context", "source_cites",
]);

/** One row per claim (its manner, date basis and phrase as that claim reads the source), so the evidence travels with every fact; the event columns repeat. */
export function eventCsvRows(e: EventJson): string {
  return e.claims
    .map((c) =>
      csvRow([
        e.id, e.date, e.datePrecision, e.kind, e.person.name, e.person.aliases.join(" | "), e.company.name, e.role,
        e.roleCategory, e.destination?.name, e.destination?.relation, e.status, e.manner, e.scope, e.sourceCount, c.id, c.state,
        c.source.title, c.source.publisher, c.source.url, c.source.publishedAt, c.source.language, c.excerpt,
        c.translation, c.asserts.date, c.asserts.manner, c.asserts.dateBasis, c.asserts.datePhrase, c.context,
        c.source.cites.map((s) => s.url ?? s.title).join(" | "),
      ]),
    )
    .join("");
}
