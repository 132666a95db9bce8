/**
 * The extractor interface and its two kinds. The local extractor (extract.ts) is the default: no network,
 * no model, the same proposals for the same text. A deployment may plug in a language-model extractor
 * with `modelExtractor(name, propose)`: whatever it returns is checked here, and a proposal whose excerpt
 * (or context) is not an exact substring of the text is dropped, never repaired.
 */
import { DATE_BASES, EVENT_KINDS, MANNERS, ROLE_CATEGORIES, type EventKind } from "@/lib/domain/vocabulary";
import { extractProposals } from "./extract";
import { proposalFingerprint } from "./fingerprint";
import { detectLanguage } from "./language";
import type { ExtractContext, ExtractInput, ExtractResult, Extractor, Proposal } from "./types";

export const localExtractor: Extractor = { name: "local", extract: extractProposals };

const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : undefined);
const oneOf = <T extends string>(values: readonly T[], v: unknown) => ((values as readonly unknown[]).includes(v) ? (v as T) : undefined);

/** One proposal from a model, or null when it does not quote the text exactly or lacks a person, company or kind. */
export function verifiedProposal(raw: unknown, text: string): Proposal | null {
  if (!raw || typeof raw !== "object") return null;
  const r = raw as Record<string, unknown>;
  const excerpt = typeof r.excerpt === "string" ? r.excerpt : "";
  const context = typeof r.context === "string" && r.context ? r.context : undefined;
  const start = excerpt ? text.indexOf(excerpt) : -1;
  if (start < 0 || (context !== undefined && !text.includes(context))) return null;
  const person = str((r.person as { name?: unknown } | undefined)?.name);
  const company = str((r.company as { name?: unknown } | undefined)?.name);
  const kind = oneOf<EventKind>(EVENT_KINDS, r.kind);
  if (!person || !company || !kind) return null;
  const destination = str((r.destination as { name?: unknown } | undefined)?.name);
  return {
    fingerprint: proposalFingerprint(person, kind, excerpt),
    person: { name: person, aliases: [], mention: person, known: null },
    company: { name: company, aliases: [], known: null },
    kind,
    manner: kind === "departed" ? oneOf(MANNERS, r.manner) : undefined,
    role: str(r.role),
    roleCategory: oneOf(ROLE_CATEGORIES, r.roleCategory),
    date: str(r.date),
    dateBasis: oneOf(DATE_BASES, r.dateBasis),
    datePhrase: str(r.datePhrase),
    destination: destination ? { name: destination, aliases: [], known: null, relation: r.relation === "founded" ? "founded" : "joined" } : undefined,
    excerpt,
    start,
    context,
    contextStart: context ? text.indexOf(context) : undefined,
    confidence: typeof r.confidence === "number" && r.confidence >= 0 && r.confidence <= 1 ? r.confidence : 0.5,
    triggers: Array.isArray(r.triggers) ? r.triggers.filter((t): t is string => typeof t === "string" && text.includes(t)) : [],
  };
}

/**
 * A language-model extractor: `propose` sends the text wherever the deployment chooses and returns raw
 * proposals; only those quoting the text exactly are kept, and rejected fingerprints stay rejected.
 */
export function modelExtractor(name: string, propose: (input: ExtractInput) => Promise<unknown[]>): Extractor {
  return {
    name,
    async extract(input: ExtractInput, context: ExtractContext): Promise<ExtractResult> {
      const raw = await propose(input);
      const kept = raw.map((r) => verifiedProposal(r, input.text)).filter((p): p is Proposal => p !== null);
      const proposals = kept.filter((p) => !context.rejected?.has(p.fingerprint));
      return {
        language: input.language ?? detectLanguage(input.text),
        publishedAt: input.publishedAt,
        proposals,
        suppressed: kept.length - proposals.length,
      };
    },
  };
}
