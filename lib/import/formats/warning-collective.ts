/**
 * The Warning Collective's public profile export: a JSON array of profiles of people who left AI labs.
 * Each profile is a citation claim by the tracker: its stated reason (or, in newer exports, its motive
 * quote) is the verbatim excerpt of the tracker's own profile, which cites each article it lists. Tags
 * (concernTags) and the profile's status are kept; dates at the precision the profile gives them.
 */
import { MANNERS, REASON_EVIDENCE, type Manner, type ReasonEvidence } from "@/lib/domain/vocabulary";
import type { FormatReader } from "@/lib/import/record";
import { datasetRecordSource, emptyDataset, isObject, isWebAddress, nameKey, readLooseDate, reject, str, uniqueKeys } from "./shared";

export const WARNING_COLLECTIVE = "The Warning Collective";

/** How the tracker words a departure type → the app's manner. Words not listed give no manner and a note. */
const MANNER_WORDS: Record<string, Manner> = {
  fired: "fired",
  dismissed: "fired",
  terminated: "fired",
  "let go": "fired",
  "laid off": "laid_off",
  layoff: "laid_off",
  layoffs: "laid_off",
  resigned: "resigned",
  resignation: "resigned",
  quit: "resigned",
  "left voluntarily": "resigned",
  retired: "retired",
  retirement: "retired",
  "removed by board": "removed_by_board",
  "removed by the board": "removed_by_board",
  "contract ended": "contract_ended",
  "end of contract": "contract_ended",
  died: "died",
  unknown: "unknown",
};

/** How the tracker words its evidence for a motive → reasonEvidence. */
const EVIDENCE_WORDS: Record<string, ReasonEvidence> = {
  direct: "direct",
  stated: "direct",
  "self-reported": "direct",
  "public statement": "direct",
  "first-hand": "direct",
  reported: "reported",
  "press reports": "reported",
  alleged: "alleged",
  inferred: "contextual",
  contextual: "contextual",
  speculative: "contextual",
};

const word = (v: string) => v.trim().toLowerCase().replace(/[_-]+/g, " ").replace(/\s+/g, " ");

function mannerOf(v: string): Manner | undefined {
  const w = word(v);
  if ((MANNERS as readonly string[]).includes(w.replace(/ /g, "_"))) return w.replace(/ /g, "_") as Manner;
  return MANNER_WORDS[w];
}

function evidenceOf(v: string): ReasonEvidence | undefined {
  const w = word(v);
  if ((REASON_EVIDENCE as readonly string[]).includes(w)) return w as ReasonEvidence;
  return EVIDENCE_WORDS[w] ?? EVIDENCE_WORDS[v.trim().toLowerCase()];
}

const tagsOf = (v: unknown): string[] =>
  (Array.isArray(v) ? v : typeof v === "string" ? v.split(",") : []).map((t) => str(t)).filter((t): t is string => Boolean(t));

export const readWarningCollective: FormatReader = (text) => {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new Error(`not a JSON file: ${(error as Error).message}`);
  }
  const profiles = Array.isArray(json) ? json : isObject(json) && Array.isArray(json.profiles) ? json.profiles : null;
  if (!profiles) throw new Error("a Warning Collective export is a JSON array of profiles ({ name, company, role, departureDate, … })");
  const out = emptyDataset("warning-collective");
  out.meta = { dataset: "warning-collective" };
  const key = uniqueKeys();

  profiles.forEach((p: unknown, index: number) => {
    const ref = { index };
    if (!isObject(p)) return void out.rejected.push(reject(ref, "profile", "A profile is an object with name, company, sources, …"));
    const name = str(p.name);
    const company = str(p.company);
    if (!name) return void out.rejected.push(reject(ref, "name", "The profile names no person"));
    if (!company) return void out.rejected.push(reject(ref, "company", "The profile names no company"));
    const statedReason = str(p.statedReason);
    const motiveQuote = str(p.motiveQuote);
    const excerpt = statedReason ?? motiveQuote;
    if (!excerpt)
      return void out.rejected.push(
        reject(ref, "statedReason", "The profile has no stated reason (nor a motive quote) to quote as the tracker's words"),
      );

    const sources = Array.isArray(p.sources) ? p.sources : [];
    const cites: { url: string; title?: string }[] = [];
    for (const [i, s] of sources.entries()) {
      const url = isObject(s) ? s.url : s;
      if (!isWebAddress(url))
        return void out.rejected.push(
          reject(ref, `sources.${i}.url`, `"${String(url ?? "")}" is not a web address starting with http:// or https://`),
        );
      const title = isObject(s) ? str(s.title) : undefined;
      cites.push(title ? { url, title } : { url });
    }

    const notes: string[] = [];
    const claim: Record<string, unknown> = {
      source: datasetRecordSource({ dataset: WARNING_COLLECTIVE, person: name, company, publisher: WARNING_COLLECTIVE, language: "en", cites }),
      excerpt,
      person: { name, aliases: [] },
      company: { name: company, aliases: [] },
      kind: "departed",
    };
    const role = str(p.role);
    if (role) claim.role = role;
    const date = str(p.departureDate);
    if (date) {
      const read = readLooseDate(date);
      if (!read.ok) return void out.rejected.push(reject(ref, "departureDate", read.error));
      claim.date = read.text;
      claim.dateBasis = "stated";
    }
    const type = str(p.departureType);
    if (type) {
      const manner = mannerOf(type);
      if (manner) claim.manner = manner;
      else notes.push(`The tracker's departure type "${type}" is not one of the app's manners.`);
    }
    const reason = motiveQuote ?? statedReason;
    if (reason && reason.length <= 2000) claim.reason = reason;
    const evidence = str(p.motiveEvidence);
    if (evidence) {
      const e = evidenceOf(evidence);
      if (e) claim.reasonEvidence = e;
      else notes.push(`The tracker's motive evidence "${evidence}" is not one of direct, reported, alleged, contextual.`);
    }
    const tags = tagsOf(p.concernTags);
    if (tags.length) claim.tags = tags;
    const status = str(p.status);
    if (status) claim.recordStatus = status;
    if (notes.length) claim.note = notes.join(" ");

    out.records.push({ ref, externalId: key(`wc:${nameKey(name)}|${nameKey(company)}`), claim });
  });
  return out;
};
