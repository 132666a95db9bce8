import { z } from "zod";
import { claimInputSchema, newSourceSchema, type ClaimInput } from "./claim";
import { fieldErrorsOf, type FieldErrors } from "./field-errors";

/**
 * The file read by `npm run ingest` and the seed loader: sources with local refs, claims pointing at them.
 * A source's `cites` may name another source of the file by its ref; `textFile` (read by the CLI, relative
 * to the file) stores the source's full text.
 */
export const ingestFileSchema = z.object({
  sources: z.array(newSourceSchema.extend({ ref: z.string().trim().min(1), textFile: z.string().optional() })).min(1),
  claims: z.array(claimInputSchema.omit({ source: true, eventId: true }).extend({ source: z.string().trim().min(1) })),
});

export type IngestFileResult = { ok: true; claims: ClaimInput[] } | { ok: false; errors: FieldErrors };

const asArray = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v : []);

/** Cross-record checks, run on the raw file so they are reported together with every field error. */
export function referenceErrors(json: unknown): FieldErrors {
  const file = (json ?? {}) as { sources?: unknown; claims?: unknown };
  const errors: FieldErrors = {};
  const refs = new Set<unknown>();
  asArray(file.sources).forEach((s, i) => {
    if (refs.has(s?.ref)) errors[`sources.${i}.ref`] = [`duplicate ref "${String(s.ref)}"`];
    refs.add(s?.ref);
  });
  asArray(file.claims).forEach((c, i) => {
    if (typeof c?.source === "string" && !refs.has(c.source)) errors[`claims.${i}.source`] = [`no source with ref "${c.source}"`];
  });
  return errors;
}

/** A cited ref ("s000") becomes that source's own description, so the cited source is found or recorded by it. */
export function inlineCitedRefs(json: unknown): unknown {
  const file = (json ?? {}) as { sources?: unknown };
  const sources = asArray(file.sources);
  const byRef = new Map(sources.map((s) => [s?.ref, s]));
  const described = (s: Record<string, unknown>) => Object.fromEntries(Object.entries(s).filter(([k]) => !["ref", "cites", "textFile"].includes(k)));
  return {
    ...(file as object),
    sources: sources.map((s) =>
      Array.isArray(s?.cites)
        ? { ...s, cites: s.cites.map((c: unknown) => (typeof c === "string" && byRef.has(c) ? described(byRef.get(c)!) : c)) }
        : s,
    ),
  };
}

/** Validate a whole file; every problem is reported with its path ("claims.3.date"). */
export function parseIngestFile(raw: unknown): IngestFileResult {
  const json = inlineCitedRefs(raw);
  const parsed = ingestFileSchema.safeParse(json);
  const errors = { ...(parsed.success ? {} : fieldErrorsOf(parsed.error)), ...referenceErrors(json) };
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  const sources = new Map(parsed.data.sources.map(({ ref, textFile: _file, ...source }) => [ref, source]));
  return { ok: true, claims: parsed.data.claims.map((c) => ({ ...c, source: sources.get(c.source)! })) };
}
