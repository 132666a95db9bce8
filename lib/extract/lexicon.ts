/**
 * The per-language word lists the extractor reads: one JSON file per language in lib/extract/lexicons,
 * so a newsroom extends the vocabulary by editing data, not code.
 */
import type { DestinationRelation, EventKind, Manner, RoleCategory } from "@/lib/domain/vocabulary";
import en from "./lexicons/en.json";
import ja from "./lexicons/ja.json";
import zh from "./lexicons/zh.json";
import type { ExtractLanguage } from "./types";

export interface MovementEntry {
  words: string[];
  kind: EventKind;
  manner?: Manner;
  /** founding something: a departure whose destination is what they founded */
  relation?: DestinationRelation;
}

export interface RoleEntry {
  words: string[];
  role: string;
  category: RoleCategory;
}

export interface Lexicon {
  language: ExtractLanguage;
  movements: MovementEntry[];
  /** words near a movement word that make it not an event (threatened to, denied, rumour) */
  blockers: string[];
  /** movement words that, aimed at another company than the one the article is about, mean leaving for it */
  joinsElsewhere: string[];
  /** regular expressions with a named group `org`: where someone went */
  destinationPatterns: string[];
  honorificsAfter: string[];
  titlesBefore: string[];
  pronouns: string[];
  roles: RoleEntry[];
  /** capitalized or katakana words that are never a person's name */
  nameStopwords: string[];
  orgSuffixes: string[];
  /** words a destination pattern may catch that are not organizations (プロジェクト, team) */
  notOrganizations: string[];
}

export const LEXICONS: Record<ExtractLanguage, Lexicon> = {
  ja: ja as Lexicon,
  en: en as Lexicon,
  zh: zh as Lexicon,
};
