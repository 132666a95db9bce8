import { describe, expect, it } from "vitest";
import { claimSubmissionSchema, LIMITS } from "@/lib/validation/claim";
import { buildDateText, claimFormErrors, claimFormToInput, type FormValues } from "@/lib/validation/claim-form";
import { fieldErrorsOf } from "@/lib/validation/field-errors";

/** A complete, valid form submission as the browser sends it. */
const form = (overrides: FormValues = {}): FormValues => ({
  "person.name": "Perpetua Wexley",
  "person.aliases": "",
  "company.name": "Calderon Dynamics",
  kind: "departed",
  role: "Head of Research",
  roleCategory: "research",
  "date.precision": "month",
  "date.year": "2023",
  "date.month": "09",
  "date.day": "",
  "date.quarter": "",
  "date.from": "",
  "date.to": "",
  "destination.relation": "unknown",
  "destination.name": "",
  "source.mode": "new",
  "source.id": "",
  "source.url": "https://news.example/wexley",
  "source.title": "Wexley departs",
  "source.publisher": "The Example",
  "source.publishedAt": "2023-09-30",
  "source.language": "en",
  "source.kind": "article",
  excerpt: "Perpetua Wexley left Calderon Dynamics in September.",
  translation: "",
  ...overrides,
});

/** What the server action does: map the form, validate with the shared schema, place the errors. */
function submit(values: FormValues) {
  const { raw, fieldErrors } = claimFormToInput(values);
  const parsed = claimSubmissionSchema.safeParse(raw);
  const errors = claimFormErrors({ ...fieldErrors, ...(parsed.success ? {} : fieldErrorsOf(parsed.error)) });
  return { parsed, errors };
}

describe("buildDateText", () => {
  it.each([
    [{ "date.precision": "day", "date.year": "2024", "date.month": "09", "date.day": "5" }, "2024-09-05"],
    [{ "date.precision": "month", "date.year": "2024", "date.month": "9" }, "2024-09"],
    [{ "date.precision": "quarter", "date.year": "2024", "date.quarter": "3" }, "2024-Q3"],
    [{ "date.precision": "year", "date.year": " 2017 " }, "2017"],
    [{ "date.precision": "range", "date.from": "2017", "date.to": "2018" }, "2017/2018"],
  ])("builds %o as %s", (values, text) => {
    expect(buildDateText(values)).toEqual({ text });
  });

  it("ignores parts that the chosen precision does not use", () => {
    expect(buildDateText({ "date.precision": "year", "date.year": "2020", "date.month": "04", "date.day": "31" })).toEqual({ text: "2020" });
    expect(buildDateText({ "date.precision": "unknown", "date.year": "2020" })).toEqual({});
  });

  it("says which part is missing", () => {
    expect(buildDateText({ "date.precision": "month", "date.year": "24" }).error).toMatch(/four digits/);
    expect(buildDateText({ "date.precision": "month", "date.year": "2024" }).error).toMatch(/month/);
    expect(buildDateText({ "date.precision": "quarter", "date.year": "2024" }).error).toMatch(/quarter/);
    expect(buildDateText({ "date.precision": "range", "date.from": "2017" }).error).toMatch(/both ends/);
    expect(buildDateText({ "date.precision": "weekly" }).error).toMatch(/precisely/);
  });
});

describe("the claim form mapped onto the shared schema", () => {
  it("accepts a complete form and builds the nested claim", () => {
    const { parsed, errors } = submit(form({ "person.aliases": "ペルペトゥア・ウェクスリー\n\n  P. Wexley  " }));
    expect(errors).toEqual({});
    expect(parsed.data).toMatchObject({
      person: { name: "Perpetua Wexley", aliases: ["ペルペトゥア・ウェクスリー", "P. Wexley"] },
      company: { name: "Calderon Dynamics" },
      date: "2023-09",
      source: { url: "https://news.example/wexley", title: "Wexley departs", language: "en", kind: "article" },
    });
    // attribution is by the signed-in account, never a typed name
    expect(parsed.data).not.toHaveProperty("editor");
    expect(parsed.data?.destination).toBeUndefined();
    expect(parsed.data?.translation).toBeUndefined();
  });

  it("maps a recorded source, a founded destination and an event choice", () => {
    const { parsed } = submit(
      form({
        "source.mode": "recorded",
        "source.id": "7",
        "destination.relation": "founded",
        "destination.name": "Wexley Labs",
        "event.choice": "12",
      }),
    );
    expect(parsed.data).toMatchObject({ source: { id: 7 }, destination: { name: "Wexley Labs", relation: "founded" }, eventId: 12 });
    expect(submit(form({ "event.choice": "new" })).parsed.data).toMatchObject({ newEvent: true });
  });

  it("puts every error next to its field and keeps none back", () => {
    const { parsed, errors } = submit(
      form({
        "person.name": "  ",
        kind: "quit",
        "date.precision": "day",
        "date.year": "2024",
        "date.month": "02",
        "date.day": "30",
        "source.url": "javascript:alert(1)",
        "source.language": "english!",
        excerpt: "   ",
        "destination.relation": "joined",
      }),
    );
    expect(parsed.success).toBe(false);
    expect(Object.keys(errors).sort()).toEqual(
      ["date.precision", "destination.name", "excerpt", "kind", "person.name", "source.language", "source.url"].sort(),
    );
    expect(errors["date.precision"].join()).toMatch(/2024-02-30 does not exist/);
    expect(errors["source.url"].join()).toMatch(/http/);
    expect(errors.excerpt.join()).toMatch(/required/);
  });

  it("rejects a date in the future and a recorded source that was not picked", () => {
    const next = new Date().getUTCFullYear() + 1;
    const { errors } = submit(form({ "date.precision": "year", "date.year": String(next), "source.mode": "recorded", "source.id": "" }));
    expect(errors["date.precision"].join()).toMatch(/future/);
    expect(errors["source.id"]).toEqual(["Pick a recorded source"]);
  });

  it("rejects 100 KB strings in any text field with a field error", () => {
    const huge = "x".repeat(100 * 1024);
    const { errors } = submit(form({ excerpt: huge, translation: huge, "person.name": huge, "source.title": huge, role: huge }));
    expect(errors.excerpt).toEqual([`Excerpt is at most ${LIMITS.excerpt} characters`]);
    expect(errors.translation).toBeDefined();
    expect(errors["person.name"]).toBeDefined();
    expect(errors["source.title"]).toBeDefined();
    expect(errors.role).toBeDefined();
  });

  it("rejects a name made only of punctuation, which could never be found again", () => {
    expect(submit(form({ "person.name": "・・・" })).errors["person.name"].join()).toMatch(/letter or digit/);
  });

  it("keeps HTML and script text as text: it is valid data, shown escaped", () => {
    const { parsed } = submit(form({ excerpt: '<script>alert("x")</script><img src=x onerror=alert(1)>', role: "<b>CTO</b>" }));
    expect(parsed.data?.excerpt).toBe('<script>alert("x")</script><img src=x onerror=alert(1)>');
    expect(parsed.data?.role).toBe("<b>CTO</b>");
  });

  it("reports an alias error on the aliases field, whatever its index", () => {
    const { errors } = submit(form({ "person.aliases": `ok\n${"y".repeat(LIMITS.name + 1)}` }));
    expect(Object.keys(errors)).toEqual(["person.aliases"]);
  });
});

