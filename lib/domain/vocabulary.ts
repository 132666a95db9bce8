/**
 * The closed vocabularies of the domain, shared by schemas, pages and the database columns. Zod-free, so
 * client components may import them. Each list is a Prisma enum too; tests/unit/vocabulary.test.ts fails
 * when the two disagree.
 */

export const EVENT_KINDS = ["joined", "departed", "leave_started", "returned", "role_changed"] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Kinds accepted on input that stand for a kind plus a manner ("fired" = departed, manner fired). */
export const KIND_SHORTHANDS = { fired: { kind: "departed", manner: "fired" } } as const;
export const INPUT_KINDS = [...EVENT_KINDS, "fired"] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

/** How someone left: a claimed, disputable attribute of a departure. */
export const MANNERS = ["resigned", "fired", "removed_by_board", "laid_off", "retired", "contract_ended", "died", "unknown"] as const;
export type Manner = (typeof MANNERS)[number];

export const MANNER_LABELS: Record<Manner, string> = {
  resigned: "Resigned",
  fired: "Fired",
  removed_by_board: "Removed by the board",
  laid_off: "Laid off",
  retired: "Retired",
  contract_ended: "Contract ended",
  died: "Died",
  unknown: "Manner unknown",
};

/** A board seat is its own tenure: leaving the board is not leaving the company. */
export const SCOPES = ["company", "board"] as const;
export type Scope = (typeof SCOPES)[number];

/** How a claim's date was read from its source. */
export const DATE_BASES = ["stated", "relative_to_published", "bounded_by_published"] as const;
export type DateBasis = (typeof DATE_BASES)[number];

export const DATE_BASIS_LABELS: Record<DateBasis, string> = {
  stated: "stated in the text",
  relative_to_published: "read relative to the publication date",
  bounded_by_published: "on or before the publication date",
};

export const ROLE_CATEGORIES = ["executive", "research", "engineering", "product", "safety_policy", "operations", "board", "founder"] as const;
export type RoleCategory = (typeof ROLE_CATEGORIES)[number];

export const EVENT_STATUSES = ["reported", "corroborated", "disputed", "retracted"] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const CLAIM_STATES = ["active", "retracted", "deprecated"] as const;
export type ClaimState = (typeof CLAIM_STATES)[number];

export const DESTINATION_RELATIONS = ["joined", "founded"] as const;
export type DestinationRelation = (typeof DESTINATION_RELATIONS)[number];

export const REASON_EVIDENCE = ["direct", "reported", "alleged", "contextual"] as const;
export type ReasonEvidence = (typeof REASON_EVIDENCE)[number];

export const SOURCE_KINDS = ["article", "video_transcript", "post", "filing", "press_release", "dataset"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const CHANGE_ACTIONS = [
  "create_event",
  "add_claim",
  "retract_claim",
  "deprecate_claim",
  "restore_claim",
  "edit_claim",
  "edit_event",
  "accept_submission",
  "reject_submission",
  "import_batch",
  "undo_batch",
  "merge_people",
  "merge_companies",
  "split_alias",
  "relate_companies",
] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

export const IMPORT_FORMATS = ["departures", "csv", "warning-collective", "wikidata", "popolo"] as const;
export type ImportFormatName = (typeof IMPORT_FORMATS)[number];
export const IMPORT_FORMAT_LABELS: Record<ImportFormatName, string> = {
  departures: "Departures JSON (docs/ingest-format.md)",
  csv: "CSV with a mapping",
  "warning-collective": "The Warning Collective profile export",
  wikidata: "Wikidata entity JSON",
  popolo: "Popolo JSON",
};

export const COMPANY_RELATION_KINDS = ["part_of", "renamed_to"] as const;
export type CompanyRelationKind = (typeof COMPANY_RELATION_KINDS)[number];

export const WATCH_KINDS = ["person", "company", "filter"] as const;
export type WatchKind = (typeof WATCH_KINDS)[number];

export const COMPANY_KINDS = ["company", "lab", "nonprofit", "government", "university", "other"] as const;
export type CompanyKind = (typeof COMPANY_KINDS)[number];

export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  joined: "Joined",
  departed: "Departed",
  leave_started: "Went on leave",
  returned: "Returned",
  role_changed: "Changed role",
};

export const ROLE_CATEGORY_LABELS: Record<RoleCategory, string> = {
  executive: "Executive",
  research: "Research",
  engineering: "Engineering",
  product: "Product",
  safety_policy: "Safety & policy",
  operations: "Operations",
  board: "Board",
  founder: "Founder",
};

/** A role category's label, or what to call people with none on record (the org chart's groups). */
export const roleGroupLabel = (category: string) => ROLE_CATEGORY_LABELS[category as RoleCategory] ?? "Role not on record";

/** A role category's place in ROLE_CATEGORIES (none on record: last): the org chart's group order. */
const CATEGORY_RANK = new Map<string, number>(ROLE_CATEGORIES.map((c, i) => [c, i]));
export const roleCategoryRank = (category: string | null) => CATEGORY_RANK.get(category ?? "") ?? 99;

export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  article: "Article",
  video_transcript: "Video transcript",
  post: "Post",
  filing: "Filing",
  press_release: "Press release",
  dataset: "Dataset",
};
