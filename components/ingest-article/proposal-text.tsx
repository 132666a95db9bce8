/**
 * The article with each proposal's excerpt (and context) highlighted; each mark links to its proposal.
 * Uses the same segmentation as a source page (lib/domain/text-marks.ts).
 */
import { segmentText, type MarkRange } from "@/lib/domain/text-marks";
import type { Proposal } from "@/lib/extract/types";

export function ProposalText({ text, language, proposals }: { text: string; language: string; proposals: Proposal[] }) {
  const ranges: MarkRange[] = proposals.flatMap((p, i) => [
    { claimId: i, role: "excerpt" as const, start: p.start, end: p.start + p.excerpt.length },
    ...(p.context && p.contextStart !== undefined
      ? [{ claimId: i, role: "context" as const, start: p.contextStart, end: p.contextStart + p.context.length }]
      : []),
  ]);
  return (
    <div
      lang={language}
      className="max-h-[70vh] overflow-y-auto whitespace-pre-wrap break-words rounded border border-stone-200 bg-white p-4 leading-relaxed"
      data-testid="article-text"
    >
      {segmentText(text, ranges).map((s, i) =>
        s.covering.length === 0 ? (
          <span key={i}>{s.text}</span>
        ) : (
          <mark
            key={i}
            data-proposals={s.covering.map((r) => proposals[r.claimId].fingerprint).join(" ")}
            className={s.covering[0].role === "excerpt" ? "rounded-sm bg-amber-200 px-0.5" : "rounded-sm bg-sky-100 px-0.5"}
          >
            <a href={`#proposal-${proposals[s.covering[0].claimId].fingerprint}`} className="text-inherit no-underline hover:underline">
              {s.text}
            </a>
          </mark>
        ),
      )}
    </div>
  );
}