describe("the evidence model v2 fields of the claim form", () => {
  it("sends manner, how the date was read, the phrase and the context excerpt", () => {
    const { parsed, errors } = submit(
      form({
        manner: "fired",
        "date.precision": "unknown",
        dateBasis: "relative_to_published",
        datePhrase: " 今年 ",
        context: "今年だけで、14人が去った。",
        contextTranslation: "This year alone, 14 left.",
      }),
    );
    expect(errors).toEqual({});
    expect(parsed.data).toMatchObject({
      manner: "fired",
      dateBasis: "relative_to_published",
      datePhrase: "今年",
      context: "今年だけで、14人が去った。",
      contextTranslation: "This year alone, 14 left.",
    });
    expect(parsed.data?.date).toBeUndefined();
  });

  it("sends no basis for a stated date (or none) and ignores a phrase typed for another basis", () => {
    const stated = submit(form({ dateBasis: "stated", datePhrase: "this year" })).parsed.data;
    expect(stated?.dateBasis).toBeUndefined();
    expect(stated?.datePhrase).toBeUndefined();
    expect(submit(form({ manner: "" })).parsed.data?.manner).toBeUndefined();
    expect(submit(form({ dateBasis: "bounded_by_published", "date.precision": "unknown" })).parsed.data).toMatchObject({
      dateBasis: "bounded_by_published",
    });
  });

  it("sends a new source's English title, archive, access date, full text as pasted and cited addresses one per line", () => {
    const text = "  Line one.\n\nPerpetua Wexley left Calderon Dynamics in September.\n";
    const { parsed, errors } = submit(
      form({
        "source.titleEnglish": "Wexley leaves",
        "source.archiveUrl": "https://web.archive.org/web/2023/https://news.example/wexley",
        "source.accessedAt": "2023-10-01",
        "source.text": text,
        "source.cites": "https://a.example/1\n\n  https://b.example/2  ",
      }),
    );
    expect(errors).toEqual({});
    expect(parsed.data?.source).toMatchObject({
      titleEnglish: "Wexley leaves",
      archiveUrl: "https://web.archive.org/web/2023/https://news.example/wexley",
      accessedAt: "2023-10-01",
      text,
      cites: [{ url: "https://a.example/1" }, { url: "https://b.example/2" }],
    });
  });

  it("puts errors of the new fields next to them, a bad cited address on the cites field", () => {
    const { errors } = submit(
      form({ "source.cites": "https://ok.example\nnot a url", "source.accessedAt": "yesterday", "source.archiveUrl": "ftp://x", manner: "sacked" }),
    );
    expect(Object.keys(errors).sort()).toEqual(["manner", "source.accessedAt", "source.archiveUrl", "source.cites"]);
  });

  it("maps the write path's own errors (excerpt not in the text, an unreadable phrase) to their fields", () => {
    expect(
      claimFormErrors({
        excerpt: ["not in the text"],
        context: ["not in the text"],
        datePhrase: ["cannot read"],
        dateBasis: ["needs a date"],
        date: ["x"],
      }),
    ).toEqual({
      excerpt: ["not in the text"],
      context: ["not in the text"],
      datePhrase: ["cannot read"],
      dateBasis: ["needs a date"],
      "date.precision": ["x"],
    });
  });
});

describe("claimSubmissionSchema (the JSON API)", () => {
  const json = {
    source: { title: "T", language: "en", kind: "article" },
    excerpt: "E",
    person: { name: "P Q" },
    company: { name: "C" },
    kind: "departed",
    editor: "Ada",
  };

  it("takes no editor name: a typed one is dropped, the account is who submits", () => {
    const r = claimSubmissionSchema.safeParse(json);
    expect(r.success).toBe(true);
    expect(r.data).not.toHaveProperty("editor");
  });

  it("reports a bad new source's fields by their path, not a vague union error", () => {
    const r = claimSubmissionSchema.safeParse({ ...json, source: { title: "", url: "ftp://x.example/a", language: "en", kind: "article" } });
    expect(Object.keys(fieldErrorsOf(r.error!)).sort()).toEqual(["source.title", "source.url"]);
  });
});
