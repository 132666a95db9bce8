/**
 * The pages around the timeline: a company's departures charted and where people went, a person's
 * events in order with every claim, and what a source is the only evidence for. Each checked against the
 * database the server reads.
 */
import { expect, test } from "@playwright/test";
import { roleCategoriesOf } from "../../lib/domain/role-categories";
import type { RoleCategory } from "../../lib/domain/vocabulary";
import { all } from "./e2e-db";

/**
 * OpenAI departures (however they happened) per destination, as the company page should count them;
 * `role` keeps those under a role category: recorded, or named by the title (ADR 0066).
 */
async function openaiDestinations(role?: RoleCategory): Promise<Map<string, number>> {
  const rows = await all<{ name: string; role: string | null; roleCategory: string | null }>(
    `SELECT d.name, e.role, e."roleCategory" FROM "Event" e JOIN "Company" c ON c.id = e."companyId" JOIN "Company" d ON d.id = e."destinationId"
     WHERE c.slug = 'openai' AND e.kind = 'departed' AND e.status <> 'retracted'`,
  );
  const out = new Map<string, number>();
  for (const r of rows) if (!role || roleCategoriesOf(r.roleCategory, r.role).includes(role)) out.set(r.name, (out.get(r.name) ?? 0) + 1);
  return out;
}

test("the timeline's charts follow its filters, and a bar leads to the events it counts", async ({ page }) => {
  await page.goto("/?destination=anthropic");
  const where = page.getByRole("figure", { name: "Where they went" });
  await expect(where.getByRole("link")).toHaveCount(1);
  const n = (
    await all<{ n: number }>(
      `SELECT COUNT(*) AS n FROM "Event" e JOIN "Company" d ON d.id = e."destinationId" WHERE d.slug = 'anthropic' AND e.status <> 'retracted'`,
    )
  )[0].n;
  await expect(where.getByRole("link", { name: `Anthropic: ${n}, show them` })).toBeVisible();

  const chart = page.getByRole("figure", { name: /Matching events per (quarter|year), by role category/ });
  const bar = chart.getByRole("link", { name: /: \d+ events, show them$/ }).first();
  const [, label, count] = (await bar.getAttribute("aria-label"))!.match(/^(.+): (\d+) events, show them$/)!;
  await bar.click();
  await expect(page).toHaveURL(/destination=anthropic.*from=\d{4}(-Q\d)?&to=\d{4}(-Q\d)?/);
  await expect(page.getByTestId("result-count")).toContainText(`${count} event`);
  expect(label).toMatch(/^(Q\d )?\d{4}$/);
});

test("a company page charts who left and says where they went, following its filters", async ({ page }) => {
  await page.goto("/companies/openai");
  await expect(page.getByRole("heading", { level: 1, name: "OpenAI" })).toBeVisible();
  await expect(page.getByRole("link", { name: "org chart" })).toHaveAttribute("href", "/companies/openai/org");

  const chart = page.getByRole("figure", { name: /People who left OpenAI, per (quarter|year), by role category/ });
  await expect(chart.getByRole("img")).toBeVisible();
  await expect(chart.getByRole("list", { name: "Legend" })).toContainText("Research");

  const where = page.getByRole("figure", { name: "Where they went" });
  for (const [name, n] of await openaiDestinations()) {
    await expect(where.getByRole("link", { name: `${name}: ${n}, show them` })).toBeVisible();
  }
  // a destination bar leads to the timeline filtered to it
  await where.getByRole("link", { name: /^Anthropic: \d+, show them/ }).click();
  await expect(page).toHaveURL(/\/\?company=openai&destination=anthropic&kind=departed$/);
  await expect(page.getByTestId("timeline-event").first()).toContainText("Anthropic");

  // filtered to research roles, the counts follow
  await page.goto("/companies/openai?role=research");
  const research = await openaiDestinations("research");
  const figure = page.getByRole("figure", { name: "Where they went" });
  for (const [name, n] of research) await expect(figure.getByRole("link", { name: `${name}: ${n}, show them` })).toBeVisible();
  // destinations only people in other roles went to are gone
  const others = [...(await openaiDestinations()).keys()].filter((name) => !research.has(name));
  expect(others.length).toBeGreaterThan(0);
  for (const name of others) await expect(figure.getByRole("link", { name: new RegExp(`^${name}:`) })).toHaveCount(0);
});

