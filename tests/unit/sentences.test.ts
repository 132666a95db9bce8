import { describe, expect, it } from "vitest";
import { excerptInContext, splitSentences } from "@/lib/domain/sentences";

describe("splitSentences", () => {
  it("splits Japanese at 。！？ and keeps every character", () => {
    const text = "今年だけで14人が去った。アッシェンブレナーは解雇された！本当か？はい";
    const s = splitSentences(text, "ja");
    expect(s.map((x) => x.text)).toEqual(["今年だけで14人が去った。", "アッシェンブレナーは解雇された！", "本当か？", "はい"]);
    expect(s.map((x) => x.text).join("")).toBe(text);
    expect(s[1].start).toBe(text.indexOf("アッシェン"));
  });

  it("splits Latin text at . ! ? but not after common abbreviations", () => {
    const s = splitSentences("Mr. Altman left. Was he fired? Yes! Dr. Roe stayed.", "en");
    expect(s.map((x) => x.text.trim())).toEqual(["Mr. Altman left.", "Was he fired?", "Yes!", "Dr. Roe stayed."]);
  });

  it("ends a sentence at a line break", () => {
    expect(splitSentences("ニュース\n\nタイトル\n本文です。", "ja").map((x) => x.text.trim())).toEqual(["ニュース", "タイトル", "本文です。"]);
  });
});

describe("excerptInContext", () => {
  const text = "First one. Second holds the excerpt here, then more. Third one. Fourth.";

  it("gives the sentence before and after, and the rest of the excerpt's sentence", () => {
    expect(excerptInContext(text, "the excerpt here")).toEqual({
      before: "First one.",
      lead: "Second holds ",
      excerpt: "the excerpt here",
      trail: ", then more.",
      after: "Third one.",
      start: text.indexOf("the excerpt"),
    });
  });

  it("spans sentences when the excerpt does, and stops at the ends of the text", () => {
    const c = excerptInContext(text, "one. Second")!;
    expect([c.before, c.lead, c.trail, c.after]).toEqual(["", "First ", " holds the excerpt here, then more.", "Third one."]);
    expect(excerptInContext(text, "Fourth.")).toMatchObject({ before: "Third one.", lead: "", trail: "", after: "" });
  });

  it("works on Japanese text", () => {
    const ja = "今年だけで、14人が去った。レオポルドは解雇された。それが全てだ。";
    expect(excerptInContext(ja, "レオポルドは解雇", "ja")).toMatchObject({
      before: "今年だけで、14人が去った。",
      lead: "",
      trail: "された。",
      after: "それが全てだ。",
    });
  });

  it("is null when the excerpt is not in the text", () => {
    expect(excerptInContext(text, "nowhere")).toBeNull();
    expect(excerptInContext(text, "")).toBeNull();
  });
});
