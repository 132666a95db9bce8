import { beforeAll, describe, expect, it } from "vitest";
import { changeClaimState } from "@/lib/ingest/retract-claim";
import { eventJsonInclude, type EventWithClaims } from "@/lib/data/event-json";
import { countEvents, destinationCounts, eachMatchingEvent, findEvents, intervalCounts } from "@/lib/data/find-events";
import { loadEvents } from "@/lib/data/load-events";
import { companyOptions, lookupCompanies, lookupPeople } from "@/lib/data/lookup";
import { countByPeriod, dateRange, fallsWithin } from "@/lib/domain/date-range";
import { normalizeName } from "@/lib/domain/names";
import { fromColumns } from "@/lib/domain/partial-date";
import { ingestClaim } from "@/lib/ingest/ingest-claim";
import { parseEventQuery, type EventQuery } from "@/lib/validation/event-filters";
import type { ClaimInputRaw } from "@/lib/validation/claim";
import { claimInput } from "../factories/claims";
import { useTestDb } from "../helpers/test-db";

const { db } = useTestDb();

const northwind = { name: "Northwind Labs", aliases: ["ノースウィンド"] };
const southport = { name: "Southport AI", aliases: [] };
const eastgate = { name: "Eastgate Robotics", aliases: [], relation: "joined" as const };
const westfield = { name: "Westfield Bio", aliases: [], relation: "founded" as const };

/** Fictional people and companies, one claim each unless noted: every filter has something to find and something to leave out. */
const CLAIMS: Partial<ClaimInputRaw>[] = [
  {
    person: { name: "Ayla Brightwater", aliases: ["アイラ・ブライトウォーター"] },
    company: northwind,
    kind: "departed",
    date: "2024-05",
    role: "Research Scientist",
    roleCategory: "research",
    destination: eastgate,
  },
  {
    person: { name: "Bram Okonkwo", aliases: [] },
    company: northwind,
    kind: "departed",
    date: "2024",
    role: "CTO",
    roleCategory: "executive",
    destination: westfield,
  },
  {
    person: { name: "Cleo Marchetti", aliases: [] },
    company: northwind,
    kind: "departed",
    date: "2024-05-20",
    role: "Engineer",
    roleCategory: "engineering",
  },
  {
    person: { name: "Dov Lindqvist", aliases: [] },
    company: southport,
    kind: "joined",
    date: "2023-Q3",
    role: "Head of Product 100%",
    roleCategory: "product",
  },
  {
    person: { name: "Esme Takahashi", aliases: ["エズメ・タカハシ"] },
    company: southport,
    kind: "departed",
    date: undefined,
    role: "Policy Lead",
    roleCategory: "safety_policy",
    destination: eastgate,
  },
  {
    person: { name: "Finn Oyelaran", aliases: [] },
    company: northwind,
    kind: "fired",
    date: "2017/2018",
    role: "Board member",
    roleCategory: "board",
  },
  {
    person: { name: "Gia Moreau", aliases: [] },
    company: southport,
    kind: "departed",
    date: "2024-06-01",
    role: "Head of Product",
    roleCategory: "product",
  },
  {
    person: { name: "Hugo Brightwater", aliases: [] },
    company: southport,
    kind: "departed",
    date: "2024-05",
    role: "Researcher",
    roleCategory: "research",
    destination: eastgate,
  },
  {
    person: { name: "Ines Varga", aliases: [] },
    company: northwind,
    kind: "leave_started",
    date: "2024-05",
    role: "VP of People",
    roleCategory: "operations",
  },
  {
    person: { name: "Jon Abara", aliases: [] },
    company: northwind,
    kind: "departed",
    date: undefined,
    role: "Engineer",
    roleCategory: "engineering",
  },
  {
    person: { name: "Kai Ferreira", aliases: [] },
    company: southport,
    kind: "departed",
    date: "2024-Q2",
    role: "Research Lead",
    roleCategory: "research",
    destination: { ...westfield, relation: "joined" },
  },
  {
    person: { name: "Lena Sato", aliases: ["レナ・サトウ"] },
    company: northwind,
    kind: "role_changed",
    date: "2023-11",
    role: "Chief Scientist",
    roleCategory: "research",
  },
  // a name past Z in code-point order (before it in most locales) and a title with non-ASCII capitals
  {
    person: { name: "Émile Ōta", aliases: [] },
    company: southport,
    kind: "returned",
    date: "2022",
    role: "Directeur Général",
    roleCategory: "executive",
  },
];

