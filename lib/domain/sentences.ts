/**
 * Sentences of a stored source text, for showing an excerpt in its context (the sentence before and
 * after). Intl.Segmenter (built into Node and every browser) splits Japanese at 。！？ and Latin text at
 * . ! ?; a few Latin abbreviations it would split after ("Mr. Altman") are joined back.
 */

export interface Sentence {
  text: string;
  /** offset of the first character in the whole text */
  start: number;
  /** offset just past the last character */
  end: number;
}

const ABBREVIATION = /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|Inc|Ltd|Co|Corp|vs|etc|e\.g|i\.e|U\.S|No)\.\s*$/i;

/** The text's sentences in order, covering every character (whitespace stays with the sentence before it). */
export function splitSentences(text: string, language = "en"): Sentence[] {
  const segmenter = new Intl.Segmenter(language, { granularity: "sentence" });
  const sentences: Sentence[] = [];
  for (const s of segmenter.segment(text)) {
    const last = sentences[sentences.length - 1];
    // a blank line is not a sentence; an abbreviation's period does not end one
    if (last && (!s.segment.trim() || (ABBREVIATION.test(last.text) && !/\n\s*$/.test(last.text)))) {
      last.text += s.segment;
      last.end = s.index + s.segment.length;
    } else sentences.push({ text: s.segment, start: s.index, end: s.index + s.segment.length });
  }
  return sentences;
}

export interface ExcerptInContext {
  /** the sentence before the one(s) holding the excerpt, trimmed; "" at the start of the text */
  before: string;
  /** the part of the excerpt's sentence before the excerpt */
  lead: string;
  excerpt: string;
  /** the rest of the excerpt's sentence after it */
  trail: string;
  /** the sentence after, trimmed; "" at the end of the text */
  after: string;
  /** offset of the excerpt in the text */
  start: number;
}

/**
 * The excerpt with the rest of its sentence and one sentence either side, or null when the excerpt is not
 * in the text (an old claim recorded before its source's text was stored). Uses the first occurrence,
 * which is also the one the source page highlights.
 */
export function excerptInContext(text: string, excerpt: string, language = "en"): ExcerptInContext | null {
  const start = excerpt ? text.indexOf(excerpt) : -1;
  if (start < 0) return null;
  const end = start + excerpt.length;
  const sentences = splitSentences(text, language);
  const first = sentences.findIndex((s) => s.end > start);
  let last = first;
  while (last + 1 < sentences.length && sentences[last].end < end) last++;
  const from = sentences[first].start;
  const to = sentences[last].end;
  return {
    before: first > 0 ? sentences[first - 1].text.trim() : "",
    lead: text.slice(from, start).trimStart(),
    excerpt,
    trail: text.slice(end, to).trimEnd(),
    after: last + 1 < sentences.length ? sentences[last + 1].text.trim() : "",
    start,
  };
}
