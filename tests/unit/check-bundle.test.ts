/** The bundle check's measurement: which files a page's first load fetches, and what counts as over budget or as zod. */
import { describe, expect, it } from "vitest";
import { containsServerCode, containsZod, firstLoadFiles, formatTable, KB, measurePages, pageEntries } from "@/scripts/bundle/measure.mjs";

const build = { rootMainFiles: ["static/chunks/runtime.js", "static/chunks/react-dom.js"], polyfillFiles: ["static/chunks/polyfills.js"] };

describe("firstLoadFiles", () => {
  it("is the shared bootstrap plus every segment's chunks, once each, without polyfills or CSS", () => {
    const client = {
      entryJSFiles: {
        "[project]/app/layout": ["static/chunks/layout.js"],
        "[project]/app/page": ["static/chunks/layout.js", "/_next/static/chunks/form.js", "static/chunks/page.css"],
      },
    };
    expect(firstLoadFiles(build, client)).toEqual([
      "static/chunks/form.js",
      "static/chunks/layout.js",
      "static/chunks/react-dom.js",
      "static/chunks/runtime.js",
    ]);
  });

  it("is the bootstrap alone for a page with no client components", () => {
    expect(firstLoadFiles(build, { entryJSFiles: {} })).toEqual(["static/chunks/react-dom.js", "static/chunks/runtime.js"]);
  });
});

describe("pageEntries", () => {
  it("keeps pages and leaves out route handlers", () => {
    expect(
      pageEntries({ "/page": "/", "/api/events/route": "/api/events", "/people/[slug]/page": "/people/[slug]", "/feed.xml/route": "/feed.xml" }),
    ).toEqual([
      { entry: "/page", route: "/" },
      { entry: "/people/[slug]/page", route: "/people/[slug]" },
    ]);
  });
});

describe("measurePages", () => {
  const gz = new Map([
    ["static/chunks/runtime.js", 10 * KB],
    ["static/chunks/react-dom.js", 90 * KB],
    ["static/chunks/table.js", 25 * KB],
    ["static/chunks/form.js", 5 * KB],
  ]);
  const pages = [
    { route: "/", files: ["static/chunks/runtime.js", "static/chunks/react-dom.js", "static/chunks/table.js"] },
    { route: "/people/[slug]", files: ["static/chunks/runtime.js", "static/chunks/react-dom.js", "static/chunks/form.js"] },
  ];

  it("splits the shared bootstrap from the page's own chunks and flags a page over budget", () => {
    const rows = measurePages(pages, build, gz, 120 * KB);
    expect(rows.map((r) => [r.route, r.sharedBytes / KB, r.pageBytes / KB, r.total / KB, r.over])).toEqual([
      ["/", 100, 25, 125, true],
      ["/people/[slug]", 100, 5, 105, false],
    ]);
  });

  it("counts a page exactly at the budget as within it", () => {
    expect(measurePages(pages, build, gz, 125 * KB)[0].over).toBe(false);
  });

  it("prints the heaviest page first and says which are over", () => {
    const table = formatTable(measurePages(pages, build, gz, 120 * KB), 120 * KB).split("\n");
    expect(table[0]).toMatch(/^page\s+framework\s+page's own\s+first load\s+budget$/);
    expect(table[2]).toMatch(/^\/\s+100\.0 KB\s+25\.0 KB\s+125\.0 KB\s+OVER 120\.0 KB$/);
    expect(table[3]).toMatch(/^\/people\/\[slug\]\s+100\.0 KB\s+5\.0 KB\s+105\.0 KB\s+ok$/);
  });
});

describe("containsZod", () => {
  it("recognises zod 4's code as the minifier leaves it", async () => {
    const { z } = await import("zod");
    // the library's own source text, as a bundler would include it
    expect(containsZod(z.string().constructor.toString() + String(z.object))).toBe(true);
    expect(containsZod("let t=e.i(1);t._zod.def.checks.push(n)")).toBe(true);
  });

  it("does not flag code that only mentions the word", () => {
    expect(containsZod('const label = "zodiac"; fetch("/api/zod")')).toBe(false);
  });
});

describe("containsServerCode", () => {
  it("recognises the Prisma client and the server-only guard, not the words in prose", () => {
    expect(containsServerCode("class PrismaClient{constructor(e){}}")).toBe(true);
    expect(containsServerCode('throw Error("This module cannot be imported from a Client Component module.")')).toBe(true);
    expect(containsServerCode('const hint = "the prisma of a question"')).toBe(false);
  });
});
