// The browse benchmark's synthetic dataset, the same on every run and on both databases (one seeded
// PRNG, drawn in one order): people (a third also written in katakana), companies (a few large ones hold
// most events), events at day/month/quarter/year/range precision (5% unknown, 2% retracted) and their
// claims over a pool of sources. Produced as rows per table for bench-db.ts to load.
import { normalizeName, slugify } from "@/lib/domain/names";
import { partialDate } from "@/lib/domain/partial-date";
import { EVENT_KINDS, ROLE_CATEGORIES } from "@/lib/domain/vocabulary";
import type { TableRows } from "./bench-db";
import { seededRandom } from "./random";

export interface Sizes {
  people: number;
  companies: number;
  events: number;
  claims: number;
}

// Names built from syllables that have a katakana spelling, so katakana aliases are real alternatives.
const SYLLABLES: [string, string][] = [
  ["ka", "カ"],
  ["ki", "キ"],
  ["ku", "ク"],
  ["ke", "ケ"],
  ["ko", "コ"],
  ["sa", "サ"],
  ["shi", "シ"],
  ["su", "ス"],
  ["se", "セ"],
  ["so", "ソ"],
  ["ta", "タ"],
  ["chi", "チ"],
  ["tsu", "ツ"],
  ["te", "テ"],
  ["to", "ト"],
  ["na", "ナ"],
  ["ni", "ニ"],
  ["nu", "ヌ"],
  ["ne", "ネ"],
  ["no", "ノ"],
  ["ha", "ハ"],
  ["hi", "ヒ"],
  ["fu", "フ"],
  ["he", "ヘ"],
  ["ho", "ホ"],
  ["ma", "マ"],
  ["mi", "ミ"],
  ["mu", "ム"],
  ["me", "メ"],
  ["mo", "モ"],
  ["ya", "ヤ"],
  ["yu", "ユ"],
  ["yo", "ヨ"],
  ["ra", "ラ"],
  ["ri", "リ"],
  ["ru", "ル"],
  ["re", "レ"],
  ["ro", "ロ"],
  ["wa", "ワ"],
  ["da", "ダ"],
];
const COMPANY_SUFFIX = ["Labs", "AI", "Systems", "Robotics", "Research", "Bio", "Cloud", "Dynamics"];
const ROLES: Record<string, string[]> = {
  executive: ["CEO", "CTO", "CFO", "COO", "President"],
  research: ["Research Scientist", "Chief Scientist", "VP of Research", "Research Lead"],
  engineering: ["Software Engineer", "Engineering Manager", "VP of Engineering", "Technical Lead"],
  product: ["Product Manager", "Head of Product", "Chief Product Officer"],
  safety_policy: ["Safety Researcher", "Head of Policy", "Alignment Lead"],
  operations: ["VP of People", "Head of Operations", "Chief of Staff"],
  board: ["Board Member", "Board Chair"],
  founder: ["Co-founder", "Founding Member"],
};

