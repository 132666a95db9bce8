import { MANNER_LABELS, type Manner } from "@/lib/domain/vocabulary";

/** Whether the active claims name more than one manner ("unknown" names none, as in the event summary). */
export function mannerDisputed(claims: { manner: string | null; state: string }[]): boolean {
  return new Set(claims.filter((c) => c.state === "active" && c.manner && c.manner !== "unknown").map((c) => c.manner)).size > 1;
}

/** How a departure happened, for an event line: "(fired)", "(fired? disputed)", or nothing when no claim says. */
export function mannerSuffix(manner: string | null | undefined, disputed: boolean): string {
  if (!manner || (manner === "unknown" && !disputed)) return "";
  const label = (MANNER_LABELS[manner as Manner] ?? manner).toLowerCase();
  return disputed ? `(${label}? disputed)` : `(${label})`;
}
