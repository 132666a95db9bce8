/**
 * GET /api/search?q=&type=person|company|all&limit=: people and companies by any spelling, forgiving
 * typos, word order, kana variants, case and width (lib/search), best first:
 * `{ results: [{ type, name, slug, url, matched, reason, distance }] }`, `reason` one of exact, prefix,
 * substring, token_order, kana_variant, typo, word. Bad params: 400 `{ error, fieldErrors }`.
 */
import type { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { dialectOf } from "@/lib/data/sql/dialect";
import { json, parseQuery } from "@/lib/http/respond";
import { runner } from "@/lib/search/run";
import { searchNames } from "@/lib/search/search";
import { searchQuerySchema } from "@/lib/validation/search-query";

export async function GET(request: NextRequest) {
  const parsed = parseQuery(searchQuerySchema, request.nextUrl.searchParams);
  if (!parsed.ok) return parsed.response;
  const { q, type, limit } = parsed.data;
  const matches = await searchNames(runner(db), dialectOf(db), q, { type, limit });
  const results = matches.map((m) => ({
    type: m.type,
    name: m.name,
    slug: m.slug,
    url: `/${m.type === "person" ? "people" : "companies"}/${m.slug}`,
    matched: m.matched,
    reason: m.reason,
    distance: m.distance,
  }));
  return json({ results }, { cache: "no-store" });
}