let all: EventWithClaims[] = [];

beforeAll(async () => {
  for (const c of CLAIMS) await ingestClaim(db, claimInput({ ...c, excerpt: `${c.person!.name}: ${c.kind} (${c.date ?? "undated"})` }));
  // Gia Moreau's only claim was withdrawn: the event is retracted (through the write path, which keeps
  // the counts' rollup exact).
  const gia = await db.claim.findFirstOrThrow({ where: { event: { person: { name: "Gia Moreau" } } } });
  await changeClaimState(db, { claimId: gia.id, state: "retracted", reason: "withdrawn" }, { accountId: null, name: "Editor" });
  all = await db.event.findMany({ include: eventJsonInclude, orderBy: { id: "asc" } });
}, 60_000);

const query = (qs: string): EventQuery => {
  const r = parseEventQuery(new URLSearchParams(qs));
  if (!r.ok) throw new Error(JSON.stringify(r.fieldErrors));
  return r.query;
};

/** Every page of a query, following nextCursor, as the API's clients do. */
async function walk(qs: string, limit = 2) {
  const ids: number[] = [];
  let q = query(`${qs}&limit=${limit}`);
  let pages = 0;
  for (;;) {
    const page = await findEvents(db, q);
    pages++;
    ids.push(...page.events.map((e) => e.id));
    expect(page.total).toBe(await countEvents(db, q));
    if (!page.nextCursor) return { ids, pages, total: page.total };
    expect(page.events).toHaveLength(limit);
    q = { ...q, cursor: page.nextCursor };
  }
}

const names = (ids: number[]) => ids.map((id) => all.find((e) => e.id === id)!.person.name);

// ---- an independent oracle: the same semantics written plainly over every event in memory --------------

type Pred = (e: EventWithClaims) => boolean;
const visible: Pred = (e) => e.status !== "retracted";
const byNewest = (a: EventWithClaims, b: EventWithClaims) => (a.sortDate === b.sortDate ? b.id - a.id : a.sortDate < b.sortDate ? 1 : -1);
const expected = (pred: Pred, sort = byNewest) =>
  all
    .filter(pred)
    .sort(sort)
    .map((e) => e.id);

