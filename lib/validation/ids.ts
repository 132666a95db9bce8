/**
 * Record ids, strictly typed. JSON carries numbers, so `recordId` takes a positive safe integer and
 * nothing else: `"1"`, `true`, `[1]` or `1.5` is a field error, never coerced (coercion once attached
 * a claim to source 1 from `"source": {"id": true}`). Forms carry strings, so they go through
 * `formId` first, which turns a string of digits, and only that, into a number.
 */
import { z } from "zod";

export const recordId = (message: string) => z.number({ error: message }).int(message).positive(message).max(Number.MAX_SAFE_INTEGER, message);

/**
 * A form field's id: digits only ("12") become a number. A blank field (nothing picked) becomes 0, which
 * no record has, so the schema answers with the field's own message ("Pick a recorded source"); anything
 * else ("1e3", "0x10", "true") is passed on as the string it is, for the schema to refuse.
 */
export function formId(value: string | undefined): number | string | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (text === "") return 0;
  return /^[0-9]{1,15}$/.test(text) ? Number(text) : value;
}
