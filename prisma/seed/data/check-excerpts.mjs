// Checks prisma/seed/data/*.json against the articles in prisma/seed/articles/ without a database: every
// source's `textFile` must be an article, and every excerpt and context excerpt of its claims must be an
// exact substring of that article (the ingest rejects anything else); aliases must be spelled as the article
// spells them; vocabularies and date forms as in docs/ingest-format.md. A source without `textFile` is
// matched to the article that contains its title.
// Usage: node prisma/seed/data/check-excerpts.mjs   (no dependencies)
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const dataDir = dirname(fileURLToPath(import.meta.url));
const articlesDir = resolve(dataDir, "..", "articles");

const SOURCE_KINDS = ["article", "video_transcript", "post", "filing", "press_release"];
const CLAIM_KINDS = ["joined", "departed", "fired", "leave_started", "returned", "role_changed"];
const MANNERS = ["resigned", "fired", "removed_by_board", "laid_off", "retired", "contract_ended", "died", "unknown"];
const DATE_BASES = ["stated", "relative_to_published", "bounded_by_published"];
const ROLE_CATEGORIES = ["executive", "research", "engineering", "product", "safety_policy", "operations", "board", "founder"];
const RELATIONS = ["joined", "founded"];
const COMPANY_KINDS = ["company", "lab", "nonprofit", "government", "university", "other"];
const EVIDENCE = ["direct", "reported", "alleged", "contextual"];
const PART = String.raw`\d{4}(-Q[1-4]|-\d{2}(-\d{2})?)?`;
const DATE_RE = new RegExp(`^(${PART}|\\.\\./${PART}|${PART}/${PART})$`);

const articles = readdirSync(articlesDir).filter((f) => f.endsWith(".txt"));
const dataFiles = readdirSync(dataDir)
  .filter((f) => /^\d{3}(-[a-z0-9-]+)?\.json$/.test(f))
  .sort();

let failures = 0;
let warnings = 0;
const fail = (file, msg) => {
  failures++;
  console.log(`FAIL ${file}: ${msg}`);
};
const warn = (file, msg) => {
  warnings++;
  console.log(`warn ${file}: ${msg}`);
};

function checkDate(file, where, value) {
  if (value === undefined) return;
  if (typeof value !== "string" || !DATE_RE.test(value)) {
    fail(file, `${where}: bad date ${JSON.stringify(value)}`);
    return;
  }
  for (const part of value.split("/").filter((p) => p !== "..")) {
    const m = part.match(/^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/);
    if (m[2] && (+m[2] < 1 || +m[2] > 12)) fail(file, `${where}: bad month in ${value}`);
    if (m[3] && (+m[3] < 1 || +m[3] > 31)) fail(file, `${where}: bad day in ${value}`);
  }
}

function checkCompany(file, where, ref, text) {
  if (ref.kind !== undefined && !COMPANY_KINDS.includes(ref.kind)) fail(file, `${where}: bad company kind ${ref.kind}`);
  checkDate(file, `${where}.foundedAt`, ref.foundedAt);
  for (const a of ref.aliases ?? []) if (!text.includes(a)) fail(file, `${where}: alias not in article: ${a}`);
}

