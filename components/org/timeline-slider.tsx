"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { formatDay } from "./chart-text";
import { orgHref } from "./timeline";

/**
 * A range input over the days on which the chart changes. Inside its GET form it works without
 * JavaScript (submit → /org/go → redirect to ?at=); with JavaScript the label follows the thumb and
 * releasing it navigates straight to ?at=.
 */
export function TimelineSlider({
  slug,
  dates,
  index,
  at,
  keep = {},
}: {
  slug: string;
  dates: string[];
  index: number;
  at: string;
  keep?: Record<string, string>;
}) {
  const router = useRouter();
  const [i, setI] = useState(index);
  // The input stays mounted across steps (so it keeps the keyboard focus); follow the page's own stop when
  // it moves by other means (the previous/next links, the date form).
  const [followed, setFollowed] = useState(index);
  if (followed !== index) {
    setFollowed(index);
    setI(index);
  }
  // the chart's own day until the thumb moves (it may lie between two change dates)
  const shown = i === index ? at : dates[i];
  const go = (n: number) => router.push(orgHref(slug, { at: dates[n], ...keep }), { scroll: false });
  return (
    <div className="flex min-w-0 flex-1 items-center gap-2">
      <input
        id="org-timeline"
        name="i"
        type="range"
        min={0}
        max={dates.length - 1}
        step={1}
        value={i}
        aria-valuetext={formatDay(shown)}
        aria-describedby="org-timeline-value org-step-summary"
        onChange={(e) => setI(Number(e.target.value))}
        onPointerUp={(e) => go(Number((e.target as HTMLInputElement).value))}
        onKeyUp={(e) => {
          if (["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End", "PageUp", "PageDown"].includes(e.key)) go(i);
        }}
        className="min-w-0 flex-1 accent-stone-700"
      />
      <output id="org-timeline-value" htmlFor="org-timeline" className="w-28 shrink-0 text-sm tabular-nums">
        {formatDay(shown)}
      </output>
    </div>
  );
}
