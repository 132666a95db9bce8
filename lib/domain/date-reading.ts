/**
 * How a claim's date was read, in words a reader checks against the source: "2024 — ‘this year’ (今年)
 * in an article published Aug 2024", "on or before 6 Aug 2024 (publication date)". Display only: the
 * resolution itself is lib/domain/relative-date.ts, done once when the claim is recorded.
 */
import { formatHuman, fromColumns, isOpenStart } from "./partial-date";
import type { DateBasis, SourceKind } from "./vocabulary";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** English for the non-English phrases lib/domain/relative-date.ts reads, so a reader need not know them. */
const GLOSSES: Record<string, string> = {
  今日: "today",
  本日: "today",
  ちょうど今日: "just today",
  今天: "today",
  昨日: "yesterday",
  昨天: "yesterday",
  今年: "this year",
  今年に入って: "since the start of this year",
  今年だけで: "this year alone",
  今年以来: "since this year began",
  今年以降: "from this year on",
  今年上半期: "the first half of this year",
  今年上半年: "the first half of this year",
  昨年: "last year",
  去年: "last year",
  昨年末: "the end of last year",
  去年年底: "the end of last year",
  去年底: "the end of last year",
  年初: "the beginning of the year",
  今年初: "early this year",
  今年初め: "early this year",
  今年の初め: "early this year",
  今年年初: "early this year",
  今月: "this month",
  本月: "this month",
  这个月: "this month",
  先月: "last month",
  上个月: "last month",
  上月: "last month",
  先週: "last week",
  上周: "last week",
  上週: "last week",
};

/** The English sense of a relative phrase, or null when it is English already or not known. */
export function glossPhrase(phrase: string): string | null {
  const p = phrase.normalize("NFKC").trim();
  if (!/[\u3040-\u30ff\u3400-\u9fff]/.test(p)) return null;
  if (GLOSSES[p]) return GLOSSES[p];
  const month = /^(今年|昨年|去年)?(1[0-2]|[1-9])月(?:に|には)?$/.exec(p);
  if (month) return `${month[1] ? (month[1] === "今年" ? "this " : "last ") : "in "}${MONTHS[Number(month[2]) - 1]}`;
  return null;
}

const KIND_NOUN: Record<SourceKind, string> = {
  article: "an article",
  video_transcript: "a video transcript",
  post: "a post",
  filing: "a filing",
  press_release: "a press release",
  dataset: "a dataset",
};

export interface DateReadingInput {
  dateText: string | null;
  dateBasis: DateBasis | null;
  datePhrase: string | null;
}

export interface SourceDating {
  publishedText: string | null;
  kind: SourceKind;
}

/** One line saying what date the claim gives and how it was read from its source. */
export function describeDateReading(claim: DateReadingInput, source: SourceDating): string {
  const date = fromColumns(claim.dateText);
  const published = fromColumns(source.publishedText);
  if (claim.dateBasis === "bounded_by_published") {
    const bound = published ? formatHuman(published) : date ? formatHuman(date).replace(/^by /, "") : null;
    return bound ? `on or before ${bound} (publication date)` : "on or before the publication date";
  }
  if (!date) return "date unknown";
  if (claim.dateBasis === "relative_to_published") {
    const phrase = claim.datePhrase?.trim();
    const gloss = phrase ? glossPhrase(phrase) : null;
    const words = phrase ? (gloss ? `‘${gloss}’ (${phrase})` : `‘${phrase}’`) : "a phrase relative to its publication";
    const when = published ? ` published ${formatHuman(published)}` : "";
    return `${formatHuman(date)} — ${words} in ${KIND_NOUN[source.kind] ?? "a source"}${when}`;
  }
  return isOpenStart(date) ? formatHuman(date) : `${formatHuman(date)} (stated)`;
}
