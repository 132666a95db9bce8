/** The article extractor on Chinese text: transliterated and native names, movement words, destinations, relative dates. */
import { describe, expect, it } from "vitest";
import { extractProposals } from "@/lib/extract/extract";
import { splitSentences } from "@/lib/domain/sentences";
import type { ExtractContext, Proposal } from "@/lib/extract/types";

const run = (text: string, publishedAt?: string, context: ExtractContext = { people: [], companies: [] }) =>
  extractProposals({ text, publishedAt }, context);
const line = (p: Proposal) => `${p.person.name}|${p.kind}|${p.company.name}${p.destination ? `→${p.destination.name}` : ""}`;

describe("Chinese extraction", () => {
  it("detects Chinese and splits at 。", () => {
    const text = "星辰智能公司宣布重组。首席技术官李明已辞职。";
    expect(run(text).language).toBe("zh");
    expect(splitSentences(text, "zh").map((s) => s.text)).toEqual(["星辰智能公司宣布重组。", "首席技术官李明已辞职。"]);
  });

  it("finds transliterated names joined by · and native names after a title, then the name alone", () => {
    const text = "星辰智能公司首席技术官米拉·穆拉蒂宣布辞职。星辰智能公司首席财务官张伟被解雇。张伟于2018年加入星辰智能。";
    const ps = run(text, "2024-11-20").proposals;
    expect(ps.map(line)).toEqual(["米拉·穆拉蒂|departed|星辰智能", "张伟|departed|星辰智能", "张伟|joined|星辰智能"]);
    expect(ps.map((p) => p.role)).toEqual(["CTO", "CFO", undefined]);
  });

  it("matches a recorded person by a Chinese alias", () => {
    const context: ExtractContext = {
      people: [{ id: 3, name: "Mira Murati", aliases: ["米拉·穆拉蒂"] }],
      companies: [{ id: 1, name: "OpenAI", aliases: [] }],
    };
    const [p] = run("OpenAI首席技术官米拉·穆拉蒂上个月离职。", "2024-10-04", context).proposals;
    expect(p.person).toMatchObject({ name: "Mira Murati", known: { id: 3 } });
    expect(p.company.known?.id).toBe(1);
  });

  it("reads destinations and relative dates: 上个月离职，加入X; across a year boundary", () => {
    const text = "云帆科技公司证实，首席产品官赵磊上个月离职，加入竞争对手字节跳动。云帆科技公司表示感谢。";
    const [p] = run(text, "2025-01-06").proposals;
    expect(line(p)).toBe("赵磊|departed|云帆科技→字节跳动");
    expect(p).toMatchObject({ dateBasis: "relative_to_published", datePhrase: "上个月" });
    expect(text.includes(p.excerpt)).toBe(true);
  });

  it("reads leave, return and a list of two", () => {
    const text = "云帆科技公司宣布，研究副总裁陈思远已开始休假。前首席运营官刘洋将重返云帆科技。首席执行官孙浩和首席财务官周婷相继离职。";
    expect(run(text, "2024-03-01").proposals.map((p) => `${p.person.name}|${p.kind}`)).toEqual([
      "陈思远|leave_started",
      "刘洋|returned",
      "孙浩|departed",
      "周婷|departed",
    ]);
  });
});
