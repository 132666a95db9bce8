import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/http/openapi";

const API = path.resolve(__dirname, "../../app/api");

/** Every app/api route file as [OpenAPI path, method] pairs, read from the file's exports. */
function routes(): [string, string][] {
  const out: [string, string][] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const url = `/api/${path.relative(API, dir).split(path.sep).join("/")}`
          .replace(/\[\.\.\.[^\]]+\]/g, "{path}")
          .replace(/\[([^\]]+)\]/g, "{$1}");
        const text = fs.readFileSync(full, "utf8");
        for (const [, method] of text.matchAll(/export (?:async )?(?:function|const) (GET|POST|PUT|PATCH|DELETE)\b/g))
          out.push([url, method.toLowerCase()]);
      }
    }
  };
  walk(API);
  return out;
}

describe("/api/openapi.json", () => {
  const doc = openApiDocument();

  it("documents every route file under app/api, each exported method", () => {
    const found = routes();
    expect(found.length).toBeGreaterThan(10);
    const missing = found.filter(([p, m]) => !(doc.paths[p] as Record<string, unknown> | undefined)?.[m]).map(([p, m]) => `${m.toUpperCase()} ${p}`);
    expect(missing).toEqual([]);
    // and nothing that no file serves
    const served = new Set(found.map(([p, m]) => `${m} ${p}`));
    const extra = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops)
        .filter((m) => !served.has(`${m} ${p}`))
        .map((m) => `${m} ${p}`),
    );
    expect(extra).toEqual([]);
  });

  it("describes the parameters from the schemas the handlers parse with", () => {
    const search = doc.paths["/api/search"].get as { parameters: { name: string; required: boolean; schema: Record<string, unknown> }[] };
    expect(search.parameters).toEqual([
      { name: "q", in: "query", required: true, schema: expect.objectContaining({ type: "string", maxLength: 200 }) },
      { name: "type", in: "query", required: false, schema: expect.objectContaining({ enum: ["person", "company", "all"], default: "all" }) },
      { name: "limit", in: "query", required: false, schema: expect.objectContaining({ type: "integer", minimum: 1, maximum: 50 }) },
    ]);
    const events = doc.paths["/api/events"].get as { parameters: { name: string; required: boolean }[] };
    expect(events.parameters.filter((p) => p.required)).toEqual([]); // every filter is optional
    expect(events.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(["q", "company", "from", "to", "cursor", "limit"]));
    const claims = doc.paths["/api/claims"].post as {
      requestBody: { content: { "application/json": { schema: { properties: object } } } };
      responses: object;
    };
    expect(Object.keys(claims.requestBody.content["application/json"].schema.properties)).toEqual(
      expect.arrayContaining(["source", "excerpt", "person"]),
    );
    expect(Object.keys(claims.responses)).toEqual(expect.arrayContaining(["200", "400", "401", "403", "429"]));
    expect(doc.openapi).toBe("3.1.0");
  });
});
