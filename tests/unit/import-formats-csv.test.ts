import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readCsv } from "@/lib/import/formats/csv";
import { parseCsv } from "@/lib/import/formats/csv-rows";
import { claimInputSchema } from "@/lib/validation/claim";

const dir = path.resolve(import.meta.dirname, "../fixtures/import/csv");
const fixture = (name: string) => fs.readFileSync(path.join(dir, name), "utf8");
const mapping = JSON.parse(fixture("mapping.json"));
const read = (name: string, m: unknown = mapping, text = fixture(name)) => readCsv(text, { mapping: m, fileName: name });
const byName = (ds: ReturnType<typeof read>, name: string) => ds.records.find((r) => (r.claim.person as { name: string }).name === name)!;

describe("CSV parser", () => {
  it("reads quoted fields with delimiters, doubled quotes and line breaks, and keeps each row's original line", () => {
    const rows = parseCsv('a,b,c\n1,"x, y","say ""hi"""\n2,"two\nlines",z\n3,after,end\n');
    expect(rows.map((r) => r.fields)).toEqual([
      ["a", "b", "c"],
      ["1", "x, y", 'say "hi"'],
      ["2", "two\nlines", "z"],
      ["3", "after", "end"],
    ]);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 5]);
    expect(rows[2].raw).toBe('2,"two\nlines",z');
  });

  it("handles a BOM, CRLF line ends, blank lines, empty trailing fields and an unclosed quote", () => {
    const rows = parseCsv('\uFEFFa,b\r\n1,\r\n\r\n"2\r\nx",y\r\n3,"open');
    expect(rows.map((r) => [r.line, r.fields])).toEqual([
      [1, ["a", "b"]],
      [2, ["1", ""]],
      [4, ["2\r\nx", "y"]],
      [6, ["3", "open"]],
    ]);
    expect(rows[3].unterminated).toBe(true);
  });
});

