/**
 * GET /feed.xml: an Atom feed of the newest events (by event date, as the timeline's first page),
 * optionally filtered with any of the timeline's params, parsed by its one schema: a person's feed
 * (/feed.xml?person=mira-murati), a company's (?company=openai), a tag's, or any filter
 * (?company=openai&kind=departed). The title names the filter. Each entry
 * links to the event's evidence page and quotes its claims. Bad params get 400 as plain text. Links are
 * absolute from DEPARTURES_PUBLIC_URL or the request's own host; every text goes through xmlText.
 */
import type { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { eventToJson, type EventJson } from "@/lib/data/event-json";
import { findEvents } from "@/lib/data/find-events";
import { formatHuman, fromColumns } from "@/lib/domain/partial-date";
import { EVENT_KIND_LABELS, type EventKind } from "@/lib/domain/vocabulary";
import { publicOrigin } from "@/lib/http/origin";
import { filterLabel, filterNames } from "@/components/watch/filter-label";
import { filtersOf, hasActiveFilters, parseEventQuery, queryString } from "@/lib/validation/event-filters";
import { xmlText } from "@/lib/xml/escape";

const esc = xmlText;

function headline(e: EventJson): string {
  const kind = (EVENT_KIND_LABELS[e.kind as EventKind] ?? e.kind).toLowerCase();
  const role = e.role ? ` (${e.role})` : "";
  const to = e.destination ? ` → ${e.destination.relation === "founded" ? "founded " : ""}${e.destination.name}` : "";
  return `${e.person.name} ${kind} ${e.kind === "joined" ? "" : "· "}${e.company.name}${role}${to}`;
}

function entry(e: EventJson, updated: Date, origin: string): string {
  const url = `${origin}/events/${e.id}`;
  const when = formatHuman(fromColumns(e.date));
  const evidence = e.claims
    .map(
      (c) =>
        `<li><blockquote lang="${esc(c.source.language)}">${esc(c.excerpt)}</blockquote>` +
        (c.translation ? `<p><i>${esc(c.translation)}</i></p>` : "") +
        `<p>— <a href="${esc(`${origin}/sources/${c.source.id}`)}">${esc(c.source.title)}</a>${c.state === "active" ? "" : ` (${esc(c.state)})`}</p></li>`,
    )
    .join("");
  return `  <entry>
    <id>${esc(url)}</id>
    <title>${esc(headline(e))}</title>
    <link rel="alternate" type="text/html" href="${esc(url)}"/>
    <updated>${updated.toISOString()}</updated>
    <category term="${esc(e.kind)}"/>
    <summary>${esc(`${when} · ${e.status} · ${e.sourceCount} ${e.sourceCount === 1 ? "source" : "sources"}`)}</summary>
    <content type="html">${esc(`<p>${esc(when)}: ${esc(headline(e))}, ${esc(e.status)}.</p><ul>${evidence}</ul>`)}</content>
  </entry>`;
}

export async function GET(request: NextRequest) {
  const parsed = parseEventQuery(request.nextUrl.searchParams);
  if (!parsed.ok) {
    const lines = Object.entries(parsed.fieldErrors).map(([k, v]) => `${k}: ${(v ?? []).join("; ")}`);
    return new Response(`Invalid query parameters\n${lines.join("\n")}\n`, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const filters = filtersOf(parsed.query);
  const [page, names] = await Promise.all([findEvents(db, { ...parsed.query, sort: "newest", cursor: undefined }), filterNames(db, filters)]);
  // absolute links: DEPARTURES_PUBLIC_URL, else the host this request was served under
  const origin = publicOrigin(request);
  const qs = queryString(filters);
  const updated = page.events.reduce((max, e) => (e.updatedAt > max ? e.updatedAt : max), new Date(0));
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${esc(`${origin}/feed.xml${qs}`)}</id>
  <title>${esc(hasActiveFilters(filters) ? `Departures: ${filterLabel(parsed.query, names)}` : "Departures: newest events")}</title>
  <subtitle>Who left which organization, when, and where they went; newest event dates first, each with its evidence.</subtitle>
  <link rel="self" type="application/atom+xml" href="${esc(`${origin}/feed.xml${qs}`)}"/>
  <link rel="alternate" type="text/html" href="${esc(`${origin}/${qs}`)}"/>
  <updated>${updated.toISOString()}</updated>
  <author><name>Departures</name></author>
${page.events.map((e) => entry(eventToJson(e), e.updatedAt, origin)).join("\n")}
</feed>
`;
  return new Response(xml, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "no-store" } });
}
