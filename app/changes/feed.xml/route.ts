/**
 * GET /changes/feed.xml: an Atom feed of corrections, newest first: claims retracted or deprecated,
 * people or companies merged, aliases split off, imports undone, reverts, and changes that made an event
 * disputed. Entry ids are tag: URIs made from the change's id alone, so they stay the same whatever host
 * serves the feed and however often it is read (RFC 4151).
 */
import { connection, type NextRequest } from "next/server";
import { db } from "@/lib/db";
import { CHANGE_ACTION_LABELS, correctionKind, listCorrections, type ChangeAction, type ChangeView } from "@/lib/data/changes";
import { EVENT_KIND_LABELS, type EventKind } from "@/lib/domain/vocabulary";
import { publicOrigin } from "@/lib/http/origin";
import { xmlText as esc } from "@/lib/xml/escape";

/** The tag: authority for this app's ids; never change it, or every reader sees every entry again. */
const TAG = "tag:departures,2024";

const KIND_TITLES: Record<string, string> = { revert: "Reverted", dispute: "Disputed" };

function about(c: ChangeView): string {
  if (!c.event) return "";
  const kind = (EVENT_KIND_LABELS[c.event.kind as EventKind] ?? c.event.kind).toLowerCase();
  return `${c.event.person.name} ${kind} · ${c.event.company.name}`;
}

function title(c: ChangeView): string {
  const kind = correctionKind(c)!;
  const what = KIND_TITLES[kind] ?? CHANGE_ACTION_LABELS[c.action as ChangeAction] ?? c.action;
  const claim = c.claimId !== null ? ` claim ${c.claimId}` : "";
  const event = about(c);
  return `${what[0].toUpperCase()}${what.slice(1)}${kind === "revert" ? ` change ${c.revertOfId}` : claim}${event ? ` of ${event}` : ""}`;
}

function entry(c: ChangeView, origin: string): string {
  const url = `${origin}/changes?before=${c.id + 1}#change-${c.id}`;
  const fields = c.fields.map((f) => `<li>${esc(f.label)}: ${esc(f.before ?? "none")} → ${esc(f.after ?? "none")}</li>`).join("");
  const event = c.event ? `<p><a href="${esc(`${origin}/events/${c.event.id}`)}">${esc(about(c))}</a></p>` : "";
  return `  <entry>
    <id>${TAG}:change/${c.id}</id>
    <title>${esc(title(c))}</title>
    <link rel="alternate" type="text/html" href="${esc(url)}"/>
    ${c.event ? `<link rel="related" type="text/html" href="${esc(`${origin}/events/${c.event.id}`)}"/>` : ""}
    <updated>${c.at.toISOString()}</updated>
    <author><name>${esc(c.account?.name ?? c.editor)}</name></author>
    <category term="${esc(correctionKind(c)!)}"/>
    <summary>${esc(c.summary)}</summary>
    <content type="html">${esc(`<p>${esc(c.summary)}</p>${event}${fields ? `<ul>${fields}</ul>` : ""}`)}</content>
  </entry>`;
}

export async function GET(request: NextRequest) {
  await connection();
  const changes = await listCorrections(db, 50);
  const origin = publicOrigin(request);
  const updated = changes[0]?.at ?? new Date(0);
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${TAG}:corrections</id>
  <title>Departures: corrections</title>
  <subtitle>Retractions, deprecations, disputes, reverts and merges in the Departures record, newest first.</subtitle>
  <link rel="self" type="application/atom+xml" href="${esc(`${origin}/changes/feed.xml`)}"/>
  <link rel="alternate" type="text/html" href="${esc(`${origin}/changes`)}"/>
  <updated>${updated.toISOString()}</updated>
  <author><name>Departures</name></author>
${changes.map((c) => entry(c, origin)).join("\n")}
</feed>
`;
  return new Response(xml, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "no-store" } });
}
