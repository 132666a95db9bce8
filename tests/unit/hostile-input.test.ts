/**
 * The hostile-input suite: every class a probe of the running app found, generated combinatorially and
 * run against the real code: the shared claim schema (what the form, its server action, POST
 * /api/claims and the CLI all parse with), the form-side reader, the GET route handlers, POST
 * /api/claims and the XML writers. Each case asserts a clear 4xx or a field error (never a 5xx, never a
 * throw) and that nothing was stored (row counts before and after).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { ingestClaim } from "@/lib/ingest/ingest-claim";
import { claimFormToInput, type FormValues } from "@/lib/validation/claim-form";
import { claimInputSchema } from "@/lib/validation/claim";
import { partialDateText } from "@/lib/validation/partial-date-field";
import { parseEventQuery, parseLookupQuery, paramsToRecord } from "@/lib/validation/event-filters";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { MEANINGLESS_MESSAGE, UNSTORABLE_MESSAGE, hasLetterOrDigit, isStorable } from "@/lib/validation/text";
import { xmlText } from "@/lib/xml/escape";
import { claimInput } from "../factories/claims";
import { rowCounts } from "../helpers/row-counts";
import { useTestDb } from "../helpers/test-db";

const { db, url } = useTestDb();

// ---- the hostile values ---------------------------------------------------------------------------

/** Characters no text field can store: each must give "contains characters that cannot be stored". */
const UNSTORABLE: Record<string, string> = {
  "lone high surrogate": "Mira \ud800 Murati",
  "lone low surrogate": "Mira \udfff Murati",
  "reversed pair": "Mira \udc00\ud800 Murati",
  "only a lone surrogate": "\ud83d",
  NUL: "Mira\u0000Murati",
  "only NUL": "\u0000",
  BEL: "Mira\u0007Murati",
  "ANSI escape": "\u001b[31mMira Murati",
  "vertical tab": "Mira\u000bMurati",
  "form feed": "Mira\u000cMurati",
  DEL: "Mira\u007fMurati",
  "C1 NEL": "Mira\u0085Murati",
  "C1 CSI": "Mira\u009bMurati",
  "noncharacter U+FFFE": "Mira\ufffeMurati",
  "noncharacter U+FFFF": "Mira\uffff",
};

/** Values with no letter or digit once invisible characters are removed: refused for names, aliases, titles, excerpts. */
const MEANINGLESS: Record<string, string> = {
  "zero-width space": "\u200b",
  "zero-width joiners": "\u200c\u200d\u200c",
  BOM: "\ufeff",
  "word joiner": "\u2060\u2060",
  "bidi override": "\u202e\u202d",
  "bidi isolates": "\u2066\u2069",
  "LRM/RLM": "\u200e\u200f",
  "variation selectors": "\ufe0f\ufe0e",
  "tag characters": "\u{e0041}\u{e0042}",
  "soft hyphen": "\u00ad",
  "Hangul filler": "\u3164",
  "lone emoji": "😀",
  "emoji with skin tone": "👍🏽",
  "ZWJ emoji sequence": "👩‍💻",
  percent: "%",
  "percent run": "%%%",
  punctuation: "!?—…",
  "invisible around percent": "\u200b%\u200b",
};

/** Invisible-only: an optional field given only these is refused rather than stored as something that looks empty. */
const INVISIBLE_ONLY = Object.fromEntries(Object.entries(MEANINGLESS).filter(([, v]) => !/[\p{L}\p{N}\p{S}\p{P}]/u.test(v)));

// ---- the fields -----------------------------------------------------------------------------------

const base = () => ({
  source: { title: "Vessel leaves", url: "https://news.example/vessel", publisher: "Example News", language: "en", kind: "article" },
  excerpt: "Rosalind Vessel has left Thornbury Analytics.",
  person: { name: "Rosalind Vessel", aliases: [] as string[] },
  company: { name: "Thornbury Analytics", aliases: [] as string[] },
  kind: "departed",
  date: "2022-10",
});

