/** Words for filter values, shared by the form, the chips and the charts. */
import { EVENT_KIND_LABELS, ROLE_CATEGORY_LABELS, type EventKind, type RoleCategory } from "@/lib/domain/vocabulary";
import { DESTINATION_FOUNDED, DESTINATION_UNKNOWN } from "@/lib/validation/filter-constants";

export const STATUS_LABELS: Record<string, string> = {
  reported: "Reported (one source)",
  corroborated: "Corroborated",
  disputed: "Disputed",
  retracted: "Retracted",
};

export const DESTINATION_TOKEN_LABELS: Record<string, string> = {
  [DESTINATION_FOUNDED]: "Founded their own company",
  [DESTINATION_UNKNOWN]: "No destination on record",
};

export const kindLabel = (k: string) => EVENT_KIND_LABELS[k as EventKind] ?? k;
export const roleLabel = (r: string | null) => (r ? (ROLE_CATEGORY_LABELS[r as RoleCategory] ?? r) : "Unspecified");

/** A company slug's name when known, else the slug itself (an unknown slug still shows what was asked). */
export const companyLabel = (slug: string, names: Map<string, string>) => DESTINATION_TOKEN_LABELS[slug] ?? names.get(slug) ?? slug;
