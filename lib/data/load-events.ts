/**
 * Full event rows (person, company, destination with aliases; claims with sources) for a page of ids.
 * Each event is assembled as one JSON text inside the database: the same objects Prisma's
 * `include: eventJsonInclude` returns (tests/unit/find-events.test.ts compares them), at a fraction of the
 * cost of materialising five relations through the client. Column lists come from the generated client,
 * so a new column is loaded without touching this. SQLite needs >= 3.44 (ORDER BY inside aggregates).
 */
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db-factory";
import { claimSourceSelect, type EventWithClaims } from "./event-json";
import { dialectOf, type Dialect } from "./sql/dialect";

const { sql, join, raw } = Prisma;

/** The DateTime columns: text on the wire, revived as Date objects. */
const DATE_FIELDS = new Set(["createdAt", "updatedAt"]);

const columns = (d: Dialect, alias: string, fields: Record<string, unknown>): [string, Prisma.Sql][] =>
  Object.keys(fields).map((f) => {
    const column = raw(`${alias}."${f}"`);
    return [f, DATE_FIELDS.has(f) ? d.jsonDate(column) : column];
  });

function aliasesOf(d: Dialect, table: "PersonAlias" | "CompanyAlias", fk: "personId" | "companyId", owner: string) {
  const element = d.jsonObject([
    ["id", raw("a.id")],
    [fk, raw(`a."${fk}"`)],
    ["name", raw("a.name")],
    ["key", raw(`a."key"`)],
  ]);
  return sql`(SELECT ${d.jsonArray(element, raw("a.id"))} FROM ${raw(`"${table}"`)} a WHERE a.${raw(`"${fk}"`)} = ${raw(owner)})`;
}

const companyJson = (d: Dialect, alias: string, idColumn: string) =>
  sql`(SELECT ${d.jsonObject([...columns(d, alias, Prisma.CompanyScalarFieldEnum), ["aliases", aliasesOf(d, "CompanyAlias", "companyId", `${alias}.id`)]])}
    FROM "Company" ${raw(alias)} WHERE ${raw(alias)}.id = ${raw(idColumn)})`;

/** The source's columns a claim shows (claimSourceSelect: not its full text), and the sources it cites. */
const SOURCE_COLUMNS = Object.fromEntries(Object.entries(claimSourceSelect).filter(([, v]) => v === true));

function sourceJson(d: Dialect) {
  const cited = d.jsonObject([
    [
      "cited",
      d.jsonObject([
        ["id", raw("cs.id")],
        ["title", raw("cs.title")],
        ["url", raw("cs.url")],
      ]),
    ],
  ]);
  const cites = sql`(SELECT ${d.jsonArray(cited, raw(`sc."citedId"`))} FROM "SourceCitation" sc JOIN "Source" cs ON cs.id = sc."citedId" WHERE sc."citingId" = s.id)`;
  return sql`(SELECT ${d.jsonObject([...columns(d, "s", SOURCE_COLUMNS), ["cites", cites]])} FROM "Source" s WHERE s.id = cl."sourceId")`;
}

/** [{ tag: { slug, name } }] of a claim or an event, by tag id. */
function tagsOf(d: Dialect, table: "ClaimTag" | "EventTag", fk: "claimId" | "eventId", owner: string) {
  const element = d.jsonObject([
    [
      "tag",
      d.jsonObject([
        ["slug", raw("t.slug")],
        ["name", raw("t.name")],
      ]),
    ],
  ]);
  return sql`(SELECT ${d.jsonArray(element, raw(`x."tagId"`))} FROM ${raw(`"${table}"`)} x JOIN "Tag" t ON t.id = x."tagId" WHERE x.${raw(`"${fk}"`)} = ${raw(owner)})`;
}

export function loadSql(d: Dialect, ids: number[]): Prisma.Sql {
  const person = sql`(SELECT ${d.jsonObject([...columns(d, "p", Prisma.PersonScalarFieldEnum), ["aliases", aliasesOf(d, "PersonAlias", "personId", "p.id")]])}
    FROM "Person" p WHERE p.id = e."personId")`;
  const claim = d.jsonObject([
    ...columns(d, "cl", Prisma.ClaimScalarFieldEnum),
    ["source", sourceJson(d)],
    [
      "destination",
      sql`(SELECT ${d.jsonObject([
        ["name", raw("cd.name")],
        ["slug", raw("cd.slug")],
      ])} FROM "Company" cd WHERE cd.id = cl."destinationId")`,
    ],
    ["tags", tagsOf(d, "ClaimTag", "claimId", "cl.id")],
    [
      "batch",
      sql`(SELECT ${d.jsonObject([
        ["id", raw("ib.id")],
        ["dataset", raw("ib.dataset")],
        ["datasetVersion", raw(`ib."datasetVersion"`)],
      ])} FROM "ImportBatch" ib WHERE ib.id = cl."batchId")`,
    ],
  ]);
  const event = d.jsonObject([
    ...columns(d, "e", Prisma.EventScalarFieldEnum),
    ["person", person],
    ["company", companyJson(d, "c", `e."companyId"`)],
    ["destination", companyJson(d, "d", `e."destinationId"`)],
    ["claims", sql`(SELECT ${d.jsonArray(claim, raw("cl.id"))} FROM "Claim" cl WHERE cl."eventId" = e.id)`],
    ["tags", tagsOf(d, "EventTag", "eventId", "e.id")],
  ]);
  return sql`SELECT ${d.jsonText(event)} AS json FROM "Event" e WHERE e.id IN (${join(ids)})`;
}

const revive = (key: string, value: unknown) => (DATE_FIELDS.has(key) && typeof value === "string" ? new Date(value) : value);

/** Parse the rows loadSql returns, in the order of `ids`. */
export function parseLoaded(rows: { json: string }[], ids: number[]): EventWithClaims[] {
  const byId = new Map<number, EventWithClaims>();
  for (const r of rows) {
    const e = JSON.parse(r.json, revive) as EventWithClaims;
    byId.set(e.id, e);
  }
  return ids.map((id) => byId.get(id)).filter((e): e is EventWithClaims => e !== undefined);
}

/** Full rows for ids, in the order given. */
export async function loadEvents(db: Db, ids: number[]): Promise<EventWithClaims[]> {
  if (ids.length === 0) return [];
  return parseLoaded(await db.$queryRaw<{ json: string }[]>(loadSql(dialectOf(db), ids)), ids);
}