export function syntheticTables(sizes: Sizes, now = new Date().toISOString()): TableRows[] {
  const { rand, int } = seededRandom(0x5eed);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  /** Zipf-like: a few large companies hold most events, as in real data. */
  const skewed = (n: number) => Math.min(n - 1, Math.floor(n * rand() ** 3));
  const word = (min: number, max: number): [string, string] => {
    const parts = Array.from({ length: min + int(max - min + 1) }, () => pick(SYLLABLES));
    const latin = parts.map((p) => p[0]).join("");
    return [latin[0].toUpperCase() + latin.slice(1), parts.map((p) => p[1]).join("")];
  };
  /** A partial date between 2000 and 2025 at a realistic mix of precisions; null = unknown. */
  const randomDate = () => {
    const r = rand();
    if (r < 0.05) return null;
    const year = 2000 + int(26);
    const month = String(1 + int(12)).padStart(2, "0");
    if (r < 0.45) return partialDate(`${year}-${month}-${String(1 + int(28)).padStart(2, "0")}`);
    if (r < 0.75) return partialDate(`${year}-${month}`);
    if (r < 0.8) return partialDate(`${year}-Q${1 + int(4)}`);
    if (r < 0.95) return partialDate(`${year}`);
    return partialDate(`${year}/${Math.min(2025, year + 1)}`);
  };

  // Drawn eagerly, in a fixed order, so the dataset does not depend on how the loader consumes it.
  const companies: unknown[][] = [];
  const companyAliases: unknown[][] = [];
  for (let id = 1; id <= sizes.companies; id++) {
    const [latin, kana] = word(2, 3);
    const name = `${latin} ${pick(COMPANY_SUFFIX)}`;
    companies.push([id, `${slugify(name)}-${id}`, name, "company", now]);
    companyAliases.push([id, name, normalizeName(name)]);
    if (id % 5 === 0) companyAliases.push([id, kana, normalizeName(kana)]);
  }
  const people: unknown[][] = [];
  const personAliases: unknown[][] = [];
  for (let id = 1; id <= sizes.people; id++) {
    const [first, firstKana] = word(2, 3);
    const [last, lastKana] = word(2, 4);
    const name = `${first} ${last}`;
    people.push([id, `${slugify(name)}-${id}`, name, now]);
    personAliases.push([id, name, normalizeName(name)]);
    // a third of people are also written in katakana, as Japanese sources do
    if (id % 3 === 0) personAliases.push([id, `${firstKana}・${lastKana}`, normalizeName(`${firstKana}・${lastKana}`)]);
  }
  const sourceCount = Math.max(1, Math.round(sizes.claims / 50));
  const sources: unknown[][] = [];
  for (let id = 1; id <= sourceCount; id++) {
    const url = `https://news.example/${id}`;
    sources.push([
      id,
      `Synthetic article ${id}`,
      `Publisher ${id % 300}`,
      url,
      `url:${url}`,
      String(2000 + (id % 26)),
      "year",
      id % 4 === 0 ? "ja" : "en",
      "article",
      now,
    ]);
  }
  // claims per event: one each, the rest spread at random
  const claimsPer = new Uint8Array(sizes.events).fill(1);
  for (let i = sizes.events; i < sizes.claims; i++) {
    const e = int(sizes.events);
    if (claimsPer[e] < 255) claimsPer[e]++;
  }
  const events: unknown[][] = [];
  const claims: unknown[][] = [];
  for (let id = 1; id <= sizes.events; id++) {
    const r = rand();
    // a twentieth of all events are dismissals: departures with manner "fired" (the evidence model's v2)
    const kind = r < 0.55 ? "departed" : r < 0.75 ? "joined" : r < 0.8 ? "departed" : pick(EVENT_KINDS);
    const manner = r >= 0.75 && r < 0.8 ? "fired" : null;
    const category = pick(ROLE_CATEGORIES);
    const role = pick(ROLES[category]);
    const date = randomDate();
    const hasDestination = kind === "departed" && rand() < 0.45;
    const destinationId = hasDestination ? 1 + skewed(sizes.companies) : null;
    const relation = hasDestination ? (rand() < 0.12 ? "founded" : "joined") : null;
    const s = rand();
    const n = claimsPer[id - 1];
    const status = s < 0.02 ? "retracted" : s < 0.07 ? "disputed" : n > 1 ? "corroborated" : "reported";
    const counted = status === "retracted" ? 0 : n;
    events.push([
      id,
      1 + int(sizes.people),
      1 + skewed(sizes.companies),
      kind,
      manner,
      role,
      category,
      date?.text ?? null,
      date?.precision ?? null,
      date?.earliest ?? null,
      date?.latest ?? null,
      date?.earliest ?? "",
      destinationId,
      relation,
      status,
      counted,
      counted,
      now,
      now,
    ]);
    for (let c = 0; c < n; c++) {
      const claimId = claims.length + 1;
      claims.push([
        id,
        1 + int(sourceCount),
        `bench:${claimId}`,
        `Synthetic excerpt ${claimId}: the ${role} ${kind} in ${date?.text ?? "an unknown year"}.`,
        kind,
        manner,
        role,
        category,
        date?.text ?? null,
        date?.precision ?? null,
        date?.earliest ?? null,
        date?.latest ?? null,
        destinationId,
        relation,
        status === "retracted" ? "retracted" : "active",
        now,
      ]);
    }
  }
  return [
    { table: "Company", columns: ["id", "slug", "name", "kind", "createdAt"], rows: companies },
    { table: "CompanyAlias", columns: ["companyId", "name", "key"], rows: companyAliases },
    { table: "Person", columns: ["id", "slug", "name", "createdAt"], rows: people },
    { table: "PersonAlias", columns: ["personId", "name", "key"], rows: personAliases },
    {
      table: "Source",
      columns: ["id", "title", "publisher", "url", "dedupKey", "publishedText", "publishedPrecision", "language", "kind", "createdAt"],
      rows: sources,
    },
    {
      table: "Event",
      columns: [
        "id",
        "personId",
        "companyId",
        "kind",
        "manner",
        "role",
        "roleCategory",
        "dateText",
        "datePrecision",
        "dateEarliest",
        "dateLatest",
        "sortDate",
        "destinationId",
        "destinationRelation",
        "status",
        "claimCount",
        "sourceCount",
        "createdAt",
        "updatedAt",
      ],
      rows: events,
    },
    {
      table: "Claim",
      columns: [
        "eventId",
        "sourceId",
        "dedupKey",
        "excerpt",
        "kind",
        "manner",
        "role",
        "roleCategory",
        "dateText",
        "datePrecision",
        "dateEarliest",
        "dateLatest",
        "destinationId",
        "destinationRelation",
        "state",
        "createdAt",
      ],
      rows: claims,
    },
  ];
}