describe("findEvents filters", () => {
  it("finds events at any of the companies given, and only those", async () => {
    expect((await walk("company=northwind-labs")).ids).toEqual(expected((e) => visible(e) && e.company.slug === "northwind-labs"));
    const both = await walk("company=northwind-labs&company=southport-ai");
    expect(both.ids).toEqual(expected(visible));
  });

  it("finds by role category, and by title text taken literally (a % is not a wildcard)", async () => {
    expect(names((await walk("role=research")).ids).sort()).toEqual(["Ayla Brightwater", "Hugo Brightwater", "Kai Ferreira", "Lena Sato"]);
    expect(names((await walk("title=100%25")).ids)).toEqual(["Dov Lindqvist"]);
    expect(names((await walk("title=head of product")).ids)).toEqual(["Dov Lindqvist"]);
  });

  it("finds titles containing the text in any case, through the title index or (under three characters) a scan", async () => {
    const holding = (text: string) => expected((e) => visible(e) && !!e.role?.toLowerCase().includes(text.toLowerCase()));
    for (const text of ["chief", "CHIEF", "Head Of", "ch", "c", "of", "général", "GÉNÉRAL", "ctor gé", "_", "nobody has this title"]) {
      expect((await walk(`title=${encodeURIComponent(text)}`)).ids, text).toEqual(holding(text));
    }
    expect(names((await walk("title=chief&kind=role_changed")).ids)).toEqual(["Lena Sato"]);
  });

  it("finds a title given after the event was recorded", async () => {
    const cleo = all.find((e) => e.person.name === "Cleo Marchetti")!;
    await db.event.update({ where: { id: cleo.id }, data: { role: "Staff Engineer (Platform)" } });
    try {
      expect(names((await walk("title=platform")).ids)).toEqual(["Cleo Marchetti"]);
      expect(names((await walk("title=engineer")).ids).sort()).toEqual(["Cleo Marchetti", "Jon Abara"]);
    } finally {
      await db.event.update({ where: { id: cleo.id }, data: { role: cleo.role } });
      all = await db.event.findMany({ include: eventJsonInclude, orderBy: { id: "asc" } }); // updatedAt moved
    }
  });

  it("finds by destination company, by founding one's own company, and by no destination on record", async () => {
    expect(names((await walk("destination=eastgate-robotics")).ids).sort()).toEqual(["Ayla Brightwater", "Esme Takahashi", "Hugo Brightwater"]);
    expect(names((await walk("destination=~founded")).ids)).toEqual(["Bram Okonkwo"]);
    const unknown = await walk("destination=~unknown&kind=departed");
    expect(unknown.ids).toEqual(expected((e) => visible(e) && e.kind === "departed" && e.destinationId === null));
    expect(names(unknown.ids)).not.toContain("Ayla Brightwater");
    // any of several destinations
    expect(names((await walk("destination=~founded&destination=westfield-bio")).ids).sort()).toEqual(["Bram Okonkwo", "Kai Ferreira"]);
  });

  it("matches a date range exactly as fallsWithin does, for every kind of bound", async () => {
    const ranges: [string | undefined, string | undefined][] = [
      ["2024-05", "2024-05"],
      ["2024", "2024"],
      ["2024-05-15", "2024-06"],
      ["2024-Q2", undefined],
      [undefined, "2023"],
      ["2017", "2018"],
      ["2017", "2017"],
      ["2018", undefined],
      [undefined, "2024-05"],
    ];
    for (const [from, to] of ranges) {
      const qs = [from && `from=${from}`, to && `to=${to}`].filter(Boolean).join("&");
      const range = dateRange(from, to);
      expect((await walk(qs)).ids, qs).toEqual(expected((e) => visible(e) && fallsWithin(fromColumns(e.dateText), range)));
    }
  });

  it("puts a month-precision event inside a range covering its month, and a year-only event outside a month", async () => {
    const may = names((await walk("from=2024-05&to=2024-05")).ids);
    expect(may).toEqual(expect.arrayContaining(["Ayla Brightwater", "Cleo Marchetti", "Hugo Brightwater", "Ines Varga"]));
    expect(may).not.toContain("Bram Okonkwo"); // "2024": it may not be May
    expect(may).not.toContain("Kai Ferreira"); // "2024-Q2": April to June
    expect(may).not.toContain("Jon Abara"); // date unknown
    // an open start keeps the same rule at the end: Q2 2024 runs past May
    expect(names((await walk("to=2024-05")).ids)).not.toContain("Kai Ferreira");
    expect(names((await walk("to=2024-06")).ids)).toContain("Kai Ferreira");
  });

  it("hides retracted events unless asked for", async () => {
    expect(names((await walk("")).ids)).not.toContain("Gia Moreau");
    expect(names((await walk("status=all")).ids)).toContain("Gia Moreau");
    expect(names((await walk("status=retracted")).ids)).toEqual(["Gia Moreau"]);
  });

  it("finds people and companies by any alias, in any script and case", async () => {
    for (const q of ["アイラ", "brightwater", "BrightWater", "ｱｲﾗ"]) {
      expect(names((await walk(`q=${encodeURIComponent(q)}`)).ids).sort(), q).toEqual(
        q.toLowerCase() === "brightwater" ? ["Ayla Brightwater", "Hugo Brightwater"] : ["Ayla Brightwater"],
      );
    }
    // a company alias finds the events at that company
    expect((await walk(`q=${encodeURIComponent("ノースウィンド")}`)).ids).toEqual(expected((e) => visible(e) && e.company.slug === "northwind-labs"));
    expect((await walk("q=nobody-by-this-name")).ids).toEqual([]);
  });

  it("combines filters with AND", async () => {
    const r = await walk("company=northwind-labs&kind=departed&from=2024&to=2024");
    expect(names(r.ids).sort()).toEqual(["Ayla Brightwater", "Bram Okonkwo", "Cleo Marchetti"]);
  });

  it("matches nothing, without error, for a company that does not exist", async () => {
    expect(await walk("company=no-such-company")).toMatchObject({ ids: [], total: 0 });
  });
});

