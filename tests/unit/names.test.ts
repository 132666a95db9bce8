import { describe, expect, it } from "vitest";
import { normalizeName, slugify } from "@/lib/domain/names";

describe("normalizeName", () => {
  it("folds case, spaces and Latin diacritics", () => {
    expect(normalizeName("Mira Murati")).toBe("miramurati");
    expect(normalizeName("  MIRA   MURATI ")).toBe("miramurati");
    expect(normalizeName("Míra Murátì")).toBe("miramurati");
    expect(normalizeName("J. Schulman")).toBe("jschulman");
  });

  it("removes katakana name separators so ミーラ・モラティ and ミーラ モラティ match", () => {
    expect(normalizeName("ミーラ・モラティ")).toBe("ミーラモラティ");
    expect(normalizeName("ミーラ モラティ")).toBe("ミーラモラティ");
    expect(normalizeName("ミーラ＝モラティ")).toBe("ミーラモラティ");
  });

  it("maps half-width katakana and full-width Latin to their usual forms (NFKC)", () => {
    expect(normalizeName("ﾐｰﾗ･ﾓﾗﾃｨ")).toBe("ミーラモラティ");
    expect(normalizeName("ＯｐｅｎＡＩ")).toBe("openai");
  });

  it("folds hiragana onto katakana but keeps voiced marks distinct", () => {
    expect(normalizeName("みーら")).toBe("ミーラ");
    expect(normalizeName("ガ")).not.toBe(normalizeName("カ"));
  });

  it("does not invent cross-script identity", () => {
    expect(normalizeName("ケビン・クォーク")).not.toBe(normalizeName("Kevin Weil"));
  });
});

describe("slugify", () => {
  it("makes ASCII slugs and keeps names with no Latin letters readable", () => {
    expect(slugify("Mira Murati")).toBe("mira-murati");
    expect(slugify("Safe Superintelligence (SSI)")).toBe("safe-superintelligence-ssi");
    expect(slugify("ケビン・クォーク")).toBe("ケビンクォーク");
  });
});
