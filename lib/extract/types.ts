/**
 * What the article extractor reads and proposes. Pure data: no database, no network. A proposal is a
 * claim an editor has not yet accepted; every excerpt (and context) is an exact substring of the text.
 */
import type { DateBasis, DestinationRelation, EventKind, Manner, RoleCategory } from "@/lib/domain/vocabulary";

export const EXTRACT_LANGUAGES = ["ja", "en", "zh"] as const;
export type ExtractLanguage = (typeof EXTRACT_LANGUAGES)[number];

/** A person already on record, with every alias in any script. */
export interface KnownPerson {
  id?: number;
  name: string;
  aliases: string[];
}

export interface KnownCompany {
  id?: number;
  name: string;
  aliases: string[];
}

/** A recorded event, so a proposal repeating it can say so. */
export interface RecordedEvent {
  eventId: number;
  personId: number;
  companyId: number;
  kind: EventKind;
  /** excerpts of its claims, to tell "this very sentence is recorded" from "the event is recorded" */
  excerpts: string[];
}

export interface ExtractContext {
  people: KnownPerson[];
  companies: KnownCompany[];
  events?: RecordedEvent[];
  /** fingerprints of proposals an editor rejected for this text: not proposed again */
  rejected?: ReadonlySet<string>;
}

export interface ExtractInput {
  text: string;
  /** detected from the text when not given */
  language?: ExtractLanguage;
  /** the publication date as a partial date ("2024-08-06", "2024-08/2024-12"); relative dates resolve against it */
  publishedAt?: string;
  title?: string;
}

export interface ProposedPerson {
  /** the recorded person's name when matched, otherwise the name as written */
  name: string;
  /** the words in the text naming them, then other recorded aliases */
  aliases: string[];
  /** as written in the excerpt */
  mention: string;
  known: { id?: number; name: string; via: "alias" | "similar" } | null;
}

export interface ProposedCompany {
  name: string;
  aliases: string[];
  known: { id?: number; name: string } | null;
}

export interface Proposal {
  /** stable across pastes of the same text: the key a rejection is remembered by */
  fingerprint: string;
  person: ProposedPerson;
  company: ProposedCompany;
  kind: EventKind;
  manner?: Manner;
  role?: string;
  roleCategory?: RoleCategory;
  date?: string;
  dateBasis?: DateBasis;
  /** the words a relative date is read from ("先月", "last week") */
  datePhrase?: string;
  destination?: ProposedCompany & { relation: DestinationRelation };
  /** the exact sentence, a substring of the text */
  excerpt: string;
  /** offset of the excerpt in the text */
  start: number;
  /** a neighbouring sentence the date or company comes from, also a substring */
  context?: string;
  contextStart?: number;
  /** 0–1: how sure the extractor is; a hint for review order, not a probability */
  confidence: number;
  /** the words that made the proposal: the movement word, the date phrase, the destination */
  triggers: string[];
  /** set when a recorded event already says this */
  repeats?: { eventId: number; sameExcerpt: boolean };
}

export interface ExtractResult {
  language: ExtractLanguage;
  publishedAt?: string;
  proposals: Proposal[];
  /** proposals left out because an editor rejected them before */
  suppressed: number;
}

/**
 * The extractor a deployment runs. The default is the local, deterministic one (lib/extract/extract.ts);
 * a language-model extractor may be plugged in (lib/extract/extractor.ts), and its proposals are kept
 * only when their excerpts are exact substrings of the text.
 */
export interface Extractor {
  name: string;
  extract(input: ExtractInput, context: ExtractContext): Promise<ExtractResult> | ExtractResult;
}
