/**
 * GET /api/claims/candidates?person=&company=&kind=&manner=&date=&role=&roleCategory=: recorded events a
 * new claim may be about, so the form can offer "add this as a claim to the existing event" while the
 * editor types. Blank person, company or kind: no candidates yet. Invalid params: 400 `{ error, fieldErrors }`.
 */
import { db } from "@/lib/db";
import { json, parseQuery } from "@/lib/http/respond";
import { findEventCandidates } from "@/lib/ingest/preflight";
import { candidatesQuerySchema } from "@/lib/validation/candidates-query";

export async function GET(request: Request) {
  const parsed = parseQuery(candidatesQuerySchema, new URL(request.url).searchParams);
  if (!parsed.ok) return parsed.response;
  const { person, company, kind, manner, date, role, roleCategory } = parsed.data;
  if (!person || !company || !kind) return json({ candidates: [] });
  const candidates = await findEventCandidates(db, {
    person: { name: person },
    company: { name: company },
    kind,
    manner,
    date: date ?? null,
    role: role ?? null,
    roleCategory: roleCategory ?? null,
  });
  return json({ candidates });
}
