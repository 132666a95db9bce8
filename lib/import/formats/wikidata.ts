/**
 * Wikidata entity JSON, as Special:EntityData/Q….json returns it ({ entities: { Q…: { id, labels,
 * aliases, claims } } }), with as many entities in one file as needed to name the organizations. P108
 * employer and P39 position held statements become claims: a start time (P580) a joined claim, an end
 * time (P582) a departed claim, with the end cause (P1534) as the manner. The claim's source is the
 * Wikidata entity, citing the statement's references (P854 reference URL, P248 stated in). Structured data
 * has no prose to quote, so the excerpt is a readable rendering of the statement
 * (docs/decisions/0085-import-format-readers.md). Labels and aliases in every language become aliases.
 */
import type { Manner } from "@/lib/domain/vocabulary";
import type { CompanyDescription, FormatReader, PersonDescription } from "@/lib/import/record";
import { dateFromParts, emptyDataset, isObject, isWebAddress, reject, str, uniqueAliases } from "./shared";

type Json = Record<string, unknown>;
type Snak = { snaktype?: string; datavalue?: { value?: unknown } };
type Statement = {
  id?: string;
  rank?: string;
  mainsnak?: Snak;
  qualifiers?: Record<string, Snak[]>;
  references?: { snaks?: Record<string, Snak[]> }[];
};

const QID = /^Q[1-9][0-9]*$/;
export const wikidataUrl = (qid: string) => `https://www.wikidata.org/wiki/${qid}`;

/** End causes by QID (resignation, death) and, for the rest, by their English label. */
const END_CAUSE_QIDS: Record<string, Manner> = { Q796919: "resigned", Q4: "died" };
const END_CAUSE_LABELS: Record<string, Manner> = {
  resignation: "resigned",
  dismissal: "fired",
  "termination of employment": "fired",
  retirement: "retired",
  death: "died",
  "end of contract": "contract_ended",
  "contract expiration": "contract_ended",
  layoff: "laid_off",
  layoffs: "laid_off",
  redundancy: "laid_off",
};

const PROPERTY_NAMES: Record<string, string> = { P108: "employer", P39: "position held" };
/** Qualifiers that name the organization of a position held: of, employer, organization directed. */
const ORG_QUALIFIERS = ["P642", "P108", "P2389"];
/** Qualifiers that name the role held with an employer: position held, subject has role, object has role. */
const ROLE_QUALIFIERS = ["P39", "P2868", "P3831"];

/** The snaks of a property, whatever the file holds there: only objects, in an array. */
const snaksOf = (group: unknown, p: string): Snak[] => {
  const list = isObject(group) ? group[p] : undefined;
  return Array.isArray(list) ? list.filter(isObject) : [];
};

const entityId = (snak: Snak | undefined): string | undefined => {
  const v = isObject(snak) && isObject(snak.datavalue) ? snak.datavalue.value : undefined;
  return isObject(v) && typeof v.id === "string" ? v.id : undefined;
};

function labelOf(entity: unknown): string | undefined {
  if (!isObject(entity) || !isObject(entity.labels)) return undefined;
  const labels = entity.labels as Record<string, { value?: unknown }>;
  return (
    str(labels.en?.value) ??
    str(labels.mul?.value) ??
    Object.values(labels)
      .map((l) => str(l?.value))
      .find(Boolean)
  );
}

/** Every label and alias, in every language. */
function namesOf(entity: unknown): string[] {
  if (!isObject(entity)) return [];
  const labels = isObject(entity.labels) ? Object.values(entity.labels as Record<string, { value?: unknown }>).map((l) => l?.value) : [];
  const aliases = isObject(entity.aliases)
    ? Object.values(entity.aliases as Record<string, { value?: unknown }[]>).flatMap((list) => (Array.isArray(list) ? list.map((a) => a?.value) : []))
    : [];
  return [...labels, ...aliases].filter((n): n is string => typeof n === "string");
}

type TimeRead = { ok: true; text?: string } | { ok: false; error: string };

