/**
 * The words the org chart uses for dates, tenures and uncertainty, shared by the SVG, the lists beside it
 * and the export, so a date reads the same everywhere.
 */
import { formatHuman, type PartialDate } from "@/lib/domain/partial-date";
import type { OrgNode } from "@/lib/domain/org-chart";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "1 Jan 2024" for an ISO day. */
export function formatDay(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
}

function span(days: number): string {
  if (days < 31) return days <= 1 ? `${days} day` : `${days} days`;
  const months = Math.floor(days / 30.44);
  if (months < 12) return months === 1 ? "1 month" : `${months} months`;
  const years = Math.floor(months / 12);
  const rest = months % 12;
  return `${years} yr${years > 1 ? "s" : ""}${rest ? ` ${rest} mo` : ""}`;
}

/** Tenure so far; a range when the start is imprecise ("up to 14 months", "2–3 yrs"). */
export function formatTenure(t: OrgNode["tenure"]): string | null {
  if (!t) return null;
  const lo = span(t.minDays);
  const hi = span(t.maxDays);
  if (lo === hi) return lo;
  return t.minDays === 0 ? `up to ${hi}` : `${lo} – ${hi}`;
}

export const dateText = (d: PartialDate | null) => formatHuman(d);

/** The one-line status of a node's start and end on the day, in plain words. */
export function presenceLines(n: Pick<OrgNode, "start" | "end" | "since" | "until" | "tenure" | "otherTitles" | "earlierMayRun">): string[] {
  const lines: string[] = [];
  if (n.start === "unknown") lines.push("start not on record");
  else if (n.start === "uncertain") lines.push(`may have started · ${dateText(n.since)}`);
  else lines.push(`since ${dateText(n.since)} · ${formatTenure(n.tenure)}`);
  if (n.end === "uncertain") lines.push(`may have left · ${dateText(n.until)}`);
  if (n.otherTitles.length) lines.push(`or still ${n.otherTitles.join(", ")}`);
  else if (n.earlierMayRun) lines.push("or still in the earlier tenure");
  return lines;
}

export function leaveText(n: Pick<OrgNode, "leave">): string | null {
  if (!n.leave) return null;
  return n.leave.certain ? `on leave since ${dateText(n.leave.since)}` : `may be on leave · ${dateText(n.leave.since)}`;
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;
/** The language to mark text with when it is written in a CJK script (names with no Latin spelling). */
export const cjkLang = (text: string): string | undefined => (CJK.test(text) ? "ja" : undefined);
