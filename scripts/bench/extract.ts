// npm run bench:extract: the article extractor over the five seed articles and the English and Chinese
// fixtures, scored against their reviewed claims (prisma/seed/data/*.json, tests/fixtures/articles/*.json):
// precision and recall on person + kind, then company, date and destination of the matched, per article
// and per language; and the time to read a 40,000-character article.
//
// Known names: each article is read with the people and companies recorded from the OTHER datasets only
// (as if its own claims were not yet entered), and once with no recorded names at all.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { extractProposals } from "@/lib/extract/extract";
import { emptyScore, knownFrom, scoreArticle, type GoldClaim, type Score } from "@/lib/extract/score";
import type { ExtractLanguage } from "@/lib/extract/types";

interface Dataset {
  name: string;
  text: string;
  language: ExtractLanguage;
  publishedAt?: string;
  title?: string;
  claims: GoldClaim[];
}

function load(dir: string): Dataset[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const file = JSON.parse(readFileSync(path.join(dir, f), "utf8"));
      const source = file.sources[0];
      const text = source.text ?? readFileSync(path.resolve(dir, source.textFile), "utf8");
      return {
        name: f.replace(/\.json$/, ""),
        text,
        language: source.language,
        publishedAt: source.publishedAt,
        title: source.title,
        claims: file.claims,
      };
    });
}

const root = path.resolve(import.meta.dirname, "../..");
const seed = load(path.join(root, "prisma/seed/data"));
const fixtures = load(path.join(root, "tests/fixtures/articles"));
const all = [...seed, ...fixtures];
const everyone = knownFrom(all.flatMap((d) => d.claims));

const pct = (a: number, b: number) => (b === 0 ? "  —  " : `${((100 * a) / b).toFixed(0).padStart(3)}%`);
const add = (a: Score, b: Score): Score => ({
  gold: a.gold + b.gold,
  proposed: a.proposed + b.proposed,
  matched: a.matched + b.matched,
  correct: a.correct + b.correct,
  companyRight: a.companyRight + b.companyRight,
  dateRight: a.dateRight + b.dateRight,
  destinationRight: a.destinationRight + b.destinationRight,
  missed: [...a.missed, ...b.missed],
  wrong: [...a.wrong, ...b.wrong],
});
const zero = emptyScore;
const row = (label: string, s: Score) =>
  `${label.padEnd(28)} ${String(s.gold).padStart(4)} ${String(s.proposed).padStart(5)}  ${pct(s.correct, s.proposed)}     ${pct(s.matched, s.gold)}  ${pct(s.companyRight, s.matched)}  ${pct(s.dateRight, s.matched)}  ${pct(s.destinationRight, s.matched)}`;

const verbose = process.argv.includes("--verbose");
for (const mode of ["known names from the other datasets", "no recorded names"] as const) {
  console.log(`\nExtractor vs reviewed claims (${mode}); pairs = distinct (person, kind) per article`);
  console.log(`${"article".padEnd(28)} gold  prop  precision  recall  company  date  destination`);
  const byLanguage = new Map<string, Score>();
  let seedTotal = zero();
  for (const d of all) {
    const context = mode === "no recorded names" ? { people: [], companies: [] } : knownFrom(all.filter((o) => o !== d).flatMap((o) => o.claims));
    const result = extractProposals({ text: d.text, language: d.language, publishedAt: d.publishedAt, title: d.title }, context);
    const bad = result.proposals.filter((p) => !d.text.includes(p.excerpt) || (p.context !== undefined && !d.text.includes(p.context)));
    if (bad.length) throw new Error(`${d.name}: ${bad.length} excerpts are not substrings of the text`);
    const s = scoreArticle(result.proposals, d.claims, everyone.people, d.publishedAt);
    const isSeed = seed.includes(d);
    console.log(row(`${isSeed ? "seed" : "fixture"} ${d.name} (${d.language})`, s));
    if (verbose) console.log(`    missed: ${s.missed.join(", ")}\n    not in dataset: ${s.wrong.join(", ")}`);
    const lang = `${isSeed ? "seed" : "fixtures"} ${d.language}`;
    byLanguage.set(lang, add(byLanguage.get(lang) ?? zero(), s));
    if (isSeed) seedTotal = add(seedTotal, s);
  }
  for (const [lang, s] of byLanguage) console.log(row(`all ${lang}`, s));
  console.log(row("SEED TOTAL", seedTotal));
}

// Speed: 40,000 characters of the longest seed article (Japanese, repeated to length) and of the English fixture.
const to40k = (d: Dataset): Dataset => ({ ...d, text: d.text.repeat(Math.ceil(40_000 / d.text.length)).slice(0, 40_000) });
const longest = [...seed].sort((a, b) => b.text.length - a.text.length)[0];
const english = fixtures.find((d) => d.language === "en");
const context = knownFrom(all.flatMap((d) => d.claims));
for (const [label, d] of [[`seed ${longest.name}`, longest], ...(english ? [[`fixture ${english.name}`, english]] : [])] as [string, Dataset][]) {
  const long = to40k(d);
  extractProposals({ text: long.text, language: long.language, publishedAt: long.publishedAt }, context);
  const runs = 5;
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) extractProposals({ text: long.text, language: long.language, publishedAt: long.publishedAt }, context);
  const ms = (performance.now() - t0) / runs;
  console.log(
    `${Math.round(ms) < 1000 ? "" : "TOO SLOW: "}speed: ${label} repeated to ${long.text.length} characters: ${ms.toFixed(0)} ms per run (mean of ${runs}, every recorded name known)`,
  );
}