test("a company page lists companies its alumni founded, with links to founder and evidence", async ({ page }) => {
  await page.goto("/companies/openai");
  const section = page.getByRole("region", { name: /Companies founded by alumni/ });
  const founded = await all<{ company: string; person: string }>(
    `SELECT DISTINCT d.name AS company, p.name AS person FROM "Event" e JOIN "Company" c ON c.id = e."companyId"
     JOIN "Company" d ON d.id = e."destinationId" JOIN "Person" p ON p.id = e."personId"
     WHERE c.slug = 'openai' AND e."destinationRelation" = 'founded' AND e.status <> 'retracted'`,
  );
  expect(founded.map((f) => f.company)).toEqual(expect.arrayContaining(["Anthropic", "Safe Superintelligence"]));
  for (const f of founded) {
    const item = section.getByRole("listitem").filter({ has: page.getByRole("link", { name: f.company, exact: true }) });
    await expect(item.getByRole("link", { name: f.person, exact: true })).toBeVisible();
    await expect(item.getByRole("link", { name: /^\(left / }).first()).toHaveAttribute("href", /^\/events\/\d+$/);
  }
});

test("a person page lists their events in date order, undated last, each with every claim", async ({ page }) => {
  await page.goto("/people/andrej-karpathy");
  const events = page.getByRole("region", { name: /Events and evidence/ }).locator("ol > li");
  const stored = await all<{ id: number; dateText: string | null; claims: number }>(
    `SELECT e.id, e."dateText", (SELECT COUNT(*) FROM "Claim" c WHERE c."eventId" = e.id) AS claims
     FROM "Event" e JOIN "Person" p ON p.id = e."personId" WHERE p.slug = 'andrej-karpathy'
     ORDER BY e."sortDate" = '', e."sortDate", e."dateLatest", e.id`,
  );
  await expect(events).toHaveCount(stored.length);
  for (let i = 0; i < stored.length; i++) {
    await expect(events.nth(i).getByRole("link", { name: /^\d+ sources? for Andrej Karpathy/ })).toHaveAttribute("href", `/events/${stored[i].id}`);
    await expect(events.nth(i).getByRole("article", { name: /^Claim \d+/ })).toHaveCount(stored[i].claims);
  }
});

test("a source page says which events it is the only source for", async ({ page }) => {
  // the source that is the only evidence for the most events
  const [source] = await all<{ id: number; n: number }>(
    `SELECT c."sourceId" AS id, COUNT(DISTINCT c."eventId") AS n FROM "Claim" c
     WHERE c.state = 'active' AND NOT EXISTS (SELECT 1 FROM "Claim" o WHERE o."eventId" = c."eventId" AND o.state = 'active' AND o."sourceId" <> c."sourceId")
     GROUP BY c."sourceId" ORDER BY n DESC, c."sourceId" LIMIT 1`,
  );
  expect(source.n).toBeGreaterThan(0);
  await page.goto(`/sources/${source.id}`);
  await expect(page.getByRole("heading", { name: `Events only this source supports (${source.n})` })).toBeVisible();
  await expect(page.getByTestId("only-source-events").getByRole("listitem")).toHaveCount(source.n);
  const claims = (await all<{ n: number }>(`SELECT COUNT(*) AS n FROM "Claim" WHERE "sourceId" = ?`, source.id))[0].n;
  await expect(page.getByRole("heading", { name: `What it asserts (${claims})` })).toBeVisible();
  await expect(page.locator("blockquote").first()).toBeVisible();
});
