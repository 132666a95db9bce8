import "server-only";
import { db } from "@/lib/db";
import type { Db } from "@/lib/db-factory";
import { eventJsonInclude } from "./event-json";
import { orNotFound } from "./not-found";

/** One event with its claims, sources and change log; 404 when it does not exist. */
export async function getEvent(id: number) {
  const event = Number.isSafeInteger(id)
    ? await db.event.findUnique({
        where: { id },
        include: { ...eventJsonInclude, changes: { orderBy: { id: "desc" } } },
      })
    : null;
  return orNotFound(event);
}

export type EventDetail = Awaited<ReturnType<typeof getEvent>>;

/** Form values for "add a claim to this event": its person, company, kind, manner and role, with the event chosen. */
export async function eventPrefill(client: Db, eventId: number): Promise<Record<string, string> | null> {
  const e = await client.event.findUnique({ where: { id: eventId }, include: { person: true, company: true } });
  if (!e) return null;
  const values: Record<string, string> = {
    "person.name": e.person.name,
    "company.name": e.company.name,
    kind: e.kind,
    "event.choice": String(e.id),
  };
  if (e.role) values.role = e.role;
  if (e.roleCategory) values.roleCategory = e.roleCategory;
  return values;
}