/** A Wikidata time at its precision: 11 day, 10 month, 9 year, 8 decade (a range). "somevalue" is a time not known. */
function timeOf(snak: Snak): TimeRead {
  if (snak.snaktype === "somevalue") return { ok: true };
  const v = isObject(snak.datavalue) ? snak.datavalue.value : undefined;
  if (!isObject(v) || typeof v.time !== "string") return { ok: false, error: "not a time value" };
  const m = /^\+(\d{4,})-(\d{2})-(\d{2})T/.exec(v.time);
  if (!m) return { ok: false, error: `${v.time} is not a date the app can hold` };
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  switch (v.precision) {
    case 11:
      return dateFromParts(year, month, day);
    case 10:
      return dateFromParts(year, month);
    case 9:
      return dateFromParts(year);
    case 8: {
      const decade = Math.floor(year / 10) * 10;
      return { ok: true, text: `${decade}/${decade + 9}` };
    }
    default:
      return { ok: false, error: `${v.time} is known only to precision ${String(v.precision)}, coarser than a decade` };
  }
}

function mannerOf(qid: string | undefined, label: string | undefined): Manner | undefined {
  return (qid && END_CAUSE_QIDS[qid]) || (label ? END_CAUSE_LABELS[label.trim().toLowerCase()] : undefined);
}

