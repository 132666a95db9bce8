/**
 * Tags file claims under topics ("Safety concerns", "safety-concerns"). The slug is what filters and feeds
 * match, so "Safety Concerns" and "safety concerns" are one tag; the first spelling recorded is its name.
 */
import { normalizeName, slugify } from "./names";

export function tagSlug(name: string): string {
  const slug = slugify(name.trim());
  // a tag in a script slugify cannot transliterate keeps its normalized key (no "%" in URLs is needed: it is encoded)
  return slug || normalizeName(name);
}

/** One entry per slug, first spelling kept, in the given order. */
export function uniqueTags(names: readonly string[]): { slug: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const raw of names) {
    const name = raw.trim().replace(/\s+/g, " ");
    const slug = tagSlug(name);
    if (slug && !seen.has(slug)) seen.set(slug, name);
  }
  return [...seen].map(([slug, name]) => ({ slug, name }));
}