type Payload = Record<string, unknown>;
const at = (payload: Payload, path: string, value: unknown): Payload => {
  const out = structuredClone(payload);
  const keys = path.split(".");
  let node: Record<string, unknown> = out;
  for (const k of keys.slice(0, -1)) {
    node[k] ??= {};
    node = node[k] as Record<string, unknown>;
  }
  node[keys.at(-1)!] = value;
  return out;
};

/** Text fields that must hold a letter or digit; the key is the path the field error lands on. */
const REQUIRED_TEXT: Record<string, (v: string) => Payload> = {
  "person.name": (v) => at(base(), "person.name", v),
  "person.aliases.0": (v) => at(base(), "person.aliases", [v]),
  "company.name": (v) => at(base(), "company.name", v),
  "company.aliases.0": (v) => at(base(), "company.aliases", [v]),
  "source.title": (v) => at(base(), "source.title", v),
  excerpt: (v) => at(base(), "excerpt", v),
  "destination.name": (v) => at(base(), "destination", { name: v, aliases: [], relation: "joined" }),
  "destination.aliases.0": (v) => at(base(), "destination", { name: "Nimbus Analytics", aliases: [v], relation: "joined" }),
  "reportsTo.name": (v) => at(base(), "reportsTo", { name: v, aliases: [] }),
};

/** Optional free-text fields. */
const OPTIONAL_TEXT: Record<string, (v: string) => Payload> = {
  translation: (v) => at(base(), "translation", v),
  context: (v) => at(base(), "context", v),
  contextTranslation: (v) => at(base(), "contextTranslation", v),
  role: (v) => at(base(), "role", v),
  team: (v) => at(base(), "team", v),
  datePhrase: (v) => at(base(), "datePhrase", v),
  reason: (v) => at(base(), "reason", v),
  note: (v) => at(base(), "note", v),
  "source.titleEnglish": (v) => at(base(), "source.titleEnglish", v),
  "source.publisher": (v) => at(base(), "source.publisher", v),
};

/** URL fields: the hostile character inside an otherwise valid address. */
const URL_FIELDS: Record<string, (v: string) => Payload> = {
  "source.url": (v) => at(base(), "source.url", `https://news.example/${v}`),
  "source.archiveUrl": (v) => at(base(), "source.archiveUrl", `https://archive.example/${v}`),
};

const DATE_FIELDS: Record<string, (v: string) => Payload> = {
  date: (v) => at(base(), "date", v),
  "source.publishedAt": (v) => at(base(), "source.publishedAt", v),
  "company.foundedAt": (v) => at(base(), "company.foundedAt", v),
};

function errorsOf(payload: Payload) {
  const parsed = claimInputSchema.safeParse(payload);
  return parsed.success ? null : fieldErrorsOf(parsed.error);
}

// ---- the schema every edge parses with --------------------------------------------------------------

