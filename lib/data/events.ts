import "server-only";
import { db } from "@/lib/db";
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

