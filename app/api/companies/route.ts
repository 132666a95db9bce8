/**
 * GET /api/companies?q=: companies recorded under any spelling containing q, in any script:
 * `{ companies: [{ name, slug, aliases, matched, eventCount, url }] }`; `slug` is what the `company`
 * and `destination` filters of /api/events take. Missing or bad params get 400 `{ error, fieldErrors }`.
 */
import type { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { badRequest, json } from "@/lib/http/respond";
import { lookupCompanies } from "@/lib/data/lookup";
import { parseLookupQuery } from "@/lib/validation/event-filters";

export async function GET(request: NextRequest) {
  const parsed = parseLookupQuery(request.nextUrl.searchParams);
  if (!parsed.ok) return badRequest(parsed.fieldErrors);
  const companies = await lookupCompanies(db, parsed.query.q, parsed.query.limit);
  return json({ companies: companies.map((c) => ({ ...c, url: `/companies/${c.slug}` })) }, { cache: "no-store" });
}
