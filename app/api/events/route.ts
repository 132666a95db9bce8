/**
 * GET /api/events: the timeline's events as JSON, one keyset page at a time, with the same params as
 * the page (company, role, title, destination, kind, from, to, status, q, sort, cursor, limit):
 * `{ events, nextCursor, total }`, events in the export's shape. Follow `nextCursor` (pass it back as
 * `cursor`) until it is null.
 * GET /api/events?format=csv: every matching event (cursor and limit ignored), one row per claim like
 * `npm run export`, streamed page by page so memory stays flat however many rows match.
 * Bad params get 400 `{ error, fieldErrors }`.
 */
import type { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { jsonError } from "@/lib/http/errors";
import { eventToJson } from "@/lib/data/event-json";
import { eachMatchingEvent, findEvents } from "@/lib/data/find-events";
import { csvFilename } from "@/lib/export/csv-filename";
import { EVENT_CSV_HEADER, UTF8_BOM, eventCsvRows } from "@/lib/export/event-csv";
import { encodeCursor, filtersOf, parseEventQuery, type EventFilters } from "@/lib/validation/event-filters";

export async function GET(request: NextRequest) {
  const parsed = parseEventQuery(request.nextUrl.searchParams);
  if (!parsed.ok) {
    return jsonError(400, "Invalid query parameters", parsed.fieldErrors);
  }
  const query = parsed.query;
  if (query.format === "csv") {
    return new Response(csvStream(filtersOf(query), query.bom), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${csvFilename(filtersOf(query))}"`,
        "Cache-Control": "no-store",
      },
    });
  }
  const page = await findEvents(db, query);
  return Response.json(
    { events: page.events.map(eventToJson), nextCursor: page.nextCursor ? encodeCursor(page.nextCursor) : null, total: page.total },
    { headers: { "Cache-Control": "no-store" } },
  );
}

/** The header, then the rows of each matching event, produced only as fast as the client reads them. */
function csvStream(filters: EventFilters, bom: boolean): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const events = eachMatchingEvent(db, filters);
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode((bom ? UTF8_BOM : "") + EVENT_CSV_HEADER));
        return;
      }
      let chunk = "";
      for (let i = 0; i < 100; i++) {
        const next = await events.next();
        if (next.done) {
          if (chunk) controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += eventCsvRows(eventToJson(next.value));
      }
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await events.return(undefined);
    },
  });
}
