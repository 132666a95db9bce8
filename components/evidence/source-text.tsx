/**
 * A source's stored text with every excerpt and context excerpt of its claims marked. Each mark links to
 * the claim it is most specific to and carries the anchor (#excerpt-N, #context-N) claims link to; after a
 * passage, small links name every claim it belongs to, so a passage shared by many claims reaches them all.
 */
import Link from "next/link";
import { passageAnchor, segmentText, type MarkRange } from "@/lib/domain/text-marks";

export interface MarkedClaim {
  eventId: number;
  /** "Leopold Aschenbrenner departed OpenAI": the accessible description of the claim */
  label: string;
}

const claimHref = (claims: Map<number, MarkedClaim>, id: number) => `/events/${claims.get(id)?.eventId}#claim-${id}`;

function describe(ranges: MarkRange[], claims: Map<number, MarkedClaim>): string {
  return ranges
    .map(
      (r) =>
        `${r.role === "excerpt" ? "Excerpt" : "Context"} of claim ${r.claimId}${claims.get(r.claimId) ? ` (${claims.get(r.claimId)!.label})` : ""}`,
    )
    .join("; ");
}

export function SourceText({
  text,
  language,
  ranges,
  claims,
}: {
  text: string;
  language: string;
  ranges: MarkRange[];
  claims: Map<number, MarkedClaim>;
}) {
  const segments = segmentText(text, ranges);
  return (
    <div
      lang={language}
      className="whitespace-pre-wrap break-words rounded border border-stone-200 bg-white p-4 leading-relaxed text-stone-900"
      data-testid="source-text"
    >
      {segments.map((s, i) => {
        const anchors = s.starting.map((r) => passageAnchor(r.role, r.claimId));
        const ending = [...new Map(s.ending.map((r) => [r.claimId, r])).values()].sort((a, b) => a.claimId - b.claimId);
        return (
          <span key={i}>
            {anchors.map((id) => (
              <span key={id} id={id} className="scroll-mt-16" />
            ))}
            {s.covering.length === 0 ? (
              s.text
            ) : (
              <mark
                title={describe(s.covering, claims)}
                data-claims={s.covering.map((r) => r.claimId).join(" ")}
                className={s.covering[0].role === "excerpt" ? "rounded-sm bg-amber-200 px-0.5" : "rounded-sm bg-sky-100 px-0.5"}
              >
                <Link href={claimHref(claims, s.covering[0].claimId)} className="text-inherit no-underline hover:underline focus-visible:underline">
                  {s.text}
                </Link>
              </mark>
            )}
            {ending.length > 0 && (
              <sup lang="en" className="ml-0.5 text-[0.65rem] font-sans">
                {ending.map((r, j) => (
                  <span key={r.claimId}>
                    {j > 0 && " "}
                    <Link
                      href={claimHref(claims, r.claimId)}
                      className="text-sky-800 underline"
                      aria-label={`${r.role === "excerpt" ? "Claim" : "Context of claim"} ${r.claimId}: ${claims.get(r.claimId)?.label ?? ""}`}
                    >
                      {r.claimId}
                    </Link>
                  </span>
                ))}
              </sup>
            )}
          </span>
        );
      })}
    </div>
  );
}
