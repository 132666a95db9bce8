/**
 * Word wrap for text drawn in SVG, where the browser does not wrap: lines of at most `max` character
 * widths (a CJK character counts as two), broken at spaces, a word longer than a line broken inside it.
 * Nothing is dropped or cut short: every character of the text is on one of the lines.
 */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

const widthOf = (s: string) => {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? 2 : 1;
  return w;
};

export function wrapText(text: string, max: number): string[] {
  const limit = Math.max(1, Math.floor(max));
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  const push = () => {
    if (line) lines.push(line);
    line = "";
  };
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (widthOf(candidate) <= limit) {
      line = candidate;
      continue;
    }
    push();
    if (widthOf(word) <= limit) {
      line = word;
      continue;
    }
    // a word wider than a line: break it by width (CJK text has no spaces to break at)
    let part = "";
    for (const ch of word) {
      if (widthOf(part + ch) > limit) {
        lines.push(part);
        part = "";
      }
      part += ch;
    }
    line = part;
  }
  push();
  return lines;
}
