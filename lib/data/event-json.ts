/**
 * The public JSON shape of an event with its claims: used by `npm run export`, GET /api/events and the
 * Atom feed, so every consumer sees the same thing.
 */
import type { Prisma } from "@/generated/prisma/client";

export const eventJsonInclude = {
  person: { include: { aliases: { orderBy: { id: "asc" } } } },
  company: { include: { aliases: { orderBy: { id: "asc" } } } },
  destination: { include: { aliases: { orderBy: { id: "asc" } } } },
  claims: {
    orderBy: { id: "asc" },
    include: { source: true, destination: { select: { name: true, slug: true } } },
  },
} satisfies Prisma.EventInclude;

export type EventWithClaims = Prisma.EventGetPayload<{ include: typeof eventJsonInclude }>;

const otherAliases = (e: { name: string; aliases: { name: string }[] }) =>
  e.aliases.map((a) => a.name).filter((n) => n !== e.name);

export function eventToJson(e: EventWithClaims) {
  return {
    id: e.id,
    kind: e.kind,
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
    claims: e.claims.map((c) => ({
      id: c.id,
      state: c.state,
      source: {
        id: c.source.id,
        title: c.source.title,
        publisher: c.source.publisher,
        url: c.source.url,
        publishedAt: c.source.publishedText,
        language: c.source.language,
        kind: c.source.kind,
      },
      excerpt: c.excerpt,
      translation: c.translation,
      asserts: {
        kind: c.kind,
        role: c.role,
        roleCategory: c.roleCategory,
        date: c.dateText,
        destination: c.destination?.name ?? null,
        relation: c.destinationRelation,
        reason: c.reason,
      },
    })),
  };
}

export type EventJson = ReturnType<typeof eventToJson>;
