/**
 * Shared by the claim form specs: unique fictional names (never the seeded people or companies, so other
 * suites' read-only assertions stay true), filling the form as a user does, and counting what is stored.
 */
import type { APIRequestContext, Page } from "@playwright/test";
import { all, count, one } from "./e2e-db";

export { all, count, one } from "./e2e-db";

export interface StoredClaim {
  id: number;
  eventId: number;
  excerpt: string;
  editor: string | null;
  state: string;
  stateReason: string | null;
  role: string | null;
  sourceUrl: string | null;
}
export interface StoredEvent {
  id: number;
  kind: string;
  status: string;
  dateText: string | null;
  role: string | null;
  claimCount: number;
  sourceCount: number;
  personName: string;
}

const EVENT_SQL = `SELECT e.id, e.kind, e.status, e."dateText", e.role, e."claimCount", e."sourceCount", p.name AS "personName"
  FROM "Event" e JOIN "Person" p ON p.id = e."personId"`;
const CLAIM_SQL = `SELECT c.id, c."eventId", c.excerpt, c.editor, c.state, c."stateReason", c.role, s.url AS "sourceUrl"
  FROM "Claim" c JOIN "Source" s ON s.id = c."sourceId"`;

export const claimWhereExcerpt = (excerpt: string) => one<StoredClaim>(`${CLAIM_SQL} WHERE c.excerpt = ?`, excerpt);
export const claimById = (id: number) => one<StoredClaim>(`${CLAIM_SQL} WHERE c.id = ?`, id);
export const claimsOfEvent = (eventId: number) => all<StoredClaim>(`${CLAIM_SQL} WHERE c."eventId" = ? ORDER BY c.id`, eventId);
export const eventById = (id: number) => one<StoredEvent>(`${EVENT_SQL} WHERE e.id = ?`, id);
export const eventsOfPerson = (name: string) => all<StoredEvent>(`${EVENT_SQL} WHERE p.name = ? ORDER BY e.id`, name);

/** A suffix that makes every name in one test unique across runs and suites. */
export const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export interface ClaimFields {
  person: string;
  company: string;
  kind?: string;
  role?: string;
  /** [precision, parts] with parts by field name: { year, month, day, quarter, from, to } */
  date?: {
    precision: "day" | "month" | "quarter" | "year" | "range";
    year?: string;
    month?: string;
    day?: string;
    quarter?: string;
    from?: string;
    to?: string;
  };
  sourceUrl?: string;
  sourceTitle: string;
  publisher?: string;
  language?: string;
  excerpt: string;
  translation?: string;
}

/** Fill the form through its labels, as a user would (with the mouse and keyboard). */
export async function fillClaimForm(page: Page, f: ClaimFields) {
  await page.getByRole("combobox", { name: /^Person/ }).fill(f.person);
  await page.getByRole("combobox", { name: /^Company left/ }).fill(f.company);
  await page.getByRole("combobox", { name: /^What happened/ }).selectOption(f.kind ?? "departed");
  if (f.role) await page.getByRole("textbox", { name: /^Role or title/ }).fill(f.role);
  if (f.date) {
    const when = page.getByRole("group", { name: "When" });
    await when
      .getByRole("radio", {
        name: { day: "Day", month: "Month", quarter: "Quarter", year: "Year", range: "Between two dates" }[f.date.precision],
        exact: true,
      })
      .check();
    if (f.date.year) await when.getByRole("textbox", { name: "Year", exact: true }).fill(f.date.year);
    if (f.date.quarter) await when.getByRole("combobox", { name: "Quarter", exact: true }).selectOption(f.date.quarter);
    if (f.date.month) await when.getByRole("combobox", { name: "Month", exact: true }).selectOption(f.date.month);
    if (f.date.day) await when.getByRole("textbox", { name: "Day", exact: true }).fill(f.date.day);
    if (f.date.from) await when.getByRole("textbox", { name: "From", exact: true }).fill(f.date.from);
    if (f.date.to) await when.getByRole("textbox", { name: "To", exact: true }).fill(f.date.to);
  }
  const source = page.getByRole("group", { name: "Source" });
  if (f.sourceUrl) await source.getByRole("textbox", { name: /^Web address/ }).fill(f.sourceUrl);
  await source.getByRole("textbox", { name: /^Title/ }).fill(f.sourceTitle);
  if (f.publisher) await source.getByRole("textbox", { name: /^Publisher/ }).fill(f.publisher);
  await source.getByRole("combobox", { name: /^Language of the excerpt/ }).fill(f.language ?? "en");
  await page.getByRole("textbox", { name: /^Excerpt, verbatim/ }).fill(f.excerpt);
  if (f.translation) await page.getByRole("textbox", { name: /^English translation/ }).fill(f.translation);
}

/** Rows a submission could create: compared before and after to prove nothing was stored. */
export async function storedCounts() {
  const tables = ["Person", "Company", "Event", "Claim", "Source", "Change"] as const;
  const [people, companies, events, claims, sources, changes] = await Promise.all(tables.map((t) => count(`"${t}"`)));
  return { people, companies, events, claims, sources, changes };
}

/** POST /api/claims with a fictional claim; returns the parsed body. */
export async function postClaim(request: APIRequestContext, body: Record<string, unknown>) {
  const res = await request.post("/api/claims", { data: body });
  return { status: res.status(), body: await res.json() };
}

export const claimPayload = (sfx: string, overrides: Record<string, unknown> = {}) => ({
  source: { title: `Report ${sfx}`, url: `https://news.example/${sfx}`, publisher: `Example ${sfx}`, language: "en", kind: "article" },
  excerpt: `Ysolde${sfx} Varnell${sfx} has left Brightwater${sfx}.`,
  person: { name: `Ysolde${sfx} Varnell${sfx}`, aliases: [] },
  company: { name: `Brightwater${sfx} Labs`, aliases: [] },
  kind: "departed",
  date: "2023-04",
  editor: "e2e api",
  ...overrides,
});
