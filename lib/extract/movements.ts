/**
 * Movement words in a sentence (辞任, left, 离职…), read from the language's lexicon, with the words that
 * cancel them ("threatened to resign", 辞任をちらつかせ) and the destination patterns ("joined X").
 */
import type { Lexicon, MovementEntry } from "./lexicon";
import type { ExtractLanguage } from "./types";

export interface Trigger {
  word: string;
  /** offset in the text */
  start: number;
  end: number;
  entry: MovementEntry;
}

export interface DestinationSpan {
  start: number;
  end: number;
  text: string;
  /** the whole pattern match, to tie the destination to the movement word inside it */
  matchStart: number;
  matchEnd: number;
  founded: boolean;
}

const FOUNDING = /設立|創業|立ち上げ|始め|founded|launched|started|to start|to found|创立|创办|创建|成立/;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function compileMovements(lexicon: Lexicon): RegExp {
  const words = lexicon.movements.flatMap((e) => e.words).sort((a, b) => b.length - a.length);
  const body = words.map(escape).join("|");
  return lexicon.language === "en" ? new RegExp(`\\b(?:${body})\\b`, "gi") : new RegExp(body, "g");
}

/** Movement words in text[from, to), longest first, each not cancelled by a blocker next to it. */
export function findTriggers(text: string, from: number, to: number, lexicon: Lexicon, pattern: RegExp): Trigger[] {
  const out: Trigger[] = [];
  const slice = text.slice(from, to);
  const entryOf = new Map<string, MovementEntry>();
  for (const e of lexicon.movements) for (const w of e.words) entryOf.set(w.toLowerCase(), e);
  for (const m of slice.matchAll(new RegExp(pattern.source, pattern.flags))) {
    const start = from + m.index!;
    const end = start + m[0].length;
    const near =
      lexicon.language === "en"
        ? text.slice(Math.max(from, start - 24), Math.min(to, end + 12))
        : text.slice(Math.max(from, start - 4), Math.min(to, end + 10));
    if (lexicon.blockers.some((b) => near.includes(b))) continue;
    out.push({ word: m[0], start, end, entry: entryOf.get(m[0].toLowerCase())! });
  }
  return out;
}

/** Where someone went, by the language's destination patterns, over the whole text. */
export function findDestinations(text: string, lexicon: Lexicon, language: ExtractLanguage): DestinationSpan[] {
  const out: DestinationSpan[] = [];
  lexicon.destinationPatterns.forEach((source) => {
    for (const m of text.matchAll(new RegExp(source, "g"))) {
      const org = m.groups?.org;
      if (!org) continue;
      let at = m.index! + m[0].indexOf(org);
      let name = org;
      const quoted = name.match(/^「(.+)」$/);
      if (quoted) {
        name = quoted[1];
        at += 1;
      }
      name = name.replace(/[・\s]+$/, "");
      if (language === "en") name = name.replace(/\s+(?:of|&|AI)$/, (s) => (s.trim() === "AI" ? s : ""));
      if ([...name].length < 2) continue;
      out.push({
        start: at,
        end: at + name.length,
        text: name,
        matchStart: m.index!,
        matchEnd: m.index! + m[0].length,
        founded: FOUNDING.test(m[0].replace(org, "")),
      });
    }
  });
  return out;
}