describe("hostile text in the claim schema (form, action, API and CLI parse with it)", () => {
  it("the base payload is valid, so every refusal below is the hostile value's doing", () => {
    expect(errorsOf(base())).toBeNull();
  });

  const fields = { ...REQUIRED_TEXT, ...OPTIONAL_TEXT };
  for (const [field, build] of Object.entries(fields)) {
    for (const [name, value] of Object.entries(UNSTORABLE)) {
      it(`${field}: ${name} → "${UNSTORABLE_MESSAGE}"`, () => {
        const errors = errorsOf(build(value));
        expect(errors?.[field]?.join(" ")).toContain(UNSTORABLE_MESSAGE);
      });
    }
  }
  for (const [field, build] of Object.entries(URL_FIELDS)) {
    for (const [name, value] of Object.entries(UNSTORABLE)) {
      it(`${field}: ${name} inside a URL → refused`, () => {
        const errors = errorsOf(build(value));
        expect(errors?.[field]?.length ?? 0).toBeGreaterThan(0);
      });
    }
  }
  for (const [field, build] of Object.entries(REQUIRED_TEXT)) {
    for (const [name, value] of Object.entries(MEANINGLESS)) {
      it(`${field}: only ${name} → needs a letter or digit (or is required)`, () => {
        const message = errorsOf(build(value))?.[field]?.join(" ") ?? "";
        expect(message).toMatch(new RegExp(`${MEANINGLESS_MESSAGE}|is required`));
      });
    }
  }
  for (const [field, build] of Object.entries(OPTIONAL_TEXT)) {
    for (const [name, value] of Object.entries(INVISIBLE_ONLY)) {
      it(`${field}: only ${name} → refused, or read as empty: never stored as an invisible value`, () => {
        const parsed = claimInputSchema.safeParse(build(value));
        if (parsed.success) {
          const kept = field.split(".").reduce<unknown>((node, k) => (node as Record<string, unknown> | undefined)?.[k], parsed.data);
          expect(kept ?? "").toBe("");
        } else {
          expect(fieldErrorsOf(parsed.error)[field]?.join(" ")).toContain(MEANINGLESS_MESSAGE);
        }
      });
    }
  }

  it("real names in any script, with joiners inside, still pass", () => {
    for (const name of ["ミーラ・モラティ", "Míra Muráti", "می‌خواهم", "क्‍ष", "X Æ A-12", "李", "O'Brien", "<script>alert(1)</script>"]) {
      expect(errorsOf(at(base(), "person.name", name)), name).toBeNull();
    }
  });
  it("an excerpt keeps its newlines and tabs; a name may not", () => {
    expect(errorsOf(at(base(), "excerpt", "line one\nline two\r\n\tindented"))).toBeNull();
    expect(errorsOf(at(base(), "person.name", "Rosalind\nVessel"))?.["person.name"]?.join(" ")).toContain(UNSTORABLE_MESSAGE);
  });
  it("invisible characters at the ends of a name are trimmed with the spaces", () => {
    const parsed = claimInputSchema.parse(at(base(), "person.name", "\u200b Rosalind Vessel \ufeff"));
    expect(parsed.person.name).toBe("Rosalind Vessel");
  });
  it("an empty optional field still clears it", () => {
    expect(errorsOf(at(base(), "translation", ""))).toBeNull();
    expect(errorsOf(at(base(), "note", "   "))).toBeNull();
  });
  it("a source's full text is checked too", () => {
    const payload = at(base(), "source.text", "Rosalind Vessel has left Thornbury Analytics.\u0000");
    expect(errorsOf(payload)?.["source.text"]?.join(" ")).toContain(UNSTORABLE_MESSAGE);
  });
});

describe("dates are bounded by today, every bound of a range included", () => {
  const FUTURE = ["2020/9999", "2020/2999-01", "../9999", "9999", "2999-Q1", "2020-01/2100-12-31", `${new Date().getUTCFullYear() + 1}`];
  for (const [field, build] of Object.entries(DATE_FIELDS)) {
    for (const value of FUTURE) {
      it(`${field} = ${value} → refused`, () => {
        expect(errorsOf(build(value))?.[field]?.length ?? 0).toBeGreaterThan(0);
      });
    }
    for (const [name, value] of Object.entries(UNSTORABLE).slice(0, 4)) {
      it(`${field}: ${name} → refused`, () => {
        expect(errorsOf(build(value))?.[field]?.length ?? 0).toBeGreaterThan(0);
      });
    }
  }
  it("the current year and a range ending in it are still allowed", () => {
    const year = new Date().getUTCFullYear();
    expect(partialDateText.safeParse(`${year}`).success).toBe(true);
    expect(partialDateText.safeParse(`2020/${year}`).success).toBe(true);
    expect(partialDateText.safeParse("2017/2018").success).toBe(true);
  });
});

