/**
 * `npm run extract` as a user runs it, the pluggable model extractor's excerpt check, and the quality
 * targets on the seed articles (precision and recall on person + kind, dates of the matched).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractProposals } from "@/lib/extract/extract";
import { modelExtractor } from "@/lib/extract/extractor";
import { knownFrom, scoreArticle, type GoldClaim } from "@/lib/extract/score";
import { parseIngestFile } from "@/lib/validation/ingest-file";

const cli = (...args: string[]) =>
  spawnSync("npx", ["tsx", "scripts/extract.ts", ...args], { encoding: "utf8", timeout: 60_000, env: { ...process.env, DATABASE_URL: "" } });
const articles = fs.readdirSync("prisma/seed/articles").map((f) => path.join("prisma/seed/articles", f));

describe("npm run extract", () => {
  it("prints each seed article's proposals as an ingest file whose excerpts are in the article", () => {
    for (const file of articles.slice(0, 2)) {
      const out = cli(file, "--json", "--published", "2024-08-06");
      expect(out.status, out.stderr).toBe(0);
      const json = JSON.parse(out.stdout);
      const parsed = parseIngestFile(json);
      expect(parsed.ok).toBe(true);
      const text = fs.readFileSync(file, "utf8");
      expect(json.sources[0]).toMatchObject({ language: "ja", publishedAt: "2024-08-06", text });
      expect(json.claims.length).toBeGreaterThan(5);
      for (const c of json.claims) expect(text).toContain(c.excerpt);
    }
  });

  it("reads the publication date from a date line at the top, and prints a readable list", () => {
    const out = cli("tests/fixtures/articles/en-northwind.txt");
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toContain("language en, published 2025-01-14");
    expect(out.stdout).toMatch(/Priya Raman \(new\) — departed \(resigned\) — Northwind AI — CTO — "last week"/);
  });

  it("refuses unknown flags, bad values and a missing file with a message and exit code 2", () => {
    for (const args of [["x.txt", "--bogus"], ["x.txt", "--lang", "fr"], ["x.txt", "--published", "someday"], [], ["no-such-file.txt"]]) {
      const out = cli(...args);
      expect(out.status).toBe(2);
      expect(out.stderr).toMatch(/usage: npm run extract/);
    }
  });
});

describe("a plugged-in model extractor", () => {
  it("keeps only proposals that quote the text exactly", async () => {
    const text = "Acme said Jo Park left Acme in May. Acme is hiring.";
    const model = modelExtractor("test-model", async () => [
      { person: { name: "Jo Park" }, company: { name: "Acme" }, kind: "departed", excerpt: "Acme said Jo Park left Acme in May." },
      { person: { name: "Jo Park" }, company: { name: "Acme" }, kind: "departed", excerpt: "Jo Park left Acme in May 2024." },
      { person: { name: "Jo Park" }, company: { name: "Acme" }, kind: "departed", excerpt: "Acme is hiring.", context: "not in the text" },
      { person: { name: "" }, company: { name: "Acme" }, kind: "departed", excerpt: "Acme is hiring." },
    ]);
    const result = await model.extract({ text }, { people: [], companies: [] });
    expect(result.proposals.map((p) => p.excerpt)).toEqual(["Acme said Jo Park left Acme in May."]);
    expect(result.proposals[0].start).toBe(0);
  });
});

describe("quality on the seed articles", () => {
  it("meets the targets: recall ≥ 80% and precision ≥ 70% on person + kind, dates right for ≥ 70% of matched", () => {
    const dir = "prisma/seed/data";
    const sets = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")));
    const everyone = knownFrom(sets.flatMap((s) => s.claims as GoldClaim[])).people;
    let gold = 0,
      proposed = 0,
      correct = 0,
      matched = 0,
      dates = 0;
    for (const s of sets) {
      const source = s.sources[0];
      const text = fs.readFileSync(path.resolve(dir, source.textFile), "utf8");
      // known names from the other articles only, as if this one were being entered for the first time
      const context = knownFrom(sets.filter((o) => o !== s).flatMap((o) => o.claims as GoldClaim[]));
      const r = extractProposals({ text, language: source.language, publishedAt: source.publishedAt }, context);
      const score = scoreArticle(r.proposals, s.claims, everyone, source.publishedAt);
      gold += score.gold;
      proposed += score.proposed;
      correct += score.correct;
      matched += score.matched;
      dates += score.dateRight;
    }
    expect(matched / gold).toBeGreaterThanOrEqual(0.8);
    expect(correct / proposed).toBeGreaterThanOrEqual(0.7);
    expect(dates / matched).toBeGreaterThanOrEqual(0.7);
  });
});
