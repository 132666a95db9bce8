import "server-only";
import { db } from "@/lib/db";
import { excerptInContext, type ExcerptInContext } from "@/lib/domain/sentences";
import { orNotFound } from "./not-found";

const citedSource = { select: { id: true, title: true, titleEnglish: true, url: true, publisher: true, language: true } } as const;

/**
 * A source with its stored text, what it cites and what cites it, every claim it makes and, per event,
 * whether it is that event's only source.
 */
export async function getSource(id: number) {
  const source = Number.isSafeInteger(id)
    ? await db.source.findUnique({
        where: { id },
        include: {
          cites: { orderBy: { citedId: "asc" }, select: { cited: citedSource } },
          citedBy: { orderBy: { citingId: "asc" }, select: { citing: citedSource } },
          claims: {
            orderBy: { id: "asc" },
            include: {
              destination: { select: { name: true, slug: true } },
              event: {
                include: {
                  person: true,
                  company: true,
                  claims: { where: { state: "active" }, select: { sourceId: true, manner: true, state: true } },
                },
              },
            },
          },
        },
      })
    : null;
  const found = orNotFound(source);
  return {
    ...found,
    cites: found.cites.map((c) => c.cited),
    citedBy: found.citedBy.map((c) => c.citing),
    claims: found.claims.map((c) => ({ ...c, onlySource: c.event.claims.every((o) => o.sourceId === found.id) })),
  };
}

export type SourceDetail = Awaited<ReturnType<typeof getSource>>;

/**
 * Each claim's excerpt with the sentence before and after it, from its source's stored text; claims whose
 * source has no text (or whose excerpt predates it) are absent. One query for all the sources' texts.
 */
export async function excerptsInContext(
  claims: { id: number; excerpt: string; source: { id: number; language: string; textSha256: string | null } }[],
): Promise<Map<number, ExcerptInContext>> {
  const ids = [...new Set(claims.filter((c) => c.source.textSha256).map((c) => c.source.id))];
  if (ids.length === 0) return new Map();
  const texts = new Map((await db.source.findMany({ where: { id: { in: ids } }, select: { id: true, text: true } })).map((s) => [s.id, s.text]));
  const result = new Map<number, ExcerptInContext>();
  for (const c of claims) {
    const text = texts.get(c.source.id);
    const inContext = text ? excerptInContext(text, c.excerpt, c.source.language) : null;
    if (inContext) result.set(c.id, inContext);
  }
  return result;
}

/** Every source for the form's picker: what identifies it, never its full text. */
export async function listSources() {
  return db.source.findMany({
    orderBy: { id: "asc" },
    select: { id: true, title: true, publisher: true, publishedText: true, language: true, _count: { select: { claims: true } } },
  });
}
