// npm run check:bundle — after `next build`: the gzipped JavaScript of every page's first load, from the
// build's manifests (scripts/bundle/measure.mjs says which files), against a budget; and no client chunk
// may hold zod's code (the schemas and their messages stay on the server) or server code (Prisma, drivers). Prints a table; exits 1 when
// a page is over budget or zod is found. Honours NEXT_DIST_DIR like next.config.ts.
//   --budget-kb N   the first-load budget per page (default below, or BUNDLE_BUDGET_KB)
//   --json FILE     also write the results (one per page, plus the zod check) for scripts/run-tests.mjs
// See docs/decisions/0068-client-javascript-budget.md.
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import zlib from "node:zlib";
import { containsServerCode, containsZod, firstLoadFiles, formatTable, KB, measurePages, pageEntries } from "./bundle/measure.mjs";

const DEFAULT_BUDGET_KB = 150;

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const budgetKb = Number(flag("--budget-kb") ?? process.env.BUNDLE_BUDGET_KB ?? DEFAULT_BUDGET_KB);
const jsonOut = flag("--json");
const distDir = process.env.NEXT_DIST_DIR ?? ".next";

function fail(message) {
  console.error(`check:bundle: ${message}`);
  if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify({ results: [{ name: "bundle", ok: false, message }] }, null, 2));
  process.exit(1);
}

const readJson = (file) => {
  try {
    return JSON.parse(fs.readFileSync(path.join(distDir, file), "utf8"));
  } catch (error) {
    fail(`cannot read ${path.join(distDir, file)} (${error.message}): run \`next build\` first`);
  }
};

/** A route's client reference manifest is a script that assigns globalThis.__RSC_MANIFEST[entry]. */
function clientManifest(entry) {
  const file = path.join(distDir, "server", "app", `${entry.slice(1)}_client-reference-manifest.js`);
  if (!fs.existsSync(file)) fail(`no client reference manifest for ${entry} at ${file}`);
  const context = { globalThis: {} };
  context.globalThis = context;
  vm.runInNewContext(fs.readFileSync(file, "utf8"), context, { filename: file });
  const manifest = context.__RSC_MANIFEST?.[entry];
  if (!manifest?.entryJSFiles) fail(`${file} has no entryJSFiles for ${entry}: this Next version writes another shape`);
  return manifest;
}

const buildManifest = readJson("build-manifest.json");
if (!Array.isArray(buildManifest.rootMainFiles) || buildManifest.rootMainFiles.length === 0) fail("build-manifest.json lists no rootMainFiles");
const pages = pageEntries(readJson("app-path-routes-manifest.json")).map((p) => ({
  ...p,
  files: firstLoadFiles(buildManifest, clientManifest(p.entry)),
}));
if (pages.length === 0) fail("the build lists no pages");

const gz = new Map();
for (const f of new Set(pages.flatMap((p) => p.files))) {
  const file = path.join(distDir, f);
  if (!fs.existsSync(file)) fail(`${file} is listed by the manifests but missing`);
  gz.set(f, zlib.gzipSync(fs.readFileSync(file)).length);
}
const budget = budgetKb * KB;
const rows = measurePages(pages, buildManifest, gz, budget);

// every client chunk, loaded first or on demand
const chunkDir = path.join(distDir, "static", "chunks");
const chunks = fs
  .readdirSync(chunkDir, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith(".js"))
  .map((f) => ({ f, source: fs.readFileSync(path.join(chunkDir, f), "utf8") }));
const withZod = chunks.filter((c) => containsZod(c.source)).map((c) => c.f);
const withServer = chunks.filter((c) => containsServerCode(c.source)).map((c) => c.f);

console.log(
  `First-load JavaScript per page, gzipped as next start sends it (zlib default level), budget ${budgetKb} KB (KB = 1024 bytes), from ${distDir}:\n`,
);
console.log(formatTable(rows, budget));
console.log(withZod.length ? `\nzod's code is in client chunks: ${withZod.join(", ")}` : `\nno client chunk (of ${chunks.length}) holds zod's code`);
console.log(
  withServer.length ? `server code is in client chunks: ${withServer.join(", ")}` : `no client chunk holds server code (Prisma, database drivers)`,
);

const over = rows.filter((r) => r.over);
if (jsonOut) {
  const results = [
    ...rows.map((r) => ({ name: r.route, ok: !r.over, bytes: r.total, sharedBytes: r.sharedBytes, pageBytes: r.pageBytes })),
    { name: "no zod in client chunks", ok: withZod.length === 0, files: withZod },
    { name: "no server code in client chunks", ok: withServer.length === 0, files: withServer },
  ];
  fs.writeFileSync(jsonOut, JSON.stringify({ budgetBytes: budget, results }, null, 2));
}
if (over.length || withZod.length || withServer.length) {
  if (over.length)
    console.error(
      `\n${over.length} ${over.length === 1 ? "page is" : "pages are"} over the ${budgetKb} KB budget: ${over.map((r) => r.route).join(", ")}`,
    );
  process.exit(1);
}
