/** The article extractor on Japanese text: segmentation, names (new and recorded, garbled katakana), movement words, lists, destinations, dates. */
import { describe, expect, it } from "vitest";
import { extractProposals } from "@/lib/extract/extract";
import { splitSentences } from "@/lib/domain/sentences";
import type { ExtractContext, Proposal } from "@/lib/extract/types";

const none: ExtractContext = { people: [], companies: [] };
const run = (text: string, publishedAt?: string, context: ExtractContext = none) =>
  extractProposals({ text, language: "ja", publishedAt }, context).proposals;
const brief = (p: Proposal) => `${p.person.name}|${p.kind}|${p.company.name}`;
const everyExcerptIn = (text: string, ps: Proposal[]) => {
  for (const p of ps) {
    expect(text.includes(p.excerpt)).toBe(true);
    expect(text.slice(p.start, p.start + p.excerpt.length)).toBe(p.excerpt);
    if (p.context) expect(text.includes(p.context)).toBe(true);
  }
};

describe("Japanese extraction", () => {
  it("segments at 。 and line breaks, and each excerpt is exactly its sentence", () => {
    const text = "OpenAIの見出し\nOpenAIの最高技術責任者ミラ・ムラティ氏が辞任した。同社は声明を出した。";
    expect(splitSentences(text, "ja").map((s) => s.text.trim())).toEqual([
      "OpenAIの見出し",
      "OpenAIの最高技術責任者ミラ・ムラティ氏が辞任した。",
      "同社は声明を出した。",
    ]);
    const [p] = run(text, "2024-10-04");
    expect(p.excerpt).toBe("OpenAIの最高技術責任者ミラ・ムラティ氏が辞任した。");
    expect(p).toMatchObject({ kind: "departed", manner: "resigned", role: "CTO", person: { name: "ミラ・ムラティ", known: null } });
    everyExcerptIn(text, [p]);
  });

  it("finds new names by shape: katakana joined by ・, a katakana word before 氏, Latin names", () => {
    const text = "OpenAIでは、ヤン・ライケ氏とマスク氏と Peter Deng 氏が退社した。";
    expect(
      run(text)
        .map((p) => p.person.name)
        .sort(),
    ).toEqual(["Peter Deng", "ヤン・ライケ", "マスク"].sort());
  });

  it("matches a recorded person by any alias, including katakana spelled another way", () => {
    const context: ExtractContext = {
      people: [{ id: 7, name: "Ilya Sutskever", aliases: ["イリヤ・サツケヴァー"] }],
      companies: [{ id: 1, name: "OpenAI", aliases: ["オープンAI"] }],
    };
    const text = "イリヤ・サツキーバはオープンAIを辞めたんや。";
    const [p] = run(text, undefined, context);
    expect(p.person).toMatchObject({ name: "Ilya Sutskever", mention: "イリヤ・サツキーバ", known: { id: 7, via: "similar" } });
    expect(p.company).toMatchObject({ name: "OpenAI", known: { id: 1 } });
    // an unrelated katakana name is not forced onto a recorded person
    expect(run("イリヤ・ナカムラはオープンAIを辞めた。", undefined, context)[0].person.known).toBeNull();
  });

  it("gives every person of a list the verb after it, and not the one named as its agent", () => {
    const text = "同じ日、最高研究責任者のボブ・マクグルー氏と研究担当副社長のバレット・ゾフ氏もOpenAIを辞任した。";
    expect(run(text).map(brief)).toEqual(["ボブ・マクグルー|departed|OpenAI", "バレット・ゾフ|departed|OpenAI"]);
    const poached = "OpenAIの創設者は11人いた。OpenAIのアンドレイ・カルパシー氏も、テスラの社長としてマスク氏に直接引き抜かれた。";
    const ps = run(poached);
    expect(ps.map((p) => p.person.name)).toEqual(["アンドレイ・カルパシー"]);
    expect(ps[0]).toMatchObject({ kind: "departed", destination: { name: "テスラ" } });
  });

  it("reads the movement words: leave, return, firing, removal by the board, joining", () => {
    const text = [
      "OpenAIのグレッグ・ブロックマン氏は長期休暇を取った。",
      "サム・アルトマン氏はOpenAIに復帰した。",
      "レオポルド・アッシェンブレナー氏はOpenAIを解雇された。",
      "イーロン・マスク氏はOpenAIの取締役会から追放された。",
      "ピーター・デン氏は昨年OpenAIに入社した。",
    ].join("");
    expect(run(text, "2024-08-06").map((p) => `${p.person.name}|${p.kind}|${p.manner ?? ""}`)).toEqual([
      "グレッグ・ブロックマン|leave_started|",
      "サム・アルトマン|returned|",
      "レオポルド・アッシェンブレナー|departed|fired",
      "イーロン・マスク|departed|removed_by_board",
      "ピーター・デン|joined|",
    ]);
  });

  it("reads where someone went: 〜に移った, 〜に加わり, 〜を設立", () => {
    const text =
      "ジョン・シュルマンは8月にAnthropicに移りました。ヤン・ライケ氏も、OpenAIを離れ、競合企業アンスロピック社に加わった。元研究副社長Dario AmodeiはOpenAIを去ってAnthropicを設立した。";
    const ps = run(text, "2024-09-01");
    expect(ps.map((p) => `${p.person.name}→${p.destination?.name}`)).toEqual([
      "ジョン・シュルマン→Anthropic",
      "ヤン・ライケ→アンスロピック社",
      "Dario Amodei→Anthropic",
    ]);
    expect(ps[2].destination?.relation).toBe("founded");
    everyExcerptIn(text, ps);
  });

  it("resolves relative dates against the publication, across a year boundary", () => {
    const text =
      "OpenAIのミラ・ムラティ氏は先月辞任した。OpenAIのボブ・マクグルー氏は12月に退社した。OpenAIのバレット・ゾフ氏は昨年末に退職した。OpenAIのジョン・シュルマン氏は今年辞めた。";
    const ps = run(text, "2025-01-10");
    expect(ps.map((p) => [p.dateBasis, p.datePhrase])).toEqual([
      ["relative_to_published", "先月"],
      ["relative_to_published", "12月"],
      ["relative_to_published", "昨年末"],
      ["relative_to_published", "今年"],
    ]);
    // the phrases the app resolves: 先月 in January is last December, 12月 too, 昨年末 the last quarter of last year
    expect(ps.map((p) => p.triggers[1])).toEqual(["先月", "12月", "昨年末", "今年"]);
  });

  it("states written dates and takes a date from the sentence before as context", () => {
    const text =
      "2024 年 5 月、ジャン ライク氏もOpenAIを辞任した。OpenAIのスーパーアライメントは2023年6月に設立された。イリヤ・サツケヴァー氏がそれを率いる。";
    const ps = run(text, "2024-08-06");
    expect(ps[0]).toMatchObject({ person: { name: "ジャン ライク" }, date: "2024-05", dateBasis: "stated" });
    const led = ps.find((p) => p.person.name === "イリヤ・サツケヴァー")!;
    expect(led).toMatchObject({ kind: "role_changed", date: "2023-06", context: "OpenAIのスーパーアライメントは2023年6月に設立された。" });
  });

  it("with no date in the text, a departure is dated on or before publication", () => {
    const [p] = run("OpenAIのピーター・デン氏も退社した。", "2024-08-06");
    expect(p.dateBasis).toBe("bounded_by_published");
    expect(p.date).toBeUndefined();
  });

  it("does not propose what the text says did not happen", () => {
    expect(run("OpenAIの従業員はサム・アルトマン氏の復帰を求め、辞任をちらつかせた。").filter((p) => p.kind === "departed")).toEqual([]);
  });

  it("proposes the seed articles' movements with excerpts that are substrings of the article", async () => {
    const fs = await import("node:fs");
    for (const f of fs.readdirSync("prisma/seed/articles")) {
      const text = fs.readFileSync(`prisma/seed/articles/${f}`, "utf8");
      const ps = run(text, "2024-10-04");
      expect(ps.length).toBeGreaterThan(5);
      everyExcerptIn(text, ps);
    }
  });
});
