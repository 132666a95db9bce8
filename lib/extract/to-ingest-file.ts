/**
 * Proposals as an ingest file (docs/ingest-format.md): one source with the full text inline, one claim
 * per proposal, so they can be reviewed in an editor and loaded with `npm run ingest`.
 */
import type { Proposal } from "./types";

export interface ArticleMeta {
  title: string;
  publisher?: string;
  url?: string;
  publishedAt?: string;
  language: string;
  kind?: "article" | "video_transcript" | "post" | "filing" | "press_release";
}

/** The claim an accepted proposal becomes (without its source). */
export function proposalToClaim(p: Proposal) {
  return {
    excerpt: p.excerpt,
    ...(p.context ? { context: p.context } : {}),
    person: { name: p.person.name, aliases: p.person.aliases },
    company: { name: p.company.name, aliases: p.company.aliases },
    kind: p.kind,
    ...(p.manner ? { manner: p.manner } : {}),
    ...(p.role ? { role: p.role } : {}),
    ...(p.roleCategory ? { roleCategory: p.roleCategory } : {}),
    ...(p.dateBasis === "stated" && p.date ? { date: p.date, dateBasis: "stated" as const } : {}),
    ...(p.dateBasis === "relative_to_published" && p.datePhrase ? { dateBasis: "relative_to_published" as const, datePhrase: p.datePhrase } : {}),
    ...(p.dateBasis === "bounded_by_published" ? { dateBasis: "bounded_by_published" as const } : {}),
    ...(p.destination ? { destination: { name: p.destination.name, aliases: p.destination.aliases, relation: p.destination.relation } } : {}),
  };
}

export function toIngestFile(text: string, meta: ArticleMeta, proposals: Proposal[]) {
  return {
    sources: [
      {
        ref: "s1",
        title: meta.title,
        ...(meta.publisher ? { publisher: meta.publisher } : {}),
        ...(meta.url ? { url: meta.url } : {}),
        ...(meta.publishedAt ? { publishedAt: meta.publishedAt } : {}),
        language: meta.language,
        kind: meta.kind ?? "article",
        text,
      },
    ],
    claims: proposals.map((p) => ({
      source: "s1",
      ...proposalToClaim(p),
      note: `Proposed by the article extractor (confidence ${p.confidence}; from: ${p.triggers.join(", ")})${p.repeats ? `; repeats recorded event ${p.repeats.eventId}` : ""}. Check before loading.`,
    })),
  };
}