describe("findEvents keyset pages", () => {
  const dateKey = (e: EventWithClaims) => e.sortDate;
  const undatedLast = (a: EventWithClaims, b: EventWithClaims) =>
    (dateKey(a) === "") !== (dateKey(b) === "")
      ? dateKey(a) === ""
        ? 1
        : -1
      : dateKey(a) === dateKey(b)
        ? a.id - b.id
        : dateKey(a) < dateKey(b)
          ? -1
          : 1;
  const byName = (pick: (e: EventWithClaims) => { name: string; id: number }, dir: 1 | -1) => (a: EventWithClaims, b: EventWithClaims) => {
    const ka = [pick(a).name, pick(a).id, a.sortDate, a.id] as const;
    const kb = [pick(b).name, pick(b).id, b.sortDate, b.id] as const;
    for (let i = 0; i < 4; i++) if (ka[i] !== kb[i]) return (ka[i] < kb[i] ? -1 : 1) * dir;
    return 0;
  };

  it.each([
    ["newest", byNewest],
    ["oldest", undatedLast],
    ["person", byName((e) => e.person, 1)],
    ["person_desc", byName((e) => e.person, -1)],
    ["company", byName((e) => e.company, 1)],
    ["company_desc", byName((e) => e.company, -1)],
  ] as const)("sort=%s visits every match once, in order, whatever the page size", async (sort, compare) => {
    for (const limit of [1, 2, 5, 50]) {
      const r = await walk(`sort=${sort}`, limit);
      expect(r.ids).toEqual(expected(visible, compare));
      expect(r.total).toBe(r.ids.length);
    }
  });

  it.each(["newest", "oldest", "person", "company_desc"] as const)(
    "sort=%s with a title search gives the same pages whichever plan the match count picks",
    async (sort) => {
      const compare = { newest: byNewest, oldest: undatedLast, person: byName((e) => e.person, 1), company_desc: byName((e) => e.company, -1) }[sort];
      // "e" is in most titles: a page of 1 walks the sort order (matches² > page × events), 50 uses the title index
      for (const limit of [1, 50]) {
        expect((await walk(`sort=${sort}&title=e`, limit)).ids).toEqual(
          expected((e) => visible(e) && !!e.role?.toLowerCase().includes("e"), compare),
        );
      }
    },
  );

  it("newest first puts undated events last; oldest first also puts them last", async () => {
    const newest = names((await walk("")).ids);
    const oldest = names((await walk("sort=oldest")).ids);
    for (const list of [newest, oldest]) expect(list.slice(-2).sort()).toEqual(["Esme Takahashi", "Jon Abara"]);
    expect(newest[0]).toBe("Cleo Marchetti"); // 2024-05-20 is the latest first possible day
    expect(oldest[0]).toBe("Finn Oyelaran"); // 2017/2018
  });

  it("streams every match for the CSV, across internal pages", async () => {
    const streamed: number[] = [];
    for await (const e of eachMatchingEvent(db, query("status=all"), 3)) streamed.push(e.id);
    expect(streamed).toEqual(expected(() => true));
  });
});

