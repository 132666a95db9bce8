/** The closed vocabularies of the domain, shared by schemas, pages and the database columns. */

export const EVENT_KINDS = ["joined", "departed", "fired", "leave_started", "returned", "role_changed"] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const ROLE_CATEGORIES = [
  "executive",
  "research",
  "engineering",
  "product",
  "safety_policy",
  "operations",
  "board",
  "founder",
] as const;
export type RoleCategory = (typeof ROLE_CATEGORIES)[number];

export const EVENT_STATUSES = ["reported", "corroborated", "disputed", "retracted"] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const CLAIM_STATES = ["active", "retracted", "deprecated"] as const;
export type ClaimState = (typeof CLAIM_STATES)[number];

export const DESTINATION_RELATIONS = ["joined", "founded"] as const;
export type DestinationRelation = (typeof DESTINATION_RELATIONS)[number];

export const REASON_EVIDENCE = ["direct", "reported", "alleged", "contextual"] as const;
export type ReasonEvidence = (typeof REASON_EVIDENCE)[number];

export const SOURCE_KINDS = ["article", "video_transcript", "post", "filing", "press_release"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const COMPANY_KINDS = ["company", "lab", "nonprofit", "government", "university", "other"] as const;
export type CompanyKind = (typeof COMPANY_KINDS)[number];

export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  joined: "Joined",
  departed: "Departed",
  fired: "Fired",
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

export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  article: "Article",
  video_transcript: "Video transcript",
  post: "Post",
  filing: "Filing",
  press_release: "Press release",
};
