import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseIngestFile } from "@/lib/validation/ingest-file";

const SEED = path.resolve(import.meta.dirname, "../../prisma/seed");
const articles = fs
  .readdirSync(path.join(SEED, "articles"))
  .map((f) => ({ file: f, text: fs.readFileSync(path.join(SEED, "articles", f), "utf8") }));
const dataFiles = fs.readdirSync(path.join(SEED, "data")).filter((f) => f.endsWith(".json")).sort();

describe("seed dataset", () => {
  it.each(dataFiles)("%s is valid for the ingest schema, and every excerpt is verbatim in its article", (file) => {
    const json = JSON.parse(fs.readFileSync(path.join(SEED, "data", file), "utf8"));
    const parsed = parseIngestFile(json);
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    if (!parsed.ok) return;
    const notVerbatim = parsed.claims.filter((c) => {
      const source = c.source as { title: string };
      // a source is the article that contains its title (title of 004 is its first highlight)
      const own = articles.filter((a) => a.text.includes(source.title));
      expect(own.length, `article for source "${source.title}"`).toBeGreaterThan(0);
      return !own.some((a) => a.text.includes(c.excerpt));
    });
    expect(notVerbatim.map((c) => c.excerpt)).toEqual([]);
  });

  it("covers the movements the articles state: well over 30 claims", () => {
    const total = dataFiles.reduce((n, f) => n + JSON.parse(fs.readFileSync(path.join(SEED, "data", f), "utf8")).claims.length, 0);
    expect(total).toBeGreaterThan(30);
  });
});