describe("CSV format reader", () => {
  it("maps columns, codes and dates into claims at the precision written", () => {
    const ds = read("v1.csv");
    expect(ds.rejected).toEqual([]);
    expect(ds.records).toHaveLength(6);
    expect(ds.meta).toEqual({ dataset: "ai-lab-departures-sheet", licence: "CC-BY-4.0" });
    const ilya = byName(ds, "Ilya Sutskever");
    expect(ilya.claim).toMatchObject({ kind: "departed", manner: "resigned", date: "2024-05-14", role: "Chief Scientist", recordStatus: "verified" });
    expect(ilya.claim.destination).toEqual({ name: "Safe Superintelligence", aliases: [], relation: "joined" });
    expect(ilya.claim.tags).toEqual(["safety", "governance"]);
    expect(ilya.claim.note).toBe('Co-founder; left "after almost a decade", six months after the board crisis');
    expect(byName(ds, "Jan Leike").claim.date).toBe("2024-05");
    expect(byName(ds, "Jan Leike").claim.role).toBe("Head of alignment, superalignment lead");
    expect(byName(ds, "Leopold Aschenbrenner").claim).toMatchObject({ kind: "departed", manner: "fired", date: "2024-04" });
    expect(ds.records.map((r) => r.externalId)).toEqual([
      "ilya-2024",
      "leike-2024",
      "karpathy-2024",
      "murati-2024",
      "schulman-2024",
      "aschenbrenner-2024",
    ]);
  });

  it("makes the row as written the excerpt, and the dataset the source citing every URL of the row", () => {
    const text = fixture("v1.csv");
    const ds = read("v1.csv");
    const leike = byName(ds, "Jan Leike");
    expect(text).toContain(leike.claim.excerpt as string);
    expect(leike.claim.excerpt).toMatch(/^leike-2024,Jan Leike,OpenAI,[^]*Joined Anthropic later that month\."$/);
    expect(leike.claim.source).toEqual({
      title: "AI lab departures spreadsheet: Jan Leike (OpenAI)",
      publisher: "Departures sample spreadsheet",
      language: "en",
      kind: "dataset",
      cites: [
        { url: "https://x.com/janleike/status/1791498174659715494" },
        { url: "https://www.theverge.com/2024/5/17/24159095/openai-jan-leike-superalignment-sam-altman-ai-safety" },
      ],
    });
  });

  it("gives claims that pass the claim schema", () => {
    for (const r of read("v1.csv").records) expect(claimInputSchema.safeParse(r.claim).error?.issues ?? []).toEqual([]);
  });

  it("counts lines in the original file, past a quoted field that spans lines", () => {
    const ds = read("v1.csv");
    expect(ds.records.map((r) => r.ref)).toEqual([
      { index: 0, line: 2 },
      { index: 1, line: 3 },
      { index: 2, line: 6 },
      { index: 3, line: 7 },
      { index: 4, line: 8 },
      { index: 5, line: 9 },
    ]);
  });

  it("rejects rows the mapping cannot read, naming the original line and the column", () => {
    const ds = read("errors.csv");
    expect(ds.records.map((r) => r.externalId)).toEqual(["ok-1"]);
    expect(ds.rejected).toEqual([
      { ref: { index: 1, line: 5 }, field: "Code", message: '"X" is not in the value map of column "Code" (known: F, Q, L, J)' },
      { ref: { index: 2, line: 6 }, field: "Date", message: expect.stringContaining("Feb 2024 has 29 days") },
      { ref: { index: 3, line: 7 }, field: "Links", message: expect.stringContaining('"not-a-url" is not a web address') },
      { ref: { index: 4, line: 8 }, field: "Name", message: expect.stringContaining("name is empty") },
    ]);
  });

  it("rejects every row when the mapping names a column the file lacks, and a word outside the vocabulary", () => {
    const renamed = { ...mapping, columns: { ...mapping.columns, Left: "date" } };
    const ds = read("v1.csv", renamed);
    expect(ds.records).toEqual([]);
    expect(ds.rejected).toHaveLength(6);
    expect(ds.rejected[0]).toMatchObject({ ref: { index: 0, line: 2 }, field: "Left", message: expect.stringContaining('names column "Left"') });
    const loose = { ...mapping, columns: { ...mapping.columns, Status: "manner" } };
    expect(read("v1.csv", loose).rejected[0]).toMatchObject({ field: "Status", message: expect.stringContaining('"verified" is not a manner') });
  });

  it("reads the same records from a CRLF file with a BOM", () => {
    const crlf = "\uFEFF" + fixture("v1.csv").replace(/\n/g, "\r\n");
    const ds = read("v1.csv", mapping, crlf);
    expect(ds.rejected).toEqual([]);
    expect(ds.records.map((r) => [r.externalId, r.ref.line, r.claim.date])).toEqual(
      read("v1.csv").records.map((r) => [r.externalId, r.ref.line, r.claim.date]),
    );
  });

  it("keeps ids across versions: a changed date and role keep their id, a removed row is gone", () => {
    const v1 = read("v1.csv");
    const v2 = read("v2.csv");
    expect(v2.records.map((r) => r.externalId)).toEqual(["ilya-2024", "leike-2024", "murati-2024", "schulman-2024", "aschenbrenner-2024"]);
    expect(byName(v2, "Jan Leike").claim.date).toBe("2024-05-16");
    expect(byName(v2, "John Schulman").claim.role).not.toBe(byName(v1, "John Schulman").claim.role);
  });

  it("builds a stable id from person, company and kind when no column holds one", () => {
    const noId = { ...mapping, columns: Object.fromEntries(Object.entries(mapping.columns).filter(([c]) => c !== "ID")) };
    const a = read("v1.csv", noId);
    const b = read("v2.csv", noId);
    expect(a.records[0].externalId).toMatch(/^[0-9a-f]{20}$/);
    expect(byName(b, "John Schulman").externalId).toBe(byName(a, "John Schulman").externalId);
    expect(byName(b, "Jan Leike").externalId).toBe(byName(a, "Jan Leike").externalId);
    expect(new Set(a.records.map((r) => r.externalId)).size).toBe(6);
  });

  it("uses an excerpt column and the row's first URL as the source when mapped", () => {
    const text =
      "Who,Where,What,Quote,URL,Title\nJan Leike,OpenAI,departed,Yesterday was my last day,https://x.com/janleike/status/1791498174659715494;https://example.org/b,Leike post\n";
    const m = {
      columns: { Who: "person.name", Where: "company.name", What: "kind", Quote: "excerpt", URL: "source.url", Title: "source.title" },
      split: ";",
    };
    const [r] = readCsv(text, { mapping: m }).records;
    expect(r.claim.excerpt).toBe("Yesterday was my last day");
    expect(r.claim.source).toEqual({
      title: "Leike post",
      url: "https://x.com/janleike/status/1791498174659715494",
      language: "en",
      kind: "article",
      cites: [{ url: "https://example.org/b" }],
    });
    expect(claimInputSchema.safeParse(r.claim).success).toBe(true);
  });

  it("reads a tab-separated file, month names in any case, and a value map that falls back to the field", () => {
    const text = "who\tat\thow\twhen\nJan Leike\tOpenAI\tQuit\tsept 2024\nMira Murati\tOpenAI\tresigned\t25 September 2024\n";
    const m = {
      delimiter: "\t",
      columns: {
        who: "person.name",
        at: "company.name",
        how: { field: "manner", values: { Quit: { manner: "resigned" } } },
        when: { field: "date", dateFormat: ["MMM YYYY", "D MMMM YYYY"] },
      },
      constants: { kind: "departed" },
    };
    const ds = readCsv(text, { mapping: m, fileName: "people.tsv" });
    expect(ds.rejected).toEqual([]);
    expect(ds.records.map((r) => [r.claim.manner, r.claim.date])).toEqual([
      ["resigned", "2024-09"],
      ["resigned", "2024-09-25"],
    ]);
    expect(ds.records[0].claim.source).toMatchObject({ title: "people: Jan Leike (OpenAI)", kind: "dataset" });
  });

  it("refuses a mapping that is not valid, with every problem by its path", () => {
    expect(() => read("v1.csv", { columns: { Name: "person.nam" } })).toThrow(/columns\.Name/);
    expect(() => read("v1.csv", { columns: {}, extra: 1 })).toThrow(/the CSV mapping is not valid/);
  });
});
