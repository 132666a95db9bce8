// Checks prisma/seed/data/NNN.json against prisma/seed/articles/NNN_*.txt. A file named NNN-topic.json with
// no article of its own (e.g. 010-openai-leadership.json) may quote several articles: each claim is checked
// against the article that contains its source's title.
// Usage: node prisma/seed/data/check-excerpts.mjs   (no dependencies)
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const dataDir = dirname(fileURLToPath(import.meta.url));
const articlesDir = join(dataDir, "..", "articles");

const SOURCE_KINDS = ["article", "video_transcript", "post", "filing", "press_release"];
const CLAIM_KINDS = ["joined", "departed", "fired", "leave_started", "returned", "role_changed"];
const ROLE_CATEGORIES = ["executive", "research", "engineering", "product", "safety_policy", "operations", "board", "founder"];
const RELATIONS = ["joined", "founded"];
const COMPANY_KINDS = ["company", "lab", "nonprofit"];
const EVIDENCE = ["direct", "reported", "alleged", "contextual"];
const PART = String.raw`\d{4}(-Q[1-4]|-\d{2}(-\d{2})?)?`;
const DATE_RE = new RegExp(`^${PART}(/${PART})?$`);

const articles = readdirSync(articlesDir).filter((f) => f.endsWith(".txt"));
const dataFiles = readdirSync(dataDir).filter((f) => /^\d{3}(-[a-z0-9-]+)?\.json$/.test(f)).sort();

let failures = 0;
let warnings = 0;
const fail = (file, msg) => { failures++; console.log(`FAIL ${file}: ${msg}`); };
const warn = (file, msg) => { warnings++; console.log(`warn ${file}: ${msg}`); };

function checkDate(file, where, value) {
  if (value === undefined) return;
  if (typeof value !== "string" || !DATE_RE.test(value)) { fail(file, `${where}: bad date ${JSON.stringify(value)}`); return; }
  for (const part of value.split("/")) {
    const m = part.match(/^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/);
    if (m[2] && (+m[2] < 1 || +m[2] > 12)) fail(file, `${where}: bad month in ${value}`);
    if (m[3] && (+m[3] < 1 || +m[3] > 31)) fail(file, `${where}: bad day in ${value}`);
  }
}

for (const file of dataFiles) {
  const prefix = file.slice(0, 3);
  const ownArticle = articles.find((a) => a.startsWith(`${prefix}_`));
  if (!ownArticle && file === `${prefix}.json`) { fail(file, `no article ${prefix}_*.txt`); continue; }

  let doc;
  try { doc = JSON.parse(readFileSync(join(dataDir, file), "utf8")); }
  catch (e) { fail(file, `JSON does not parse: ${e.message}`); continue; }

  if (!Array.isArray(doc.sources) || !Array.isArray(doc.claims)) { fail(file, "sources/claims must be arrays"); continue; }
  const refs = new Set();
  const articleOf = new Map(); // source ref -> { articleName, text }
  for (const [i, s] of doc.sources.entries()) {
    const w = `sources[${i}]`;
    if (!s.ref) fail(file, `${w}: missing ref`);
    if (refs.has(s.ref)) fail(file, `${w}: duplicate ref ${s.ref}`);
    refs.add(s.ref);
    if (!s.title) fail(file, `${w}: missing title`);
    if (!s.language) fail(file, `${w}: missing language`);
    if (!SOURCE_KINDS.includes(s.kind)) fail(file, `${w}: bad kind ${s.kind}`);
    checkDate(file, `${w}.publishedAt`, s.publishedAt);
    const articleName = ownArticle ?? articles.find((a) => s.title && readFileSync(join(articlesDir, a), "utf8").includes(s.title));
    if (!articleName) { fail(file, `${w}: no article contains the title ${JSON.stringify(s.title)}`); continue; }
    const text = readFileSync(join(articlesDir, articleName), "utf8");
    articleOf.set(s.ref, { articleName, text });
    if (s.title && !text.includes(s.title)) warn(file, `${w}: title not found verbatim in article`);
  }

  for (const [i, c] of doc.claims.entries()) {
    const w = `claims[${i}] (${c.person?.name ?? "?"} ${c.kind ?? "?"})`;
    if (!refs.has(c.source)) fail(file, `${w}: unknown source ref ${c.source}`);
    const { articleName, text } = articleOf.get(c.source) ?? { articleName: "?", text: "" };
    if (typeof c.excerpt !== "string" || !c.excerpt.trim()) fail(file, `${w}: empty excerpt`);
    else {
      if (!text.includes(c.excerpt)) fail(file, `${w}: excerpt not verbatim in ${articleName}: ${c.excerpt.slice(0, 60)}…`);
      if ([...c.excerpt].length > 300) warn(file, `${w}: excerpt is ${[...c.excerpt].length} chars`);
    }
    if (!c.person?.name) fail(file, `${w}: missing person.name`);
    for (const a of c.person?.aliases ?? []) if (!text.includes(a)) fail(file, `${w}: person alias not in article: ${a}`);
    if (!c.company?.name) fail(file, `${w}: missing company.name`);
    if (c.company?.kind !== undefined && !COMPANY_KINDS.includes(c.company.kind)) fail(file, `${w}: bad company kind ${c.company.kind}`);
    for (const a of c.company?.aliases ?? []) if (!text.includes(a)) fail(file, `${w}: company alias not in article: ${a}`);
    if (!CLAIM_KINDS.includes(c.kind)) fail(file, `${w}: bad kind ${c.kind}`);
    if (c.roleCategory !== undefined && !ROLE_CATEGORIES.includes(c.roleCategory)) fail(file, `${w}: bad roleCategory ${c.roleCategory}`);
    checkDate(file, `${w}.date`, c.date);
    if (c.destination !== undefined) {
      if (!c.destination.name) fail(file, `${w}: destination without name`);
      if (!RELATIONS.includes(c.destination.relation)) fail(file, `${w}: bad destination relation ${c.destination.relation}`);
      for (const a of c.destination.aliases ?? []) if (!text.includes(a)) fail(file, `${w}: destination alias not in article: ${a}`);
    }
    if (c.reasonEvidence !== undefined && !EVIDENCE.includes(c.reasonEvidence)) fail(file, `${w}: bad reasonEvidence ${c.reasonEvidence}`);
    if (c.reasonEvidence !== undefined && !c.reason) fail(file, `${w}: reasonEvidence without reason`);
    if (c.reportsTo !== undefined && !c.reportsTo.name) fail(file, `${w}: reportsTo without name`);
  }
  console.log(`${file}: ${doc.claims.length} claims, ${doc.sources.length} source(s)`);
}

console.log(`\n${dataFiles.length} files, ${failures} failure(s), ${warnings} warning(s)`);
process.exit(failures ? 1 : 0);
