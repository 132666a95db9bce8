/**
 * Where a source's claims sit in its stored text: each excerpt and context excerpt located (first
 * occurrence), and the text cut into segments so overlapping passages (an excerpt inside a context, one
 * excerpt shared by several claims) can all be highlighted without nesting marks.
 */

export type MarkRole = "excerpt" | "context";

export interface MarkRange {
  claimId: number;
  role: MarkRole;
  start: number;
  end: number;
}

export interface ClaimPassages {
  id: number;
  excerpt: string;
  context: string | null;
}

/** The fragment id of a claim's passage in the source text: /sources/ID#excerpt-N, #context-N. */
export const passageAnchor = (role: MarkRole, claimId: number) => `${role}-${claimId}`;

/** Every passage found in the text, and those that are not (recorded before the text was stored). */
export function locatePassages(text: string, claims: ClaimPassages[]): { ranges: MarkRange[]; missing: { claimId: number; role: MarkRole }[] } {
  const ranges: MarkRange[] = [];
  const missing: { claimId: number; role: MarkRole }[] = [];
  for (const c of claims) {
    for (const [role, passage] of [
      ["excerpt", c.excerpt],
      ["context", c.context],
    ] as const) {
      if (!passage) continue;
      const start = text.indexOf(passage);
      if (start < 0) missing.push({ claimId: c.id, role });
      else ranges.push({ claimId: c.id, role, start, end: start + passage.length });
    }
  }
  return { ranges, missing };
}

export interface TextSegment {
  text: string;
  /** the passages covering this segment, the most specific first (excerpts before contexts, shorter first) */
  covering: MarkRange[];
  /** passages that begin at this segment (their anchors go here) */
  starting: MarkRange[];
  /** passages that end with this segment (their claim links go after it) */
  ending: MarkRange[];
}

const specificity = (a: MarkRange, b: MarkRange) =>
  (a.role === b.role ? 0 : a.role === "excerpt" ? -1 : 1) || a.end - a.start - (b.end - b.start) || a.claimId - b.claimId;

/** The text cut at every passage boundary; consecutive pieces are split only where coverage changes. */
export function segmentText(text: string, ranges: MarkRange[]): TextSegment[] {
  const cuts = [...new Set([0, text.length, ...ranges.flatMap((r) => [r.start, r.end])])].sort((a, b) => a - b);
  const segments: TextSegment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    if (from === to) continue;
    segments.push({
      text: text.slice(from, to),
      covering: ranges.filter((r) => r.start <= from && to <= r.end).sort(specificity),
      starting: ranges.filter((r) => r.start === from),
      ending: ranges.filter((r) => r.end === to),
    });
  }
  return segments;
}
