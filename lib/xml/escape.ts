/**
 * The one escape for the XML this app writes (the Atom feed, the org chart SVG). Besides markup it drops
 * what XML 1.0 cannot carry at all: lone UTF-16 surrogates (replaced by U+FFFD), C0 controls other than
 * tab/newline/CR, and U+FFFE/U+FFFF. The schemas already refuse those on input (lib/validation/text.ts);
 * this is the last line of defence, so one row stored before those rules cannot make the feed or an SVG
 * invalid for every reader. No dependencies: safe anywhere.
 */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function xmlText(value: unknown): string {
  return String(value ?? "")
    .toWellFormed()
    .replace(NOT_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}
