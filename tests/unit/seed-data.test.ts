/**
 * The seed dataset against its articles, without a database: every data file reads as the ingest reads it
 * (textFile becomes the source's text), every source's text is one of the articles, and every excerpt and
 * context excerpt is verbatim in it. tests/unit/seed-model.test.ts loads the same files into a database.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readIngestFile } from "@/lib/ingest/ingest-file";

const SEED = path.resolve(import.meta.dirname, "../../prisma/seed");
const articles = fs.readdirSync(path.join(SEED, "articles")).map((f) => ({ file: f, text: fs.readFileSync(path.join(SEED, "articles", f), "utf8") }));
const dataFiles = fs
  .readdirSync(path.join(SEED, "data"))
  .filter((f) => f.endsWith(".json"))
  .sort();

type Source = { title: string; text?: string; publishedAt?: string };

describe("seed dataset", () => {
  it.each(dataFiles)("%s is valid for the ingest, and every excerpt and context is verbatim in its article", (file) => {
    const parsed = readIngestFile(path.join(SEED, "data", file));
    expect(parsed.ok ? {} : parsed.errors).toEqual({});
    if (!parsed.ok) return;
    const problems: string[] = [];
    for (const c of parsed.claims) {
      const source = c.source as Source;
      // the stored text is the article file itself, and the title is in the original language, as the article has it
      const own = articles.find((a) => a.text === source.text);
      if (!own) {
        problems.push(`${source.title}: text is not one of the articles`);
        continue;
      }
      if (!own.text.includes(source.title)) problems.push(`${own.file}: title not in the article`);
      if (!own.text.includes(c.excerpt)) problems.push(`${own.file}: excerpt not verbatim: ${c.excerpt}`);
      if (c.context !== undefined && !own.text.includes(c.context)) problems.push(`${own.file}: context not verbatim: ${c.context}`);
      if (c.datePhrase && !c.excerpt.includes(c.datePhrase) && !c.context?.includes(c.datePhrase))
        problems.push(`${own.file}: date phrase ${c.datePhrase} is in neither the excerpt nor the context: ${c.excerpt}`);
      for (const alias of [...c.person.aliases, ...c.company.aliases, ...(c.destination?.aliases ?? [])])
        if (!own.text.includes(alias)) problems.push(`${own.file}: alias ${alias} is not spelled as the article spells it`);
    }
    expect(problems).toEqual([]);
  });

  it("every article is a source with its full text, and the seed uses no form the v2 model replaced", () => {
    const texts = new Set<string>();
    for (const file of dataFiles) {
      const raw = JSON.parse(fs.readFileSync(path.join(SEED, "data", file), "utf8")) as {
        sources: { textFile?: string; url?: string }[];
        claims: { kind: string }[];
      };
      for (const s of raw.sources) {
        expect(s.textFile, `${file}: every seed source stores its article`).toMatch(/^\.\.\/articles\/.+\.txt$/);
        expect(s.url, `${file}: the articles give no URL`).toBeUndefined();
      }
      // "fired" is a manner now: the seed says departed + manner, never the shorthand
      expect(raw.claims.filter((c) => c.kind === "fired")).toEqual([]);
      const parsed = readIngestFile(path.join(SEED, "data", file));
      if (parsed.ok) for (const c of parsed.claims) texts.add((c.source as Source).text!);
    }
    expect(articles.filter((a) => !texts.has(a.text)).map((a) => a.file)).toEqual([]);
  });

  it("covers the movements the articles state: well over 30 claims", () => {
    const total = dataFiles.reduce((n, f) => n + JSON.parse(fs.readFileSync(path.join(SEED, "data", f), "utf8")).claims.length, 0);
    expect(total).toBeGreaterThan(30);
  });
});
