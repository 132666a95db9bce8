// The pure parts of scripts/check-bundle.mjs: which files a page's first load fetches, by the build's
// own manifests, and what a table of their gzipped sizes says. No file system here, so tests can feed it
// manifests they write themselves.

export const KB = 1024;

/** @typedef {{ rootMainFiles?: string[] }} BuildManifest */
/** @typedef {{ entryJSFiles?: Record<string, string[]> }} ClientManifest */
/** @typedef {{ route: string, files: string[] }} PageFiles */
/** @typedef {{ route: string, sharedBytes: number, pageBytes: number, total: number, files: number, over: boolean }} PageRow */

/** App Router page entries ("/companies/[slug]/page") and their routes, from app-path-routes-manifest.json. */
/** @param {Record<string, string>} appPathRoutes @returns {{ entry: string, route: string }[]} */
export function pageEntries(appPathRoutes) {
  return Object.entries(appPathRoutes)
    .filter(([entry]) => entry.endsWith("/page"))
    .map(([entry, route]) => ({ entry, route }))
    .sort((a, b) => a.route.localeCompare(b.route));
}

/** @param {string} file */
const asBuildPath = (file) => file.replace(/^\/?_next\//, "").replace(/^\//, "");

/**
 * The JavaScript a page's first load fetches: the bootstrap every page runs (build-manifest.json
 * `rootMainFiles`: the Turbopack runtime, React DOM, the router) plus the chunks of every segment of the
 * page (the client reference manifest's `entryJSFiles`: root layout, not-found and error boundaries, the
 * page; each lists the chunks of the client components it imports). Polyfills are left out: they are
 * loaded with `nomodule`, which browsers that run modules skip. Chunks loaded only on demand
 * (`next/dynamic`, `import()`) are not in either list.
 */
/** @param {BuildManifest} buildManifest @param {ClientManifest | undefined} clientManifest @returns {string[]} */
export function firstLoadFiles(buildManifest, clientManifest) {
  const files = new Set((buildManifest.rootMainFiles ?? []).map(asBuildPath));
  for (const list of Object.values(clientManifest?.entryJSFiles ?? {})) for (const f of list) files.add(asBuildPath(f));
  return [...files].filter((f) => f.endsWith(".js")).sort();
}

/** Strings of server-only code: the Prisma client, the SQLite and PostgreSQL drivers, the server-only guard. */
const SERVER_MARKS = [
  /\bPrismaClient\b/,
  /@prisma\/client/,
  /better-sqlite3/,
  /pg-protocol/,
  /This module cannot be imported from a Client Component/,
];
/** @param {string} source */
export const containsServerCode = (source) => SERVER_MARKS.some((re) => re.test(source));

/** Strings found in zod's own code whatever the minifier does: property and class names it keeps. */
const ZOD_MARKS = [/\._zod\b/, /\$ZodType\b/, /\bZodError\b/, /\$ZodCheck\b/];
/** @param {string} source */
export const containsZod = (source) => ZOD_MARKS.some((re) => re.test(source));

/**
 * One row per page: the bytes of the shared bootstrap, of the page's own chunks and their sum, gzipped;
 * `over` when the sum passes the budget. `gz` maps a build path to its gzipped size.
 */
/**
 * @param {PageFiles[]} pages @param {BuildManifest} buildManifest @param {Map<string, number>} gz @param {number} budgetBytes
 * @returns {PageRow[]}
 */
export function measurePages(pages, buildManifest, gz, budgetBytes) {
  const shared = new Set((buildManifest.rootMainFiles ?? []).map(asBuildPath));
  return pages.map(({ route, files }) => {
    const sum = (/** @type {string[]} */ list) => list.reduce((s, f) => s + (gz.get(f) ?? 0), 0);
    const sharedBytes = sum(files.filter((f) => shared.has(f)));
    const pageBytes = sum(files.filter((f) => !shared.has(f)));
    const total = sharedBytes + pageBytes;
    return { route, sharedBytes, pageBytes, total, files: files.length, over: total > budgetBytes };
  });
}

const kb = (/** @type {number} */ bytes) => `${(bytes / KB).toFixed(1)} KB`;

/** The table printed after a build, one line per page, the heaviest first. */
/** @param {PageRow[]} rows @param {number} budgetBytes */
export function formatTable(rows, budgetBytes) {
  const head = ["page", "framework", "page's own", "first load", "budget"];
  const body = [...rows]
    .sort((a, b) => b.total - a.total || a.route.localeCompare(b.route))
    .map((r) => [r.route, kb(r.sharedBytes), kb(r.pageBytes), kb(r.total), r.over ? `OVER ${kb(budgetBytes)}` : "ok"]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (/** @type {string[]} */ cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}
