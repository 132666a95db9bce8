/**
 * GET /api/suggest?type=person|company&q=: people or companies whose name or any alias, in any script,
 * matches what was typed (forgiving typos, word order and kana variants; lib/search). The claim form's
 * name fields use it while the editor types. Bad params: 400 `{ error, fieldErrors }`.
 */
import { db } from "@/lib/db";
import { json, parseQuery } from "@/lib/http/respond";
import { suggestCompanies, suggestPeople } from "@/lib/data/suggest";
import { suggestQuerySchema } from "@/lib/validation/suggest-query";

export async function GET(request: Request) {
  const parsed = parseQuery(suggestQuerySchema, new URL(request.url).searchParams);
  if (!parsed.ok) return parsed.response;
  const { type, q } = parsed.data;
  const suggestions = type === "person" ? await suggestPeople(db, q) : await suggestCompanies(db, q);
  return json({ suggestions });
}