for (const file of dataFiles) {
  let doc;
  try {
    doc = JSON.parse(readFileSync(join(dataDir, file), "utf8"));
  } catch (e) {
    fail(file, `JSON does not parse: ${e.message}`);
    continue;
  }

  if (!Array.isArray(doc.sources) || !Array.isArray(doc.claims)) {
    fail(file, "sources/claims must be arrays");
    continue;
  }
  const refs = new Set();
  const articleOf = new Map(); // source ref -> { articleName, text, publishedAt }
  for (const [i, s] of doc.sources.entries()) {
    const w = `sources[${i}]`;
    if (!s.ref) fail(file, `${w}: missing ref`);
    if (refs.has(s.ref)) fail(file, `${w}: duplicate ref ${s.ref}`);
    refs.add(s.ref);
    if (!s.title) fail(file, `${w}: missing title`);
    if (!s.language) fail(file, `${w}: missing language`);
    if (!SOURCE_KINDS.includes(s.kind)) fail(file, `${w}: bad kind ${s.kind}`);
    checkDate(file, `${w}.publishedAt`, s.publishedAt);
    if (s.url !== undefined) warn(file, `${w}: has a url; the seed articles give none`);
    let articleName;
    if (s.textFile !== undefined) {
      const path = resolve(dataDir, s.textFile);
      if (dirname(path) !== articlesDir || !existsSync(path)) {
        fail(file, `${w}: textFile ${s.textFile} is not an article in ../articles`);
        continue;
      }
      articleName = basename(path);
    } else {
      warn(file, `${w}: no textFile, so its excerpts are not checked by the ingest`);
      articleName = articles.find((a) => s.title && readFileSync(join(articlesDir, a), "utf8").includes(s.title));
    }
    if (!articleName) {
      fail(file, `${w}: no article contains the title ${JSON.stringify(s.title)}`);
      continue;
    }
    const text = readFileSync(join(articlesDir, articleName), "utf8");
    articleOf.set(s.ref, { articleName, text, publishedAt: s.publishedAt });
    if (s.title && !text.includes(s.title)) warn(file, `${w}: title not found verbatim in ${articleName}`);
  }

  for (const [i, c] of doc.claims.entries()) {
    const w = `claims[${i}] (${c.person?.name ?? "?"} ${c.kind ?? "?"})`;
    if (!refs.has(c.source)) fail(file, `${w}: unknown source ref ${c.source}`);
    const { articleName, text, publishedAt } = articleOf.get(c.source) ?? { articleName: "?", text: "" };
    for (const field of ["excerpt", "context"]) {
      const value = c[field];
      if (value === undefined && field === "context") continue;
      if (typeof value !== "string" || !value.trim()) fail(file, `${w}: empty ${field}`);
      else {
        if (!text.includes(value)) fail(file, `${w}: ${field} not verbatim in ${articleName}: ${value.slice(0, 60)}…`);
        if ([...value].length > 300) warn(file, `${w}: ${field} is ${[...value].length} chars`);
      }
    }
    if (c.context !== undefined && c.context === c.excerpt) warn(file, `${w}: context repeats the excerpt`);
    if (c.contextTranslation !== undefined && c.context === undefined) fail(file, `${w}: contextTranslation without context`);
    if (!c.person?.name) fail(file, `${w}: missing person.name`);
    for (const a of c.person?.aliases ?? []) if (!text.includes(a)) fail(file, `${w}: person alias not in article: ${a}`);
    if (!c.company?.name) fail(file, `${w}: missing company.name`);
    else checkCompany(file, `${w}.company`, c.company, text);
    if (!CLAIM_KINDS.includes(c.kind)) fail(file, `${w}: bad kind ${c.kind}`);
    if (c.manner !== undefined) {
      if (!MANNERS.includes(c.manner)) fail(file, `${w}: bad manner ${c.manner}`);
      if (c.kind !== "departed") fail(file, `${w}: manner on a ${c.kind} claim (only departures have one; "fired" is a manner)`);
    }
    if (c.kind === "fired") warn(file, `${w}: use kind departed with manner fired`);
    if (c.roleCategory !== undefined && !ROLE_CATEGORIES.includes(c.roleCategory)) fail(file, `${w}: bad roleCategory ${c.roleCategory}`);
    checkDate(file, `${w}.date`, c.date);
    if (c.dateBasis !== undefined && !DATE_BASES.includes(c.dateBasis)) fail(file, `${w}: bad dateBasis ${c.dateBasis}`);
    const basis = c.dateBasis ?? (c.datePhrase ? "relative_to_published" : c.date ? "stated" : undefined);
    if (basis === "stated" && !c.date) fail(file, `${w}: a stated date needs a date`);
    if (basis === "relative_to_published") {
      if (!c.datePhrase) fail(file, `${w}: a relative date needs the datePhrase it is read from`);
      else if (!text.includes(c.datePhrase)) fail(file, `${w}: datePhrase ${c.datePhrase} is not in ${articleName}`);
      else if (!c.excerpt?.includes(c.datePhrase) && !c.context?.includes(c.datePhrase))
        fail(file, `${w}: datePhrase ${c.datePhrase} is neither in the excerpt nor in the context`);
    }
    if ((basis === "relative_to_published" || basis === "bounded_by_published") && !publishedAt)
      fail(file, `${w}: ${basis} needs the source's publishedAt`);
    if (c.datePhrase !== undefined && basis !== "relative_to_published") fail(file, `${w}: datePhrase without relative_to_published`);
    if (c.destination !== undefined) {
      if (!c.destination.name) fail(file, `${w}: destination without name`);
      if (!RELATIONS.includes(c.destination.relation)) fail(file, `${w}: bad destination relation ${c.destination.relation}`);
      checkCompany(file, `${w}.destination`, c.destination, text);
    }
    if (c.reasonEvidence !== undefined && !EVIDENCE.includes(c.reasonEvidence)) fail(file, `${w}: bad reasonEvidence ${c.reasonEvidence}`);
    if (c.reasonEvidence !== undefined && !c.reason) fail(file, `${w}: reasonEvidence without reason`);
    if (c.reportsTo !== undefined && !c.reportsTo.name) fail(file, `${w}: reportsTo without name`);
  }
  console.log(`${file}: ${doc.claims.length} claims, ${doc.sources.length} source(s)`);
}

console.log(`\n${dataFiles.length} files, ${failures} failure(s), ${warnings} warning(s)`);
process.exit(failures ? 1 : 0);
