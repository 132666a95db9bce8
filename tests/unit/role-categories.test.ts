/**
 * Role category and title agree: an event counts under the category its claims recorded and under every
 * category its title names, in the browse filter (SQL) exactly as in the domain function.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { countEvents, findEvents, intervalCounts } from "@/lib/data/find-events";
import { categoriesNamedBy, roleCategoriesOf } from "@/lib/domain/role-categories";
import { ROLE_CATEGORIES } from "@/lib/domain/vocabulary";
import { ingestClaim } from "@/lib/ingest/ingest-claim";
import { parseEventQuery, type EventQuery } from "@/lib/validation/event-filters";
import type { ClaimInputRaw } from "@/lib/validation/claim";
import { claimInput } from "../factories/claims";
import { useTestDb } from "../helpers/test-db";

const { db } = useTestDb();

describe("roleCategoriesOf", () => {
  it("keeps the recorded category and adds those the title names", () => {
    expect(roleCategoriesOf("safety_policy", "Researcher")).toEqual(["safety_policy", "research"]);
    expect(roleCategoriesOf("research", "Co-founder; head of the safety (alignment) team")).toEqual(["research", "safety_policy", "founder"]);
    expect(roleCategoriesOf("safety_policy", "Co-lead, Superalignment")).toEqual(["safety_policy"]);
    expect(roleCategoriesOf(null, "Staff Engineer")).toEqual(["engineering"]);
    expect(roleCategoriesOf("executive", null)).toEqual(["executive"]);
  });

  it("reads no category into short executive titles that other words contain", () => {
    expect(categoriesNamedBy("Director of AI")).toEqual([]);
    expect(categoriesNamedBy("CTO")).toEqual([]);
    expect(categoriesNamedBy("VP of People")).toEqual([]);
  });
});

const lab = { name: "Harbourline AI", aliases: [] };
const CLAIMS: Partial<ClaimInputRaw>[] = [
  { person: { name: "Wren Aldous", aliases: [] }, role: "Researcher", roleCategory: "safety_policy", team: "Superalignment", date: "2024-05" },
  { person: { name: "Yusuf Brandt", aliases: [] }, role: "Research Scientist", roleCategory: "research", date: "2024-04" },
  { person: { name: "Zora Calloway", aliases: [] }, role: "Co-lead, Superalignment", roleCategory: "safety_policy", date: "2024-05" },
  { person: { name: "Ines Dufresne", aliases: [] }, role: "Director of Engineering", roleCategory: "engineering", date: "2024-03" },
  { person: { name: "Odile Espinoza", aliases: [] }, role: "CTO", roleCategory: "executive", date: "2024-09" },
  { person: { name: "Piet Fairweather", aliases: [] }, role: "Head of Policy", roleCategory: "operations", date: "2023-11" },
];

let all: { id: number; role: string | null; roleCategory: string | null; person: { name: string } }[] = [];

beforeAll(async () => {
  for (const c of CLAIMS) await ingestClaim(db, claimInput({ ...c, company: lab, kind: "departed", excerpt: `${c.person!.name} left` }));
  all = await db.event.findMany({ select: { id: true, role: true, roleCategory: true, person: { select: { name: true } } } });
}, 60_000);

const query = (qs: string): EventQuery => {
  const r = parseEventQuery(new URLSearchParams(qs));
  if (!r.ok) throw new Error(JSON.stringify(r.fieldErrors));
  return r.query;
};
const people = async (qs: string) => (await findEvents(db, query(`${qs}&limit=200`))).events.map((e) => e.person.name).sort();

describe("the role filter", () => {
  it("lists a Researcher on the safety team under Research as well as Safety & policy", async () => {
    expect(await people("role=research")).toEqual(["Wren Aldous", "Yusuf Brandt"]);
    expect(await people("role=safety_policy")).toEqual(["Piet Fairweather", "Wren Aldous", "Zora Calloway"]);
    expect(await people("role=executive")).toEqual(["Odile Espinoza"]);
  });

  it("matches the domain function for every category, alone and combined", async () => {
    for (const role of ROLE_CATEGORIES) {
      const want = all
        .filter((e) => roleCategoriesOf(e.roleCategory, e.role).includes(role))
        .map((e) => e.person.name)
        .sort();
      expect(await people(`role=${role}`), role).toEqual(want);
      expect(await countEvents(db, query(`role=${role}`)), role).toBe(want.length);
    }
    expect(await people("role=research&role=engineering")).toEqual(["Ines Dufresne", "Wren Aldous", "Yusuf Brandt"]);
    expect(await people("role=research&title=scientist")).toEqual(["Yusuf Brandt"]);
  });

  it("charts count each matching event once, under the category it recorded", async () => {
    const rows = await intervalCounts(db, query("role=research"));
    const byCategory = Object.fromEntries(rows.map((r) => [r.category, 0]));
    for (const r of rows) byCategory[r.category ?? "none"] += r.n;
    expect(byCategory).toEqual({ research: 1, safety_policy: 1 });
  });
});
