/**
 * The filter vocabulary client components need (the filter form, its labels), in a module without zod:
 * importing event-filters.ts from a client component put zod in the browser bundle, whose eval probe
 * (`Function("")`) the Content-Security-Policy then reports as a violation on every page with filters.
 */
import type { EventStatus } from "@/lib/domain/vocabulary";

/** Destination tokens that are not companies; `~` never occurs in a slug, so they cannot collide with one. */
export const DESTINATION_FOUNDED = "~founded";
export const DESTINATION_UNKNOWN = "~unknown";

/** Retracted events (every claim withdrawn) are hidden unless asked for. */
export const DEFAULT_STATUSES: EventStatus[] = ["reported", "corroborated", "disputed"];
