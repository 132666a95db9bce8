import "server-only";
import { db } from "@/lib/db";
import { eventJsonInclude } from "./event-json";
import { orNotFound } from "./not-found";

export async function getPersonBySlug(slug: string) {
  const person = await db.person.findUnique({
    where: { slug },
    include: {
      aliases: { orderBy: { id: "asc" } },
      externalIds: { orderBy: { id: "asc" } },
      positions: {
        include: { company: true, reportsTo: true, events: { select: { eventId: true }, orderBy: { eventId: "asc" } } },
        orderBy: [{ startEarliest: "asc" }, { id: "asc" }],
      },
      events: { include: eventJsonInclude, orderBy: [{ sortDate: "asc" }, { id: "asc" }] },
    },
  });
  return orNotFound(person);
}