describe("ids are strictly typed in JSON", () => {
  const BAD_IDS: [string, unknown][] = [
    ["true", true],
    ["false", false],
    ['"1"', "1"],
    ['" 1"', " 1"],
    ['"1e3"', "1e3"],
    ["[1]", [1]],
    ["[]", []],
    ["{}", {}],
    ["null", null],
    ["1.5", 1.5],
    ["0", 0],
    ["-1", -1],
    ["2^53", 2 ** 53],
    ["NaN-like string", "NaN"],
  ];
  for (const [name, id] of BAD_IDS) {
    it(`source.id = ${name} → field error on source, never coerced`, () => {
      const errors = errorsOf(at(base(), "source", { id }));
      expect(errors, JSON.stringify(errors)).not.toBeNull();
      expect(Object.keys(errors!).some((k) => k.startsWith("source"))).toBe(true);
    });
    it(`eventId = ${name} → field error`, () => {
      expect(errorsOf(at(base(), "eventId", id))?.eventId?.length ?? 0).toBeGreaterThan(0);
    });
  }
  it("a number is an id", () => {
    expect(claimInputSchema.safeParse(at(base(), "source", { id: 3 })).success).toBe(true);
    expect(claimInputSchema.safeParse(at(base(), "eventId", 12)).success).toBe(true);
  });
});

describe("the form-side reader turns digit strings, and only those, into ids", () => {
  const form = (overrides: FormValues): FormValues => ({
    "person.name": "Rosalind Vessel",
    "company.name": "Thornbury Analytics",
    kind: "departed",
    "date.precision": "unknown",
    "destination.relation": "unknown",
    "source.mode": "recorded",
    "source.id": "3",
    excerpt: "Rosalind Vessel has left Thornbury Analytics.",
    editor: "form-test",
    ...overrides,
  });
  it('"3" from a select becomes source id 3; "12" from the event choice becomes eventId 12', () => {
    const { raw } = claimFormToInput(form({ "event.choice": "12" }));
    const parsed = claimInputSchema.parse(raw);
    expect(parsed.source).toEqual({ id: 3 });
    expect(parsed.eventId).toBe(12);
  });
  for (const id of ["true", "1e3", "0x10", "-1", "1.5", "", "abc", "[1]", "1 OR 1=1"]) {
    it(`source.id "${id}" from a form → field error`, () => {
      const { raw } = claimFormToInput(form({ "source.id": id }));
      const parsed = claimInputSchema.safeParse(raw);
      expect(parsed.success).toBe(false);
    });
  }
  for (const [name, value] of Object.entries(UNSTORABLE).slice(0, 6)) {
    for (const field of ["person.name", "company.name", "excerpt", "translation", "person.aliases"]) {
      it(`form field ${field}: ${name} → field error`, () => {
        const { raw } = claimFormToInput(form({ [field]: value }));
        const parsed = claimInputSchema.safeParse(raw);
        expect(parsed.success).toBe(false);
        expect(JSON.stringify(fieldErrorsOf(parsed.error!))).toContain(UNSTORABLE_MESSAGE);
      });
    }
  }
});

// ---- query params ---------------------------------------------------------------------------------

const PROTO_KEYS = [
  "constructor",
  "toString",
  "__proto__",
  "valueOf",
  "hasOwnProperty",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toLocaleString",
  "__defineGetter__",
  "__lookupSetter__",
  "prototype",
];