export const readWikidata: FormatReader = (text, { mapping }) => {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new Error(`not a JSON file: ${(error as Error).message}`);
  }
  if (!isObject(json) || !isObject(json.entities)) throw new Error('a Wikidata file is entity JSON: { "entities": { "Q…": { … } } }');
  const entities = json.entities as Record<string, Json>;
  const companion = {
    ...(isObject(json.labels) ? json.labels : {}),
    ...(isObject(mapping) ? (isObject(mapping.labels) ? mapping.labels : mapping) : {}),
  } as Json;
  const label = (qid: string) => labelOf(entities[qid]) ?? str(companion[qid]);

  const out = emptyDataset("wikidata");
  out.meta = { dataset: "wikidata" };
  const orgs = new Set<string>();
  let index = 0;

  for (const [key, entity] of Object.entries(entities)) {
    if (!isObject(entity) || !isObject(entity.claims)) continue;
    const qid = str(entity.id) ?? key;
    const claims = entity.claims as Record<string, Statement[]>;
    const statements = ["P108", "P39"].flatMap((prop) => (Array.isArray(claims[prop]) ? claims[prop].map((st, i) => ({ prop, st, i })) : []));
    if (statements.length === 0) continue;
    const name = labelOf(entity);
    const person: PersonDescription | null = name
      ? { name, aliases: uniqueAliases(name, namesOf(entity)), externalIds: [{ scheme: "wikidata", value: qid }] }
      : null;
    if (person) out.people.push(person);

    // each record gets its own copy of the shared objects (person, source): the importer may change one
    for (const { prop, st, i } of statements) {
      const ref = { index: index++ };
      const at = `entities.${qid}.claims.${prop}.${i}`;
      if (!isObject(st) || st.rank === "deprecated") continue; // a deprecated statement is one Wikidata itself says is wrong
      if (!person) {
        out.rejected.push(reject(ref, `entities.${qid}.labels`, `${qid} has no label: the person needs a name`));
        continue;
      }
      const main = entityId(st.mainsnak);
      if (!main) {
        out.rejected.push(reject(ref, `${at}.mainsnak`, `the ${PROPERTY_NAMES[prop]} statement has no item as its value`));
        continue;
      }
      const q = st.qualifiers;
      const orgQid = prop === "P108" ? main : ORG_QUALIFIERS.map((p) => entityId(snaksOf(q, p)[0])).find(Boolean);
      if (!orgQid) {
        out.rejected.push(
          reject(
            ref,
            `${at}.qualifiers`,
            "the position held names no organization (qualifier P642 of, P108 employer or P2389 organization directed)",
          ),
        );
        continue;
      }
      const orgLabel = label(orgQid);
      if (!orgLabel) {
        out.rejected.push(
          reject(
            ref,
            prop === "P108" ? `${at}.mainsnak` : `${at}.qualifiers`,
            `no label for ${orgQid} in the file: add its entity, or give its name in a "labels" map`,
          ),
        );
        continue;
      }
      const roleQid = prop === "P39" ? main : ROLE_QUALIFIERS.map((p) => entityId(snaksOf(q, p)[0])).find(Boolean);
      const role = roleQid ? label(roleQid) : undefined;

      // "no value" for a start or end time says there is none (a tenure still running): the same as leaving it out
      const given = (p: string) => snaksOf(q, p).find((s) => s.snaktype !== "novalue");
      const start = given("P580") ? timeOf(given("P580")!) : undefined;
      const end = given("P582") ? timeOf(given("P582")!) : undefined;
      if (start && !start.ok) {
        out.rejected.push(reject(ref, `${at}.qualifiers.P580`, start.error));
        continue;
      }
      if (end && !end.ok) {
        out.rejected.push(reject(ref, `${at}.qualifiers.P582`, end.error));
        continue;
      }
      if (!start && !end) {
        out.rejected.push(reject(ref, `${at}.qualifiers`, "no start time (P580) or end time (P582): nothing to record"));
        continue;
      }
      const causeQid = entityId(snaksOf(q, "P1534")[0]);
      const causeLabel = causeQid ? label(causeQid) : undefined;

      const cites: { url: string; title?: string }[] = [];
      for (const r of Array.isArray(st.references) ? st.references : []) {
        const snaks = isObject(r) ? r.snaks : undefined;
        const titled = snaksOf(snaks, "P1476")[0]?.datavalue?.value;
        const title = isObject(titled) ? str(titled.text) : undefined;
        for (const s of snaksOf(snaks, "P854")) {
          const url = isObject(s.datavalue) ? s.datavalue.value : undefined;
          if (isWebAddress(url)) cites.push(title ? { url, title } : { url });
        }
        for (const s of snaksOf(snaks, "P248")) {
          const stated = entityId(s);
          if (stated && QID.test(stated)) cites.push({ url: wikidataUrl(stated), ...(label(stated) ? { title: label(stated) } : {}) });
        }
      }
      const uniqueCites = cites.filter((c, k) => cites.findIndex((o) => o.url === c.url) === k);

      const named = (q: string, l: string | undefined) => (l ? `${l} (${q})` : q);
      const excerpt = [
        prop === "P108" ? `employer: ${named(orgQid, orgLabel)}` : `position held: ${named(main, role)}; of: ${named(orgQid, orgLabel)}`,
        ...(prop === "P108" && roleQid ? [`position: ${named(roleQid, role)}`] : []),
        ...(start ? [`start time: ${start.text ?? "unknown"}`] : []),
        ...(end ? [`end time: ${end.text ?? "unknown"}`] : []),
        ...(causeQid ? [`end cause: ${causeLabel ?? causeQid}`] : []),
      ].join("; ");

      orgs.add(orgQid);
      const common: Json = {
        source: {
          title: `Wikidata: ${person.name}`,
          url: wikidataUrl(qid),
          publisher: "Wikidata",
          language: "en",
          kind: "dataset",
          ...(uniqueCites.length ? { cites: uniqueCites } : {}),
        },
        excerpt,
        person,
        company: {
          name: orgLabel,
          aliases: uniqueAliases(orgLabel, namesOf(entities[orgQid])),
          externalIds: [{ scheme: "wikidata", value: orgQid }],
        },
        ...(role ? { role } : {}),
      };
      const statementId = str(st.id) ?? `${qid}$${prop}.${i}`;
      if (start) {
        out.records.push({
          ref,
          externalId: `${statementId}:start`,
          claim: structuredClone({ ...common, kind: "joined", ...(start.text ? { date: start.text, dateBasis: "stated" } : {}) }),
        });
      }
      if (end) {
        const manner = mannerOf(causeQid, causeLabel);
        const note =
          causeQid && !manner ? `Wikidata gives the end cause ${named(causeQid, causeLabel)}, which is not one of the app's manners.` : undefined;
        out.records.push({
          ref,
          externalId: `${statementId}:end`,
          claim: structuredClone({
            ...common,
            kind: "departed",
            ...(end.text ? { date: end.text, dateBasis: "stated" } : {}),
            ...(manner ? { manner } : {}),
            ...(note ? { note } : {}),
          }),
        });
      }
    }
  }

  for (const [key, entity] of Object.entries(entities)) {
    const qid = str(entity?.id) ?? key;
    const claims = (isObject(entity?.claims) ? entity.claims : {}) as Record<string, Statement[]>;
    const parentStatement = Array.isArray(claims.P749) ? claims.P749.find(isObject) : undefined;
    const parent = entityId(parentStatement?.mainsnak as Snak | undefined);
    if (!orgs.has(qid) && !parent) continue;
    const name = labelOf(entity);
    if (!name) continue;
    const company: CompanyDescription = { name, aliases: uniqueAliases(name, namesOf(entity)), externalIds: [{ scheme: "wikidata", value: qid }] };
    const parentName = parent ? label(parent) : undefined;
    if (parentName) company.partOf = parentName;
    out.companies.push(company);
  }
  return out;
};
