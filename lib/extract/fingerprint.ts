import { normalizeName } from "@/lib/domain/names";

/** FNV-1a over UTF-16 code units, seeded: pure, synchronous, the same in Node and the browser. */
function fnv(text: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/**
 * What a rejection is remembered by: the person as written, the kind and the exact excerpt. The same
 * article pasted again gives the same fingerprints, whatever has been recorded since.
 */
export function proposalFingerprint(personAsWritten: string, kind: string, excerpt: string): string {
  const key = `${normalizeName(personAsWritten)}\u0000${kind}\u0000${excerpt.normalize("NFC")}`;
  return fnv(key, 0x811c9dc5) + fnv(key, 0x01234567);
}
