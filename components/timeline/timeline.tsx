import { EventLine, type EventLineData } from "@/components/evidence/event-line";
import { timelineGroup } from "@/lib/domain/date-range";
import { fromColumns } from "@/lib/domain/partial-date";
import type { EventSort } from "@/lib/validation/event-filters";

interface Group {
  key: string;
  label: string;
  events: EventLineData[];
}

/**
 * Consecutive events under one heading: by date at the precision each date has ("May 2024", "2024",
 * "2017–2018") for date sorts, by person or company for name sorts. Rows arrive already sorted, so a
 * group is a run of equal keys; a run cut by the page end continues under the same heading next page.
 */
export function groupEvents(events: EventLineData[], sort: EventSort): Group[] {
  const keyOf = (e: EventLineData) =>
    sort.startsWith("person")
      ? { key: `p-${e.person.slug}`, label: e.person.name }
      : sort.startsWith("company")
        ? { key: `c-${e.company.slug}`, label: e.company.name }
        : timelineGroup(fromColumns(e.dateText));
  const groups: Group[] = [];
  for (const e of sort === "newest" || sort === "oldest" ? gatherTies(events) : events) {
    const { key, label } = keyOf(e);
    const last = groups.at(-1);
    if (last && last.key === key) last.events.push(e);
    else groups.push({ key, label, events: [e] });
  }
  return groups;
}

/**
 * Events sharing a first possible day (sortDate) are tied in the keyset order; among them, put those under
 * the same heading together ("May 2024", then "May 2024–Aug 2024") so a heading does not appear twice.
 * The date order itself is untouched.
 */
function gatherTies(events: EventLineData[]): EventLineData[] {
  const earliest = (e: EventLineData) => fromColumns(e.dateText)?.earliest ?? "";
  const out: EventLineData[] = [];
  for (let i = 0; i < events.length;) {
    let j = i;
    while (j < events.length && earliest(events[j]) === earliest(events[i])) j++;
    const runs = new Map<string, EventLineData[]>();
    for (const e of events.slice(i, j)) {
      const key = timelineGroup(fromColumns(e.dateText)).key;
      runs.set(key, [...(runs.get(key) ?? []), e]);
    }
    for (const run of runs.values()) out.push(...run);
    i = j;
  }
  return out;
}

const SORT_WORDS: Record<EventSort, string> = {
  newest: "newest first",
  oldest: "oldest first",
  person: "by person, A to Z",
  person_desc: "by person, Z to A",
  company: "by company, A to Z",
  company_desc: "by company, Z to A",
};

export function Timeline({ events, sort }: { events: EventLineData[]; sort: EventSort }) {
  return (
    <ol aria-label={`Events, ${SORT_WORDS[sort]}`} className="space-y-5" data-testid="timeline">
      {groupEvents(events, sort).map((g, i) => (
        <li key={`${g.key}-${i}`}>
          <h2 className="sticky top-0 z-10 mb-1.5 border-b border-stone-200 bg-stone-50 py-1 text-sm font-semibold text-stone-700">
            <span lang={/[\u3040-\u30ff\u4e00-\u9fff]/.test(g.label) ? "ja" : undefined}>{g.label}</span>
            <span className="ml-2 font-normal text-stone-600">
              {g.events.length} {g.events.length === 1 ? "event" : "events"}
            </span>
          </h2>
          <ol className="space-y-1.5">
            {g.events.map((e) => (
              <li key={e.id} data-testid="timeline-event" className="rounded border border-stone-200 bg-white px-3 py-2">
                <EventLine event={e} />
              </li>
            ))}
          </ol>
        </li>
      ))}
    </ol>
  );
}