describe("query keys named like Object.prototype members are ignored", () => {
  for (const key of PROTO_KEYS) {
    it(`parseEventQuery ?${key}=1 → the unfiltered query`, () => {
      const r = parseEventQuery(new URLSearchParams(`${key}=1`));
      expect(r.ok).toBe(true);
    });
    it(`parseLookupQuery ?q=mira&${key}=1 → a lookup for mira`, () => {
      const r = parseLookupQuery(new URLSearchParams(`q=mira&${key}=1`));
      expect(r).toMatchObject({ ok: true, query: { q: "mira" } });
    });
  }
  it("paramsToRecord keeps own keys only, on a record with no prototype", () => {
    const record = paramsToRecord(new URLSearchParams("__proto__=1&constructor=2&q=a"));
    expect(Object.getPrototypeOf(record)).toBeNull();
    expect(Object.keys(record).sort()).toEqual(["__proto__", "constructor", "q"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it("a page's searchParams object with a poisoned prototype is read by own keys only", () => {
    const poisoned = Object.create({ company: ["openai"] }) as Record<string, string>;
    poisoned.q = "mira";
    const r = parseEventQuery(poisoned);
    expect(r).toMatchObject({ ok: true, query: { q: "mira", company: [] } });
  });
});

// ---- the route handlers ---------------------------------------------------------------------------

type Handler = (request: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const routes: Record<string, Handler> = {};

const counts = () => rowCounts(db);

beforeAll(async () => {
  process.env.DATABASE_URL = url;
  delete (globalThis as { departuresDb?: unknown }).departuresDb;
  const load = async (name: string, path: Promise<{ GET?: unknown; POST?: unknown }>, method: "GET" | "POST" = "GET") => {
    routes[name] = (await path)[method] as Handler;
  };
  await Promise.all([
    load("/api/events", import("@/app/api/events/route")),
    load("/api/people", import("@/app/api/people/route")),
    load("/api/companies", import("@/app/api/companies/route")),
    load("/api/suggest", import("@/app/api/suggest/route")),
    load("/api/search", import("@/app/api/search/route")),
    load("/feed.xml", import("@/app/feed.xml/route")),
    load("/api/companies/[slug]/org", import("@/app/api/companies/[slug]/org/route")),
    load("/api/companies/[slug]/org/diff", import("@/app/api/companies/[slug]/org/diff/route")),
    load("/companies/[slug]/org/svg", import("@/app/companies/[slug]/org/svg/route")),
    load("/companies/[slug]/org/go", import("@/app/companies/[slug]/org/go/route")),
    load("POST /api/claims", import("@/app/api/claims/route"), "POST"),
  ]);
  // a company with a chart and a person, through the one write path
  await ingestClaim(
    db,
    claimInput({
      company: { name: "Quillwork Labs", aliases: [] },
      person: { name: "Ada Vale", aliases: [] },
      kind: "joined",
      date: "2019-03",
      excerpt: "Ada Vale joined Quillwork Labs",
    }),
  );
});

const call = (name: string, path: string, params: Record<string, string> = {}) =>
  routes[name](new NextRequest(new URL(path, "http://localhost:3000")), { params: Promise.resolve(params) });

/** The GET routes, each with a valid base query (so only the hostile key differs). */
const GET_ROUTES: [string, string, Record<string, string>][] = [
  ["/api/events", "/api/events?", {}],
  ["/api/events", "/api/events?format=csv&", {}],
  ["/api/people", "/api/people?q=ada&", {}],
  ["/api/companies", "/api/companies?q=quill&", {}],
  ["/api/suggest", "/api/suggest?type=person&q=ada&", {}],
  ["/api/search", "/api/search?q=ada&", {}],
  ["/feed.xml", "/feed.xml?", {}],
  ["/api/companies/[slug]/org", "/api/companies/quillwork-labs/org?", { slug: "quillwork-labs" }],
  ["/api/companies/[slug]/org/diff", "/api/companies/quillwork-labs/org/diff?from=2019-01-01&to=2020-01-01&", { slug: "quillwork-labs" }],
  ["/companies/[slug]/org/svg", "/companies/quillwork-labs/org/svg?", { slug: "quillwork-labs" }],
  ["/companies/[slug]/org/go", "/companies/quillwork-labs/org/go?i=0&", { slug: "quillwork-labs" }],
];

describe("every GET route × every prototype-named key: never a 5xx", () => {
  for (const [name, path, params] of GET_ROUTES) {
    for (const key of PROTO_KEYS) {
      it(`${path}${key}=1`, async () => {
        const before = await counts();
        const res = await call(name, `${path}${key}=1`, params);
        expect(res.status).toBeLessThan(500);
        if (res.status !== 303) expect(res.status).toBe(200);
        await res.arrayBuffer();
        expect(await counts()).toEqual(before);
      });
    }
  }
});

/** Params as Next hands them over: already percent-decoded once, so these are what `/x/%25`, `/x/%25E0`… become. */
const HOSTILE_SLUGS = [
  "%",
  "%E0",
  "%E0%A4%A",
  "%25",
  "%%",
  "\ud800",
  "a\u0000b",
  "\u0007",
  "x".repeat(2000),
  "..",
  "../../etc/passwd",
  "<script>",
  "quillwork-labs\u200b",
];
const SLUG_ROUTES: [string, string][] = [
  ["/api/companies/[slug]/org", "/api/companies/x/org"],
  ["/api/companies/[slug]/org/diff", "/api/companies/x/org/diff?from=2019-01-01&to=2020-01-01"],
  ["/companies/[slug]/org/svg", "/companies/x/org/svg"],
  ["/companies/[slug]/org/go", "/companies/x/org/go?i=0"],
];

describe("every slug route × every malformed or hostile slug: a JSON 404, never a URIError 500", () => {
  for (const [name, path] of SLUG_ROUTES) {
    for (const slug of HOSTILE_SLUGS) {
      it(`${name} with slug ${JSON.stringify(slug.slice(0, 20))}`, async () => {
        const res = await call(name, path, { slug });
        expect(res.status).toBe(404);
        expect(await res.json()).toHaveProperty("error");
      });
    }
  }
});

describe("hostile query values on the list routes: a 400 with field errors or an empty answer, never a 5xx", () => {
  const VALUES = ["%00", "%E0", "%ED%A0%80", "\u0000".repeat(3), "' OR 1=1 --", "%25", "x".repeat(300), "🙂".repeat(60)];
  const PARAMS: [string, string][] = [
    ["/api/events", "/api/events?q="],
    ["/api/events", "/api/events?title="],
    ["/api/events", "/api/events?company="],
    ["/api/events", "/api/events?from="],
    ["/api/events", "/api/events?cursor="],
    ["/api/events", "/api/events?limit="],
    ["/api/people", "/api/people?q="],
    ["/api/companies", "/api/companies?q="],
    ["/api/suggest", "/api/suggest?type=company&q="],
    ["/api/search", "/api/search?type=all&q="],
    ["/feed.xml", "/feed.xml?q="],
  ];
  for (const [name, path] of PARAMS) {
    for (const value of VALUES) {
      it(`${path}${value.slice(0, 16)}`, async () => {
        const res = await call(name, `${path}${value.includes("%") ? value : encodeURIComponent(value)}`);
        expect(res.status).toBeLessThan(500);
        expect([200, 400]).toContain(res.status);
        await res.arrayBuffer();
      });
    }
  }
});

describe("POST /api/claims with hostile JSON: a 4xx and nothing stored (whatever the caller's role)", () => {
  const post = (body: unknown) =>
    routes["POST /api/claims"](
      new NextRequest("http://localhost:3000/api/claims", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: typeof body === "string" ? body : JSON.stringify(body),
      }),
      { params: Promise.resolve({}) },
    );
  const cases: [string, unknown][] = [
    ...Object.entries(UNSTORABLE).flatMap(([name, v]) => [
      [`person.name ${name}`, REQUIRED_TEXT["person.name"](v)] as [string, unknown],
      [`excerpt ${name}`, REQUIRED_TEXT.excerpt(v)] as [string, unknown],
    ]),
    ...Object.entries(MEANINGLESS).map(([name, v]) => [`person.aliases ${name}`, REQUIRED_TEXT["person.aliases.0"](v)] as [string, unknown]),
    ['source {"id": true}', at(base(), "source", { id: true })],
    ['source {"id": "1"}', at(base(), "source", { id: "1" })],
    ["source {id: [1]}", at(base(), "source", { id: [1] })],
    ["date 2020/9999", at(base(), "date", "2020/9999")],
    // raw JSON escapes produce lone surrogates after JSON.parse, past the UTF-8 check
    ["raw \\ud800 escape in the name", JSON.stringify(base()).replace('"Rosalind Vessel"', '"Rosalind \\ud800 Vessel"')],
    ["raw \\u0000 escape in the excerpt", JSON.stringify(base()).replace("Rosalind Vessel has left", "Rosalind\\u0000 Vessel has left")],
    ["a body that is a JSON string", '"hello"'],
    ["a body that is null", "null"],
    ["a body that is an array", "[1,2]"],
    ["__proto__ in the body", '{"__proto__": {"isAdmin": true}, "constructor": {"prototype": {"x": 1}}}'],
  ];
  for (const [name, body] of cases) {
    it(name, async () => {
      const before = await counts();
      const res = await post(body);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(await counts()).toEqual(before);
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    });
  }
});

// ---- XML output ------------------------------------------------------------------------------------

/** Characters XML 1.0 cannot carry anywhere in a document. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;

describe("a control character never reaches XML output", () => {
  for (const [name, value] of Object.entries(UNSTORABLE)) {
    it(`xmlText strips ${name}`, () => {
      const out = xmlText(`<b>${value}</b> & "q"`);
      expect(NOT_XML.test(out)).toBe(false);
      expect(out).not.toContain("<b>");
    });
  }

  it("rows stored before these rules (written around the schema) still give a valid feed and SVG", async () => {
    // a legacy row: the schema would refuse these names, so they are written straight to the database
    const company = await db.company.findFirstOrThrow({ where: { slug: "quillwork-labs" } });
    const person = await db.person.findFirstOrThrow({ where: { slug: "ada-vale" } });
    await db.person.update({ where: { id: person.id }, data: { name: "Ada\u0001 Vale\u001b" } });
    await db.company.update({ where: { id: company.id }, data: { name: "Quill\u0002work <Labs>" } });
    try {
      const feed = await (await call("/feed.xml", "/feed.xml")).text();
      expect(feed).toContain("Ada Vale");
      expect(NOT_XML.test(feed)).toBe(false);
      const svg = await (await call("/companies/[slug]/org/svg", "/companies/quillwork-labs/org/svg", { slug: "quillwork-labs" })).text();
      expect(svg).toContain("<svg");
      expect(NOT_XML.test(svg)).toBe(false);
      expect(svg).toContain("Quillwork &lt;Labs&gt;");
    } finally {
      await db.person.update({ where: { id: person.id }, data: { name: "Ada Vale" } });
      await db.company.update({ where: { id: company.id }, data: { name: "Quillwork Labs" } });
    }
  });

  it("feed and SVG links use DEPARTURES_PUBLIC_URL, else the request's host", async () => {
    const headers = { "x-forwarded-host": "departures.example.org", "x-forwarded-proto": "https" };
    const forwarded = await routes["/feed.xml"](new NextRequest("http://localhost:3000/feed.xml", { headers }), { params: Promise.resolve({}) });
    const text = await forwarded.text();
    expect(text).toContain("https://departures.example.org/events/");
    expect(text).not.toContain("localhost");
    const hostile = await routes["/feed.xml"](new NextRequest("http://localhost:3000/feed.xml", { headers: { "x-forwarded-host": '"><x y="' } }), {
      params: Promise.resolve({}),
    });
    expect(await hostile.text()).not.toContain("<x y=");
  });
});

describe("the text rules", () => {
  it("isStorable and hasLetterOrDigit agree with the lists above", () => {
    for (const v of Object.values(UNSTORABLE)) expect(isStorable(v), JSON.stringify(v)).toBe(false);
    for (const v of Object.values(MEANINGLESS)) expect(hasLetterOrDigit(v), JSON.stringify(v)).toBe(false);
    for (const v of ["Mira", "ミーラ", "٣", "Ⅻ"]) expect(hasLetterOrDigit(v)).toBe(true);
  });
});
