/**
 * The <title> of each record page, named for what it shows ("Jan Leike", "OpenAI", "Jan Leike left OpenAI
 * (May 2024)", a source's title). One small query each; null when the record does not exist (the page
 * itself answers 404). Read by the pages' generateMetadata.
 */
import type { Metadata } from "next";
import { connection } from "next/server";
import { db } from "@/lib/db";
import { slugParam } from "@/lib/http/errors";
import { formatHuman, fromColumns } from "@/lib/domain/partial-date";
import type { EventKind } from "@/lib/domain/vocabulary";

const VERBS: Record<EventKind, string> = {
  joined: "joined",
  departed: "left",
  leave_started: "went on leave from",
  returned: "returned to",
  role_changed: "changed role at",
};

const decoded = (raw: string): string | null => {
  try {
    return slugParam(decodeURIComponent(raw));
  } catch {
    return null;
  }
};
const idOf = (raw: string): number | null => (/^[1-9]\d{0,14}$/.test(raw) ? Number(raw) : null);
const titled = (title: string | null | undefined, fallback: string): Metadata => ({ title: title ?? fallback });

export async function personTitle(raw: string): Promise<Metadata> {
  await connection(); // read per request, like the page itself
  const slug = decoded(raw);
  const p = slug ? await db.person.findUnique({ where: { slug }, select: { name: true } }) : null;
  return titled(p?.name, "Person not found");
}

export async function companyTitle(raw: string, suffix = ""): Promise<Metadata> {
  await connection(); // read per request, like the page itself
  const slug = decoded(raw);
  const c = slug ? await db.company.findUnique({ where: { slug }, select: { name: true } }) : null;
  return titled(c ? `${c.name}${suffix}` : null, "Company not found");
}

export async function eventTitle(raw: string): Promise<Metadata> {
  await connection(); // read per request, like the page itself
  const id = idOf(raw);
  const e = id
    ? await db.event.findUnique({
        where: { id },
        select: { kind: true, dateText: true, person: { select: { name: true } }, company: { select: { name: true } } },
      })
    : null;
  if (!e) return titled(null, "Event not found");
  const verb = VERBS[e.kind as EventKind] ?? e.kind;
  const when = e.dateText ? ` (${formatHuman(fromColumns(e.dateText))})` : "";
  return titled(`${e.person.name} ${verb} ${e.company.name}${when}`, "Event");
}

export async function sourceTitle(raw: string): Promise<Metadata> {
  await connection(); // read per request, like the page itself
  const id = idOf(raw);
  const s = id ? await db.source.findUnique({ where: { id }, select: { title: true, titleEnglish: true, publisher: true } }) : null;
  if (!s) return titled(null, "Source not found");
  const english = s.titleEnglish && s.titleEnglish !== s.title ? ` (${s.titleEnglish})` : "";
  return titled(`${s.title}${english}${s.publisher ? ` · ${s.publisher}` : ""}`, "Source");
}
