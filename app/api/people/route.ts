/**
 * GET /api/people?q=: people recorded under any spelling containing q, in any script (`ムラティ`,
 * `murati` and `Murati` all find Mira Murati): `{ people: [{ name, slug, aliases, matched, eventCount, url }] }`.
 * Exact spellings first, then prefixes. Missing or bad params get 400 `{ error, fieldErrors }`.
 */
import type { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { badRequest, json } from "@/lib/http/respond";
import { lookupPeople } from "@/lib/data/lookup";
import { parseLookupQuery } from "@/lib/validation/event-filters";

export async function GET(request: NextRequest) {
  const parsed = parseLookupQuery(request.nextUrl.searchParams);
  if (!parsed.ok) return badRequest(parsed.fieldErrors);
  const people = await lookupPeople(db, parsed.query.q, parsed.query.limit);
  return json({ people: people.map((p) => ({ ...p, url: `/people/${p.slug}` })) }, { cache: "no-store" });
}
