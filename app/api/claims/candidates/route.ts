/**
 * GET /api/claims/candidates?person=&company=&kind=&manner=&date=&role=&roleCategory=: recorded events a
 * new claim may be about, so the form can offer "add this as a claim to the existing event" while the
 * editor types. Blank person, company or kind: no candidates yet. Invalid params: 400 `{ error, fieldErrors }`.
 */
import { db } from "@/lib/db";
import { jsonError } from "@/lib/http/errors";
import { findEventCandidates } from "@/lib/ingest/preflight";
import { candidatesQuerySchema } from "@/lib/validation/candidates-query";
import { fieldErrorsOf } from "@/lib/validation/field-errors";

const NO_STORE = { "Cache-Control": "no-store" };

export async function GET(request: Request) {
  const parsed = candidatesQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return jsonError(400, "Invalid query parameters", fieldErrorsOf(parsed.error));
  const { person, company, kind, manner, date, role, roleCategory } = parsed.data;
  if (!person || !company || !kind) return Response.json({ candidates: [] }, { headers: NO_STORE });
  const candidates = await findEventCandidates(db, {
    person: { name: person },
    company: { name: company },
    kind,
    manner,
    date: date ?? null,
    role: role ?? null,
    roleCategory: roleCategory ?? null,
  });
  return Response.json({ candidates }, { headers: NO_STORE });
}
