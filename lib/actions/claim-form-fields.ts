import "server-only";

/** An id from a form field, or null: only digits reach a redirect URL. */
export const digits = (v: string | undefined) => (v && /^\d{1,12}$/.test(v) ? v : null);

/**
 * The reader for the per-claim forms on the event page: the named string fields as typed (echoed back on
 * error), and the same without `eventId` (which only says where to return) for the schema.
 */
export function readClaimFields(fields: readonly string[]) {
  return (formData: FormData) => {
    const values: Record<string, string> = {};
    for (const name of fields) {
      const v = formData.get(name);
      if (typeof v === "string") values[name] = v;
    }
    const { eventId: _, ...raw } = values;
    return { values, raw };
  };
}
