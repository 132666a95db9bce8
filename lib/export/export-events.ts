import type { Db } from "@/lib/db-factory";
import { eventJsonInclude, eventToJson, type EventJson } from "@/lib/data/event-json";

/** Every event with its claims, oldest first, read in pages so memory stays flat on a large database. */
export async function* allEvents(db: Db, pageSize = 500): AsyncGenerator<EventJson> {
  let cursor: number | undefined;
  for (;;) {
    const page = await db.event.findMany({
      include: eventJsonInclude,
      orderBy: { id: "asc" },
      take: pageSize,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    for (const e of page) yield eventToJson(e);
    if (page.length < pageSize) return;
    cursor = page[page.length - 1].id;
  }
}
