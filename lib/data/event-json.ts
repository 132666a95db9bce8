/**
 * The public JSON shape of an event with its claims: used by `npm run export`, GET /api/events and the
 * Atom feed, so every consumer sees the same thing.
 */
import type { Prisma } from "@/generated/prisma/client";

/**
 * What a claim shows of its source: never its full text (a page of 50 events would carry every article
 * many times over; lib/data/sources.ts reads texts where a page shows them), but its sha256, and the
 * sources it cites, since a source and those it cites count as one independent source.
 */
export const claimSourceSelect = {
  id: true,
  title: true,
  titleEnglish: true,
  publisher: true,
  url: true,
  archiveUrl: true,
  accessedAt: true,
  textSha256: true,
  publishedText: true,
  publishedPrecision: true,
  language: true,
  kind: true,
  cites: { orderBy: { citedId: "asc" }, select: { cited: { select: { id: true, title: true, url: true } } } },
} satisfies Prisma.SourceSelect;

export const eventJsonInclude = {
  person: { include: { aliases: { orderBy: { id: "asc" } } } },
  company: { include: { aliases: { orderBy: { id: "asc" } } } },
  destination: { include: { aliases: { orderBy: { id: "asc" } } } },
  claims: {
    orderBy: { id: "asc" },
    include: {
      source: { select: claimSourceSelect },
      destination: { select: { name: true, slug: true } },
      tags: { orderBy: { tagId: "asc" }, select: { tag: { select: { slug: true, name: true } } } },
      batch: { select: { id: true, dataset: true, datasetVersion: true } },
    },
  },
  tags: { orderBy: { tagId: "asc" }, select: { tag: { select: { slug: true, name: true } } } },
} satisfies Prisma.EventInclude;

export type EventWithClaims = Prisma.EventGetPayload<{ include: typeof eventJsonInclude }>;

const otherAliases = (e: { name: string; aliases: { name: string }[] }) => e.aliases.map((a) => a.name).filter((n) => n !== e.name);

export function eventToJson(e: EventWithClaims) {
  return {
    id: e.id,
    kind: e.kind,
    /** how a departure happened (null when no claim says; see asserts.manner of each claim) */
    manner: e.manner,
    /** "board" for a board seat, its own tenure; "company" otherwise */
    scope: e.scope,
    person: { name: e.person.name, slug: e.person.slug, aliases: otherAliases(e.person) },
    company: { name: e.company.name, slug: e.company.slug, aliases: otherAliases(e.company) },
    role: e.role,
    roleCategory: e.roleCategory,
    date: e.dateText,
    datePrecision: e.datePrecision,
    dateEarliest: e.dateEarliest,
    dateLatest: e.dateLatest,
    destination: e.destination
      ? { name: e.destination.name, slug: e.destination.slug, aliases: otherAliases(e.destination), relation: e.destinationRelation }
      : null,
    status: e.status,
    reason: e.reason,
    reasonEvidence: e.reasonEvidence,
    sourceCount: e.sourceCount,
    /** the tags of its active claims */
    tags: e.tags.map((t) => t.tag.slug),
    claims: e.claims.map((c) => ({
      id: c.id,
      state: c.state,
      /** why it was retracted or deprecated ("superseded by DATASET VERSION") */
      stateReason: c.stateReason,
      tags: c.tags.map((t) => t.tag.slug),
      note: c.note,
      /** who added it: the account's name, or a system actor (seed, import) */
      addedBy: c.editor,
      addedAt: c.createdAt.toISOString(),
      /** the import batch it came from and the record's id in that dataset, or null */
      batch: c.batch ? { id: c.batch.id, dataset: c.batch.dataset, version: c.batch.datasetVersion } : null,
      externalId: c.externalId,
      recordStatus: c.recordStatus,
      source: {
        id: c.source.id,
        title: c.source.title,
        titleEnglish: c.source.titleEnglish,
        publisher: c.source.publisher,
        url: c.source.url,
        archiveUrl: c.source.archiveUrl,
        accessedAt: c.source.accessedAt,
        /** sha256 of the stored full text (GET /sources/ID shows it), null when none is stored */
        textSha256: c.source.textSha256,
        publishedAt: c.source.publishedText,
        language: c.source.language,
        kind: c.source.kind,
        /** the sources it cites or republishes: together with them it counts as one independent source */
        cites: c.source.cites.map(({ cited }) => ({ id: cited.id, title: cited.title, url: cited.url })),
      },
      excerpt: c.excerpt,
      translation: c.translation,
      /** a second verbatim passage of the same source supporting the date, or null */
      context: c.context,
      contextTranslation: c.contextTranslation,
      asserts: {
        kind: c.kind,
        manner: c.manner,
        scope: c.scope,
        role: c.role,
        roleCategory: c.roleCategory,
        date: c.dateText,
        /** stated | relative_to_published | bounded_by_published; null without a date */
        dateBasis: c.dateBasis,
        /** the words a relative date was read from ("今年"), or null */
        datePhrase: c.datePhrase,
        destination: c.destination?.name ?? null,
        relation: c.destinationRelation,
        reason: c.reason,
        reasonEvidence: c.reasonEvidence,
      },
    })),
  };
}

export type EventJson = ReturnType<typeof eventToJson>;
