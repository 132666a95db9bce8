import { expect, test } from "@playwright/test";
import { providerOfUrl } from "../../lib/db/provider";
import { E2E_DATABASE_URL } from "../../playwright.config";
import { all } from "./e2e-db";

test("GET /api/health: the database answers and every migration of its provider is applied", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(res.headers()["cache-control"]).toContain("no-store");
  const body = await res.json();
  expect(body).toMatchObject({ ok: true, database: "reachable", migrations: "current", provider: providerOfUrl(E2E_DATABASE_URL) });
  const recorded = await all<{ name: string }>(`SELECT "name" FROM "_departures_migrations"`);
  expect(body.applied).toBe(recorded.length);
});