describe("loadEvents", () => {
  it("returns exactly what Prisma's include returns, in the order asked", async () => {
    const ids = [...all.map((e) => e.id)].reverse();
    expect(await loadEvents(db, ids)).toEqual(ids.map((id) => all.find((e) => e.id === id)));
  });

  it("includes the sources a claim's source cites, in order", async () => {
    const citing = await db.source.findFirstOrThrow({ orderBy: { id: "asc" } });
    const cited = (n: number) =>
      db.source.create({
        data: { title: `Cited ${n}`, dedupKey: `test:cited-${n}`, url: `https://example.org/cited-${n}`, language: "en", kind: "article" },
      });
    const a = await cited(1);
    const b = await cited(2);
    await db.sourceCitation.createMany({
      data: [
        { citingId: citing.id, citedId: b.id },
        { citingId: citing.id, citedId: a.id },
      ],
    });
    const ids = all.map((e) => e.id);
    const fresh = await db.event.findMany({ where: { id: { in: ids } }, include: eventJsonInclude, orderBy: { id: "asc" } });
    expect(fresh.some((e) => e.claims.some((c) => c.source.cites.length === 2))).toBe(true);
    expect(await loadEvents(db, ids)).toEqual(fresh);
    await db.source.deleteMany({ where: { id: { in: [a.id, b.id] } } }); // and the citations with them
  });
});

describe("chart counts", () => {
  it("count matching events by quarter and category, keeping imprecise dates out of the bars", async () => {
    const series = countByPeriod(await intervalCounts(db, query("company=northwind-labs")));
    const q2 = series.periods.find((p) => p.key === "2024-Q2")!;
    expect(q2.total).toBe(3); // Ayla (2024-05), Cleo (2024-05-20), Ines (2024-05)
    expect(q2.counts.get("research")).toBe(1);
    expect(series.unplaced).toBe(3); // Bram (2024), Finn (2017/2018), Jon (unknown)
    expect(series.total).toBe(7);
  });

  it("count destinations, founders and unknowns among the matches", async () => {
    const d = await destinationCounts(db, query("kind=departed"));
    expect(d.top[0]).toMatchObject({ slug: "eastgate-robotics", n: 3, founded: 0 });
    expect(d.top.find((t) => t.slug === "westfield-bio")).toMatchObject({ n: 2, founded: 1 });
    expect(d).toMatchObject({ withDestination: 5, founded: 1, unknown: 3 });
  });
});

describe("lookup by alias", () => {
  it("finds a Latin-named person from katakana, lower case or mixed case", async () => {
    for (const q of ["ブライトウォーター", "ayla", "AYLA BRIGHTWATER", "ａｙｌａ"]) {
      const hits = await lookupPeople(db, q);
      expect(
        hits.map((h) => h.name),
        q,
      ).toContain("Ayla Brightwater");
    }
    const [hit] = await lookupPeople(db, "アイラ");
    expect(hit).toMatchObject({
      name: "Ayla Brightwater",
      matched: "アイラ・ブライトウォーター",
      aliases: ["アイラ・ブライトウォーター"],
      eventCount: 1,
    });
  });

  it("ranks an exact spelling before a longer one that contains it", async () => {
    const hits = await lookupPeople(db, "brightwater");
    expect(hits).toHaveLength(2);
    const exact = await lookupPeople(db, "Hugo Brightwater");
    expect(exact[0].name).toBe("Hugo Brightwater");
  });

  it("offers the companies people left, or went to, by name, with any already selected", async () => {
    const slugs = async (side: "left" | "destination", selected: string[] = []) => (await companyOptions(db, side, selected)).map((c) => c.slug);
    expect(await slugs("left")).toEqual(["northwind-labs", "southport-ai"]);
    expect(await slugs("destination")).toEqual(["eastgate-robotics", "westfield-bio"]);
    expect(await slugs("left", ["eastgate-robotics"])).toEqual(["eastgate-robotics", "northwind-labs", "southport-ai"]);
  });

  it("finds companies by alias and counts events at and to them", async () => {
    const [nw] = await lookupCompanies(db, "ノースウィンド");
    expect(nw).toMatchObject({ slug: "northwind-labs", matched: "ノースウィンド" });
    const [east] = await lookupCompanies(db, "eastgate");
    expect(east).toMatchObject({ slug: "eastgate-robotics", eventCount: 3 });
    expect(await lookupPeople(db, " ・ ")).toEqual([]);
    expect(normalizeName(" ・ ")).toBe("");
  });
});
