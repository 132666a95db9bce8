// npm run extract -- FILE [--lang ja|en|zh] [--published YYYY-MM-DD] [--title T] [--json]
// Reads an article (.txt, or .html reduced to its text) and prints the claims it proposes; with --json,
// as an ingest file (docs/ingest-format.md) to review and load with `npm run ingest`. Without --published
// a date line at the top of the text is used when there is one. With DATABASE_URL set, names are matched
// to the recorded people and companies; without it, every name is new.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parsePartialDate } from "@/lib/domain/partial-date";
import { dateLineAtTop } from "@/lib/extract/dates";
import { extractProposals, markRepeats } from "@/lib/extract/extract";
import { htmlToText } from "@/lib/extract/html";
import { toIngestFile } from "@/lib/extract/to-ingest-file";
import { EXTRACT_LANGUAGES, type ExtractContext, type ExtractLanguage } from "@/lib/extract/types";
import { parseIngestFile } from "@/lib/validation/ingest-file";

const USAGE = "usage: npm run extract -- FILE [--lang ja|en|zh] [--published YYYY-MM-DD] [--title T] [--json]";

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

interface Options {
  file: string;
  lang?: ExtractLanguage;
  published?: string;
  title?: string;
  json: boolean;
}

export function parseArgs(args: string[]): Options {
  const options: Partial<Options> = { json: false };
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined || v.startsWith("--")) fail(`${a} needs a value`);
      return v;
    };
    if (a === "--json") options.json = true;
    else if (a === "--lang") {
      const v = value();
      if (!(EXTRACT_LANGUAGES as readonly string[]).includes(v)) fail(`--lang must be one of ${EXTRACT_LANGUAGES.join(", ")}, not "${v}"`);
      options.lang = v as ExtractLanguage;
    } else if (a === "--published") {
      const v = value();
      const parsed = parsePartialDate(v);
      if (!parsed.ok) fail(`--published: ${parsed.error}`);
      options.published = parsed.date.text;
    } else if (a === "--title") options.title = value();
    else if (a.startsWith("-")) fail(`unknown option ${a}`);
    else files.push(a);
  }
  if (files.length !== 1) fail(files.length === 0 ? "give the article's file" : "give one file");
  return { ...options, file: files[0] } as Options;
}

async function knownNames(): Promise<Pick<ExtractContext, "people" | "companies" | "events">> {
  if (!process.env.DATABASE_URL) return { people: [], companies: [] };
  try {
    const { createDb } = await import("@/lib/db-factory");
    const { loadKnownNames } = await import("@/lib/data/extract-context");
    const db = createDb();
    const names = await loadKnownNames(db);
    await db.$disconnect();
    return names;
  } catch (error) {
    console.error(`(recorded names not read: ${(error as Error).message.split("\n")[0]}; every name is treated as new)`);
    return { people: [], companies: [] };
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  let raw: string;
  try {
    raw = readFileSync(options.file, "utf8");
  } catch (error) {
    fail(`cannot read ${options.file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const text = /\.html?$/i.test(options.file) ? htmlToText(raw) : raw;
  if (!text.trim()) fail(`${options.file} has no text`);
  const publishedAt = options.published ?? dateLineAtTop(text) ?? undefined;
  const title =
    options.title ??
    text
      .split(/\r?\n/)
      .find((l) => l.trim())!
      .trim()
      .slice(0, 200);
  const names = await knownNames();
  const result = extractProposals({ text, language: options.lang, publishedAt, title }, names);
  let proposals = result.proposals;
  if (process.env.DATABASE_URL && names.people.length) {
    const { createDb } = await import("@/lib/db-factory");
    const { recordedEventsFor } = await import("@/lib/data/extract-context");
    const db = createDb();
    proposals = markRepeats(proposals, await recordedEventsFor(db, proposals));
    await db.$disconnect();
  }

  if (options.json) {
    const file = toIngestFile(text, { title, publishedAt, language: result.language }, proposals);
    const checked = parseIngestFile(file);
    if (!checked.ok) {
      console.error("the proposals do not make a valid ingest file:", JSON.stringify(checked.errors, null, 2));
      process.exit(1);
    }
    console.log(JSON.stringify(file, null, 2));
    return;
  }
  console.log(`${path.basename(options.file)}: language ${result.language}, published ${publishedAt ?? "unknown"}, ${proposals.length} proposals`);
  for (const p of proposals) {
    const date =
      p.dateBasis === "stated"
        ? p.date
        : p.dateBasis === "relative_to_published"
          ? `"${p.datePhrase}" (relative to publication)`
          : p.dateBasis === "bounded_by_published"
            ? "on or before publication"
            : "no date";
    console.log(
      `\n• ${p.person.name}${p.person.known ? "" : " (new)"} — ${p.kind}${p.manner ? ` (${p.manner})` : ""} — ${p.company.name}${p.destination ? ` → ${p.destination.name}` : ""}${p.role ? ` — ${p.role}` : ""} — ${date} — confidence ${p.confidence}${p.repeats ? ` — already recorded as event ${p.repeats.eventId}` : ""}`,
    );
    console.log(`  “${p.excerpt}”`);
    if (p.context) console.log(`  context: “${p.context}”`);
    console.log(`  from: ${p.triggers.join(", ")}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
