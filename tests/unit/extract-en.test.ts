/** The article extractor on English text: names, lists, "X and Y joined Z", destinations, relative dates across a year boundary. */
import { describe, expect, it } from "vitest";
import { extractProposals } from "@/lib/extract/extract";
import { resolveRelativeDate } from "@/lib/domain/relative-date";
import { partialDate } from "@/lib/domain/partial-date";
import type { Proposal } from "@/lib/extract/types";

const run = (text: string, publishedAt?: string) => extractProposals({ text, publishedAt }, { people: [], companies: [] });
const line = (p: Proposal) => `${p.person.name}|${p.kind}|${p.company.name}${p.destination ? `→${p.destination.name}` : ""}`;

describe("English extraction", () => {
  it("detects English and splits sentences without breaking at Mr.", () => {
    const r = run("Acme Corp confirmed the news. Mr. Jonas Park resigned from Acme Corp on Friday. Acme Corp declined to comment.");
    expect(r.language).toBe("en");
    expect(r.proposals.map((p) => p.excerpt)).toEqual(["Mr. Jonas Park resigned from Acme Corp on Friday."]);
  });

  it("gives every person of a list the verb: A, B and C left", () => {
    const text = "Helios Labs is shrinking. Ana Silva, Ben Cho and Carla Diaz left Helios Labs this month, the company said.";
    const ps = run(text, "2024-03-20").proposals;
    expect(ps.map(line)).toEqual(["Ana Silva|departed|Helios Labs", "Ben Cho|departed|Helios Labs", "Carla Diaz|departed|Helios Labs"]);
    expect(new Set(ps.map((p) => p.excerpt)).size).toBe(1);
    expect(ps[0]).toMatchObject({ dateBasis: "relative_to_published", datePhrase: "this month" });
  });

  it("reads X and Y joined Z as two people leaving the article's company for Z", () => {
    const text = "Orbit AI has lost two researchers. Orbit AI said Mia Wong and Leo Grant joined Anthropic last week.";
    expect(run(text, "2025-01-08").proposals.map(line)).toEqual(["Mia Wong|departed|Orbit AI→Anthropic", "Leo Grant|departed|Orbit AI→Anthropic"]);
  });

  it("reads the movement words and their manner", () => {
    const text = [
      "Kite Robotics makes drones.",
      "Kite Robotics fired Omar Haddad in March.",
      "Chief executive Rosa Lind was ousted by the board of Kite Robotics.",
      "Kite Robotics said Ivan Petrov is on leave.",
      "Kite Robotics hired Nora Quinn as chief financial officer.",
      "Sam Ortiz returned to Kite Robotics after a year away.",
    ].join(" ");
    expect(run(text, "2024-06-01").proposals.map((p) => `${p.person.name}|${p.kind}|${p.manner ?? ""}|${p.role ?? ""}`)).toEqual([
      "Omar Haddad|departed|fired|",
      "Rosa Lind|departed|removed_by_board|CEO",
      "Ivan Petrov|leave_started||",
      "Nora Quinn|joined||CFO",
      "Sam Ortiz|returned||",
    ]);
  });

  it("reads relative months against a January publication as last year's", () => {
    const text = "Pine Systems confirmed it. Lena Ross left Pine Systems in December. Pine Systems has grown.";
    const [p] = run(text, "2025-01-14").proposals;
    expect(p).toMatchObject({ dateBasis: "relative_to_published", datePhrase: "in December" });
    const resolved = resolveRelativeDate(p.datePhrase!, partialDate("2025-01-14"));
    expect(resolved.ok && resolved.date.text).toBe("2024-12");
  });

  it("states full dates and years", () => {
    const text = "Pine Systems confirmed it. Lena Ross resigned from Pine Systems on September 25, 2024. Tom Hale joined Pine Systems in 2019.";
    expect(run(text).proposals.map((p) => `${p.person.name}|${p.date}|${p.dateBasis}`)).toEqual([
      "Lena Ross|2024-09-25|stated",
      "Tom Hale|2019|stated",
    ]);
  });

  it("follows a pronoun to the person named in the sentence before, quoting that sentence as context", () => {
    const text = "Pine Systems hired Lena Ross in 2019. Pine Systems said she left last week.";
    const left = run(text, "2024-05-15").proposals.find((p) => p.kind === "departed")!;
    expect(left).toMatchObject({
      person: { name: "Lena Ross", mention: "Lena Ross" },
      excerpt: "Pine Systems said she left last week.",
      context: "Pine Systems hired Lena Ross in 2019.",
    });
  });

  it("ignores threats and denials", () => {
    expect(run("Vela Corp staff threatened to resign. Vela Corp denied that Rita Moss left Vela Corp.").proposals).toEqual([]);
  });
});

describe("article input", () => {
  it("reduces an .html page to its text, finds a date line at the top, and detects the language", async () => {
    const { htmlToText } = await import("@/lib/extract/html");
    const { dateLineAtTop } = await import("@/lib/extract/dates");
    const { detectLanguage } = await import("@/lib/extract/language");
    const text = htmlToText(
      `<html><head><title>T</title><script>var x = "Ana Silva left";</script></head><body><nav>Home</nav><p>Published: Aug 6, 2024</p><p>Ana Silva <a href="https://x.test">left</a> Helios Labs.</p></body></html>`,
    );
    expect(text).toBe("Published: Aug 6, 2024\n\nAna Silva left Helios Labs.");
    expect(dateLineAtTop(text)).toBe("2024-08-06");
    expect(dateLineAtTop("2024年11月20日\n\n星辰智能")).toBe("2024-11-20");
    expect(dateLineAtTop("No date here\nAt all")).toBeNull();
    expect([detectLanguage("ミラ・ムラティ氏が辞任した。"), detectLanguage("首席技术官李明已辞职。"), detectLanguage("Ana Silva left.")]).toEqual([
      "ja",
      "zh",
      "en",
    ]);
  });
});
