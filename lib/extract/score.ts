/**
 * Scoring proposals against a reviewed dataset (the seed, or a fixture in the ingest file format): a
 * proposal matches a recorded claim when person and kind agree; of the matched, how many also have the
 * right company, date and destination. Used by `npm run bench:extract` and the tests.
 */
import { normalizeName } from "@/lib/domain/names";
import { contains, partialDate, type PartialDate } from "@/lib/domain/partial-date";
import { boundedByPublished, resolveRelativeDate } from "@/lib/domain/relative-date";
import { indexPeople, matchName } from "./known-names";
import type { KnownCompany, KnownPerson, Proposal } from "./types";

export interface GoldClaim {
  person: { name: string; aliases?: string[] };
  company: { name: string; aliases?: string[] };
  kind: string;
  date?: string;
  dateBasis?: string;
  datePhrase?: string;
  destination?: { name: string; aliases?: string[] };
}

export interface Score {
  gold: number;
  proposed: number;
  matched: number;
  /** proposed (person, kind) pairs that are in the dataset */
  correct: number;
  companyRight: number;
  dateRight: number;
  destinationRight: number;
  missed: string[];
  wrong: string[];
}

const kindOf = (k: string) => (k === "fired" ? "departed" : k);

/** The date a claim means, as the app reads it: stated, resolved against the publication, or bounded by it. */
export function claimDate(c: { date?: string; dateBasis?: string; datePhrase?: string }, published: PartialDate | null): PartialDate | null {
  try {
    if (c.dateBasis === "relative_to_published" && c.datePhrase) {
      const r = resolveRelativeDate(c.datePhrase, published);
      return r.ok ? r.date : null;
    }
    if (c.dateBasis === "bounded_by_published") return published ? boundedByPublished(published) : null;
    return c.date ? partialDate(c.date) : null;
  } catch {
    return null;
  }
}

/**
 * A proposed date is right when it is the recorded one or lies within it (5月 inside 今年), or when the
 * record has none and the proposal adds only "on or before publication".
 */
function dateAgrees(proposed: PartialDate | null, gold: PartialDate | null, published: PartialDate | null): boolean {
  if (!gold) return !proposed || (published !== null && proposed.text === boundedByPublished(published).text);
  if (!proposed) return false;
  return proposed.text === gold.text || contains(gold, proposed);
}

const keysOf = (e: { name: string; aliases?: string[] }) => new Set([e.name, ...(e.aliases ?? [])].map(normalizeName));

export function scoreArticle(proposals: Proposal[], gold: GoldClaim[], everyone: KnownPerson[], publishedAt: string | undefined): Score {
  const published = publishedAt ? partialDate(publishedAt) : null;
  const people = indexPeople(everyone);
  const who = (p: Proposal): string => {
    for (const n of [p.person.name, p.person.mention, ...p.person.aliases]) {
      const m = matchName(people, n);
      if (m) return normalizeName(m.entity.name);
    }
    return `?${normalizeName(p.person.name)}`;
  };
  const goldWho = (g: GoldClaim) => {
    const m = matchName(people, g.person.name);
    return m ? normalizeName(m.entity.name) : normalizeName(g.person.name);
  };
  const goldPairs = new Map<string, GoldClaim[]>();
  for (const g of gold) {
    const key = `${goldWho(g)}|${kindOf(g.kind)}`;
    goldPairs.set(key, [...(goldPairs.get(key) ?? []), g]);
  }
  const proposedPairs = new Map<string, Proposal[]>();
  for (const p of proposals) {
    const key = `${who(p)}|${p.kind}`;
    proposedPairs.set(key, [...(proposedPairs.get(key) ?? []), p]);
  }
  const score: Score = { ...emptyScore(), gold: goldPairs.size, proposed: proposedPairs.size };
  for (const [key, ps] of proposedPairs) {
    if (goldPairs.has(key)) score.correct++;
    else score.wrong.push(`${ps[0].person.name} ${ps[0].kind}`);
  }
  for (const [key, gs] of goldPairs) {
    const ps = proposedPairs.get(key);
    if (!ps) {
      score.missed.push(`${gs[0].person.name} ${gs[0].kind}`);
      continue;
    }
    score.matched++;
    const companyOk = (p: Proposal, g: GoldClaim) => [p.company.name, ...p.company.aliases].some((n) => keysOf(g.company).has(normalizeName(n)));
    const destOk = (p: Proposal, g: GoldClaim) =>
      !g.destination
        ? !p.destination
        : !!p.destination && [p.destination.name, ...p.destination.aliases].some((n) => keysOf(g.destination!).has(normalizeName(n)));
    const dateOk = (p: Proposal, g: GoldClaim) => dateAgrees(claimDate(p, published), claimDate(g, published), published);
    if (ps.some((p) => gs.some((g) => companyOk(p, g)))) score.companyRight++;
    if (ps.some((p) => gs.some((g) => dateOk(p, g)))) score.dateRight++;
    if (ps.some((p) => gs.some((g) => destOk(p, g)))) score.destinationRight++;
  }
  return score;
}

/** Every person and company of a dataset, merged by name, for matching and for "known names" contexts. */
export function knownFrom(claims: GoldClaim[]): { people: KnownPerson[]; companies: KnownCompany[] } {
  const people = new Map<string, KnownPerson>();
  const companies = new Map<string, KnownCompany>();
  const add = (map: Map<string, KnownPerson>, e: { name: string; aliases?: string[] }) => {
    const key = normalizeName(e.name);
    const had = map.get(key) ?? { name: e.name, aliases: [] };
    had.aliases = [...new Set([...had.aliases, ...(e.aliases ?? [])])];
    map.set(key, had);
  };
  for (const c of claims) {
    add(people, c.person);
    add(companies, c.company);
    if (c.destination) add(companies, c.destination);
  }
  return { people: [...people.values()], companies: [...companies.values()] };
}

/** A score with nothing counted yet (the start of a sum). */
export function emptyScore(): Score {
  return { gold: 0, proposed: 0, matched: 0, correct: 0, companyRight: 0, dateRight: 0, destinationRight: 0, missed: [], wrong: [] };
}
