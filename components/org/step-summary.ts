/**
 * What one step of the timeline changed, in sentences: the page puts it in a live region, so moving the
 * slider or following "next change" says who joined, left, changed title or manager on that day.
 * The chart only changes on change days, so the step on `at` is the one on the last change day up to `at`,
 * compared with the day before it.
 */
import { dayBefore, diff, snapshot, stepDayOf, type OrgChange, type OrgIndex } from "@/lib/domain/org-chart";
import { formatDay } from "./chart-text";

/** Sentences past this many are counted, not listed: a live region should stay short. */
const MAX_SENTENCES = 10;

const titleOf = (r: OrgChange["before"]) => r?.title ?? "title not on record";
const managerOf = (r: OrgChange["before"]) => r?.manager?.name ?? "no manager on record";
const verb = (certain: boolean, sure: string, maybe: string) => (certain ? sure : maybe);

export function changeSentence(c: OrgChange): string {
  const name = c.person.name;
  switch (c.kind) {
    case "departed": {
      const gone = c.exit === "fired" ? verb(c.certain, "was fired", "may have been fired") : verb(c.certain, "left", "may have left");
      const to = c.destination ? `, ${c.destination.relation === "founded" ? "to found" : "to join"} ${c.destination.name}` : "";
      return `${name} ${gone} (${titleOf(c.before)})${to}`;
    }
    case "joined":
      return `${name} ${verb(c.certain, "joined", "may have joined")} as ${titleOf(c.after)}`;
    case "returned":
      return `${name} ${verb(c.certain, "came back", "may have come back")} as ${titleOf(c.after)}`;
    case "title_changed":
      return c.before
        ? `${name} ${verb(c.certain, "became", "may have become")} ${titleOf(c.after)} (was ${titleOf(c.before)})`
        : `${name} is on record as ${titleOf(c.after)} from here (earlier role not dated)`;
    case "manager_changed":
      return `${name} now reports to ${managerOf(c.after)} (was ${managerOf(c.before)})`;
    case "leave_started":
      return `${name} ${verb(c.certain, "went on leave", "may have gone on leave")}`;
    case "leave_ended":
      return `${name} ${verb(c.certain, "came back from leave", "may have come back from leave")}`;
  }
}

export interface StepSummary {
  /** the change day the step is on, null before the first */
  day: string | null;
  changes: OrgChange[];
  text: string;
}

export function stepSummary(index: OrgIndex, at: string): StepSummary {
  // the chart's snapshots on `at` and the day before this step (lib/domain/org-chart.ts daysDrawn)
  const day = stepDayOf(index.changeDays, at);
  if (!day) return { day: null, changes: [], text: `No change on record up to ${formatDay(at)}.` };
  const { changes } = diff(snapshot(index, null, dayBefore(day)), snapshot(index, null, at));
  const listed = changes.slice(0, MAX_SENTENCES).map(changeSentence);
  if (changes.length > MAX_SENTENCES) listed.push(`and ${changes.length - MAX_SENTENCES} more changes, listed in the comparison`);
  const what = listed.length ? `${listed.join("; ")}.` : "nothing on record changed for certain.";
  const text = day === at ? `On ${formatDay(day)}: ${what}` : `No change since ${formatDay(day)}. On ${formatDay(day)}: ${what}`;
  return { day, changes, text };
}
