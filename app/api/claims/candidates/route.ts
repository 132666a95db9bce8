/**
 * GET /api/claims/candidates?person=&company=&kind=&date=&role=: recorded events a new claim may be
 * about, so the form can offer "add this as a claim to the existing event" while the editor types.
 */
import { db } from "@/lib/db";
import { findEventCandidates } from "@/lib/ingest/preflight";
import { EVENT_KINDS, type EventKind } from "@/lib/domain/vocabulary";
import { LIMITS } from "@/lib/validation/claim";

export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const get = (name: string) => (params.get(name) ?? "").trim().slice(0, LIMITS.name);
  const kind = get("kind");
  const person = get("person");
  const company = get("company");
  if (!person || !company || !(EVENT_KINDS as readonly string[]).includes(kind)) {
    return Response.json({ candidates: [] }, { headers: { "Cache-Control": "no-store" } });
  }
  const candidates = await findEventCandidates(db, {
    person: { name: person },
    company: { name: company },
    kind: kind as EventKind,
    date: get("date") || null,
    role: get("role") || null,
  });
  return Response.json({ candidates }, { headers: { "Cache-Control": "no-store" } });
}
