import "server-only";
import { db } from "@/lib/db";
import { orNotFound } from "./not-found";

/** A source with every claim it makes and, per event, whether it is that event's only source. */
export async function getSource(id: number) {
  const source = Number.isSafeInteger(id)
    ? await db.source.findUnique({
        where: { id },
        include: {
          claims: {
            orderBy: { id: "asc" },
            include: {
              destination: { select: { name: true, slug: true } },
              event: { include: { person: true, company: true, claims: { where: { state: "active" }, select: { sourceId: true } } } },
            },
          },
        },
      })
    : null;
  const found = orNotFound(source);
  return {
    ...found,
    claims: found.claims.map((c) => ({ ...c, onlySource: c.event.claims.every((o) => o.sourceId === found.id) })),
  };
}

export async function listSources() {
  return db.source.findMany({ orderBy: { id: "asc" }, include: { _count: { select: { claims: true } } } });
}
