/** GET /api/openapi.json: the OpenAPI 3.1 document of every /api route, generated from the zod schemas. */
import { json } from "@/lib/http/respond";
import { openApiDocument } from "@/lib/http/openapi";

export function GET() {
  return json(openApiDocument(), { cache: { publicSeconds: 300 } });
}
