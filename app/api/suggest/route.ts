/**
 * GET /api/suggest?type=person|company&q=: people or companies whose name or any alias, in any script,
 * contains what was typed. The claim form's name fields use it while the editor types.
 */
import { db } from "@/lib/db";
import { jsonError } from "@/lib/http/errors";
import { UNSTORABLE_MESSAGE, isStorable } from "@/lib/validation/text";
import { suggestCompanies, suggestPeople, SUGGEST_QUERY_MAX } from "@/lib/data/suggest";

export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const type = params.get("type");
  if (type !== "person" && type !== "company") return jsonError(400, "type must be person or company", { type: ["type must be person or company"] });
  // cut by code points, so a pair is never split into a lone surrogate
  const q = Array.from(params.get("q") ?? "")
    .slice(0, SUGGEST_QUERY_MAX)
    .join("");
  if (!isStorable(q, "single-line")) return jsonError(400, `q ${UNSTORABLE_MESSAGE}`, { q: [`q ${UNSTORABLE_MESSAGE}`] });
  const suggestions = type === "person" ? await suggestPeople(db, q) : await suggestCompanies(db, q);
  return Response.json({ suggestions }, { headers: { "Cache-Control": "no-store" } });
}
