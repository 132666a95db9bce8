/**
 * GET /api/suggest?type=person|company&q=: people or companies whose name or any alias, in any script,
 * contains what was typed. The claim form's name fields use it while the editor types.
 */
import { db } from "@/lib/db";
import { suggestCompanies, suggestPeople, SUGGEST_QUERY_MAX } from "@/lib/data/suggest";

export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const q = (params.get("q") ?? "").slice(0, SUGGEST_QUERY_MAX);
  const type = params.get("type");
  if (type !== "person" && type !== "company") {
    return Response.json({ error: "type must be person or company" }, { status: 400 });
  }
  const suggestions = type === "person" ? await suggestPeople(db, q) : await suggestCompanies(db, q);
  return Response.json({ suggestions }, { headers: { "Cache-Control": "no-store" } });
}
