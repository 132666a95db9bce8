import { describe, expect, it } from "vitest";
import {
  DEFAULT_QUERY,
  decodeCursor,
  encodeCursor,
  hasActiveFilters,
  filtersOf,
  parseEventQuery,
  queryString,
  toSearchParams,
} from "@/lib/validation/event-filters";

const parse = (qs: string) => parseEventQuery(new URLSearchParams(qs));
const ok = (qs: string) => {
  const r = parse(qs);
  if (!r.ok) throw new Error(`expected ${qs} to parse: ${JSON.stringify(r.fieldErrors)}`);
  return r.query;
};
const errors = (qs: string) => {
  const r = parse(qs);
  if (r.ok) throw new Error(`expected ${qs} to be rejected`);
  return r.fieldErrors;
};

describe("parseEventQuery: defaults", () => {
  it("takes people by slug, repeated or comma-separated, and writes them back canonically", () => {
    expect(ok("person=mira-murati,jan-leike").person).toEqual(["mira-murati", "jan-leike"]);
    expect(toSearchParams(ok("kind=departed&person=mira-murati")).toString()).toBe("person=mira-murati&kind=departed");
    const bad = parseEventQuery(new URLSearchParams("person=mira murati"));
    expect(bad.ok ? null : bad.fieldErrors.person?.[0]).toMatch(/person's slug/);
  });

  it("with no params shows everything but retracted events, newest first, 50 a page", () => {
    expect(ok("")).toEqual({
      person: [],
      company: [],
      role: [],
      destination: [],
      kind: [],
      tag: [],
      units: false,
      status: ["reported", "corroborated", "disputed"],
      sort: "newest",
      limit: 50,
      view: "timeline",
      format: "json",
      bom: false,
    });
  });

  it("treats the empty fields a GET form submits as absent", () => {
    expect(ok("q=&title=&from=&to=&company=&limit=&sort=")).toEqual(DEFAULT_QUERY);
  });
});

describe("parseEventQuery: bad params", () => {
  it("reports every bad param at once, each under its own name", () => {
    const e = errors("from=notadate&limit=100000&kind=bogus");
    expect(e.from).toEqual([expect.stringContaining('"notadate" is not a date')]);
    expect(e.limit).toEqual(["limit is at most 200"]);
    expect(e.kind).toEqual([expect.stringContaining('Unknown kind "bogus"')]);
  });

  it.each([
    ["limit=0", "limit", "at least 1"],
    ["limit=2.5", "limit", "whole number"],
    ["limit=ten", "limit", "whole number"],
    ["status=gone", "status", 'Unknown status "gone"'],
    ["role=ceo", "role", 'Unknown role category "ceo"'],
    ["sort=random", "sort", 'Unknown sort "random"'],
    ["view=grid", "view", 'Unknown view "grid"'],
    ["format=xml", "format", 'Unknown format "xml"'],
    ["company=open%20ai", "company", "slug"],
    ["to=2024-02-30", "to", "does not exist"],
    ["from=2017/2018", "from", "is a range"],
    ["q=" + "x".repeat(101), "q", "at most 100"],
  ])("%s is rejected on %s", (qs, field, message) => {
    expect(errors(qs)[field as "limit"]?.join(" ")).toContain(message);
  });

  it("rejects a range that ends before it starts, on the `to` field", () => {
    expect(errors("from=2024-05&to=2023").to).toEqual([expect.stringContaining("before")]);
    expect(ok("from=2024-05&to=2024-05")).toMatchObject({ from: "2024-05", to: "2024-05" });
  });

  it("caps how many values a list param takes", () => {
    const many = Array.from({ length: 21 }, (_, i) => `company=c${i}`).join("&");
    expect(errors(many).company).toEqual(["Pick at most 20 companies"]);
  });
});

describe("parseEventQuery: values", () => {
  it("takes repeated and comma-separated values, once each", () => {
    expect(ok("company=openai&company=tesla,openai&kind=departed,leave_started")).toMatchObject({
      company: ["openai", "tesla"],
      kind: ["departed", "leave_started"],
    });
  });

  it("takes destination tokens for founding one's own company and for no destination on record", () => {
    expect(ok("destination=~founded&destination=~unknown&destination=anthropic").destination).toEqual(["~founded", "~unknown", "anthropic"]);
  });

  it("reads status=all as every status, retracted included, and a single status as just that one", () => {
    expect(ok("status=all").status).toEqual(["reported", "corroborated", "disputed", "retracted"]);
    expect(ok("status=retracted").status).toEqual(["retracted"]);
  });

  it("keeps a search in any script as typed", () => {
    expect(ok("q=%E3%83%A0%E3%83%A9%E3%83%86%E3%82%A3").q).toBe("ムラティ");
  });
});

describe("cursors", () => {
  it("round-trip through the URL, non-Latin names included", () => {
    const cursor = { sort: "person" as const, key: ["ミーラ・モラティ", 7, "2024-09-25", 12] as [string, number, string, number] };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(ok(`sort=person&cursor=${encodeCursor(cursor)}`).cursor).toEqual(cursor);
  });

  it("accept an unknown date ('') as the last row's date", () => {
    const cursor = { sort: "newest" as const, key: ["", 3] as [string, number] };
    expect(ok(`cursor=${encodeCursor(cursor)}`).cursor).toEqual(cursor);
  });

  it("reject tampered text and a cursor from another sort order", () => {
    expect(errors("cursor=abc").cursor).toEqual([expect.stringContaining("not valid")]);
    expect(decodeCursor(Buffer.from('["newest","2024-01-01",-1]').toString("base64url"))).toBeNull();
    expect(decodeCursor(Buffer.from('["newest","DROP TABLE",1]').toString("base64url"))).toBeNull();
    const newest = encodeCursor({ sort: "newest", key: ["2024-01-01", 5] });
    expect(errors(`sort=company&cursor=${newest}`).cursor).toEqual([expect.stringContaining("another sort order")]);
  });
});

describe("toSearchParams", () => {
  it("leaves defaults out, so the unfiltered view is just /", () => {
    expect(queryString(DEFAULT_QUERY)).toBe("");
  });

  it("round-trips a query through the URL", () => {
    const q = ok(
      "q=murati&company=openai&company=tesla&role=research&title=CTO&destination=~founded&kind=departed&from=2020&to=2024-Q3&status=all&view=table&sort=person&limit=20",
    );
    expect(ok(toSearchParams(q).toString())).toEqual(q);
  });

  it("applies overrides, as a chip removing one value does", () => {
    const q = ok("company=openai&company=tesla&kind=departed");
    expect(queryString(q, { company: ["tesla"] })).toBe("?company=tesla&kind=departed");
  });
});

describe("hasActiveFilters", () => {
  it("is false for the default view and true once anything narrows it", () => {
    expect(hasActiveFilters(filtersOf(DEFAULT_QUERY))).toBe(false);
    expect(hasActiveFilters(filtersOf(ok("view=table&sort=oldest&limit=10")))).toBe(false);
    expect(hasActiveFilters(filtersOf(ok("status=all")))).toBe(true);
    expect(hasActiveFilters(filtersOf(ok("q=murati")))).toBe(true);
  });
});
