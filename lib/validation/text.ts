/**
 * What a text field may hold. Three rules, shared by every text field of every schema:
 *
 * 1. Storable: well-formed UTF-16 (no lone surrogates, which PostgreSQL refuses and SQLite mangles), no
 *    control characters (NUL, C0 other than tab/newline in multi-line fields, DEL, C1) and no
 *    noncharacters U+FFFE/U+FFFF: none of these can be written into XML 1.0, so one stored control
 *    character would make the Atom feed and the SVG export invalid for every reader.
 * 2. Meaningful: a name, alias, title or excerpt keeps at least one letter or digit once invisible
 *    characters (zero-width spaces and joiners, BOM, bidi controls, variation selectors, tags) are taken
 *    out; "​", "%", "😀" or a row of bidi marks could not be looked up, linked or quoted.
 * 3. Invisible characters are not removed from what is stored (ZWJ/ZWNJ are real parts of Persian and
 *    Indic spellings): they only do not count towards rule 2.
 *
 * Pure and zod-free at the core (`textProblem`), so the XML writers and tests can use the same rules.
 */
import { z } from "zod";

export const UNSTORABLE_MESSAGE = "contains characters that cannot be stored";
export const MEANINGLESS_MESSAGE = "needs at least one letter or digit";

/** C0 except tab, LF, CR; DEL; C1; and the XML-forbidden noncharacters U+FFFE and U+FFFF. */
const CONTROL_MULTILINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/u;
/** The same plus tab, LF and CR: a name or a title is one line. */
const CONTROL_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f\ufffe\uffff]/u;

/**
 * Characters that render as nothing: soft hyphen, combining grapheme joiner, Arabic letter mark, Hangul
 * fillers, Mongolian vowel separator, zero-width space/non-joiner/joiner, LRM/RLM, bidi embeddings,
 * overrides and isolates, word joiner and invisible operators, variation selectors (both blocks), BOM,
 * and tag characters.
 */
export const INVISIBLE =
  /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\u{e0000}-\u{e007f}\u{e0100}-\u{e01ef}]/gu;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

export type TextShape = "single-line" | "multiline";

/** True when the text can be stored and written into XML as it is. */
export function isStorable(text: string, shape: TextShape = "multiline"): boolean {
  return text.isWellFormed() && !(shape === "single-line" ? CONTROL_SINGLE_LINE : CONTROL_MULTILINE).test(text);
}

/** The text without the characters that render as nothing. */
export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE, "");
}

/** True when a letter or digit is left once invisible characters are removed. */
export function hasLetterOrDigit(text: string): boolean {
  return LETTER_OR_DIGIT.test(withoutInvisible(text));
}

/** The first rule the text breaks, or null. `meaningful` asks for rule 2 as well. */
export function textProblem(text: string, opts: { shape?: TextShape; meaningful?: boolean } = {}): string | null {
  if (!isStorable(text, opts.shape)) return UNSTORABLE_MESSAGE;
  if (opts.meaningful && !hasLetterOrDigit(text)) return MEANINGLESS_MESSAGE;
  return null;
}

/** Trim that also drops invisible characters at either end (a pasted "\u200bMira Murati\u200b"). */
const EDGE_INVISIBLE = new RegExp(`^(?:\\s|${INVISIBLE.source})+|(?:\\s|${INVISIBLE.source})+$`, "gu");
export function trimText(text: string): string {
  return text.replace(EDGE_INVISIBLE, "");
}

interface TextOptions {
  label: string;
  max: number;
  shape?: TextShape;
}

const storable = (label: string, shape: TextShape) => z.string().refine((s) => isStorable(s, shape), { message: `${label} ${UNSTORABLE_MESSAGE}` });

/**
 * A required text: trimmed, storable, with a letter or digit. The storability check runs first and the
 * rest only when it passes (a pipe stops at the first failing side), so a lone surrogate gets one clear
 * message rather than three. Not `abort`ed: an aborted issue would hide the message inside a union
 * (the source is a recorded one or a described one) behind "Invalid input".
 */
export function requiredText({ label, max, shape = "single-line" }: TextOptions) {
  return storable(label, shape)
    .transform(trimText)
    .pipe(
      z
        .string()
        .min(1, `${label} is required`)
        .max(max, `${label} is at most ${max} characters`)
        // an empty value already has its message ("is required")
        .refine((s) => s === "" || hasLetterOrDigit(s), `${label} ${MEANINGLESS_MESSAGE}`),
    );
}

/**
 * An optional text: trimmed and storable; empty stays allowed (it clears the field), but a value made
 * only of invisible characters is refused rather than stored as something that looks empty.
 */
export function optionalSafeText({ label, max, shape = "multiline" }: TextOptions) {
  return storable(label, shape)
    .refine((s) => s === "" || withoutInvisible(s).trim() !== "" || s.trim() === "", `${label} ${MEANINGLESS_MESSAGE}`)
    .transform(trimText)
    .pipe(z.string().max(max, `${label} is at most ${max} characters`))
    .optional();
}

/** Long free text that is kept verbatim (a source's full text): storable, not trimmed. */
export function verbatimText({ label, max }: Omit<TextOptions, "shape">) {
  return z
    .string()
    .max(max, `${label} is at most ${max} characters`)
    .refine((s) => isStorable(s, "multiline"), `${label} ${UNSTORABLE_MESSAGE}`);
}
