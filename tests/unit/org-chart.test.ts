import { describe, expect, it } from "vitest";
import { changeDates, diff, snapshot, type OrgEvent, type OrgPerson, type OrgPosition } from "@/lib/domain/org-chart";
import { partialDate } from "@/lib/domain/partial-date";
import type { EventKind } from "@/lib/domain/vocabulary";

// A tiny fixture language: people, their tenures and the events those tenures rest on.
const people: Record<string, OrgPerson> = {};
const person = (name: string): OrgPerson =>
  (people[name] ??= { id: Object.keys(people).length + 1, name, slug: name.toLowerCase().replace(/ /g, "-") });

let nextEvent = 100;
let nextPosition = 1;
function ev(who: string, kind: EventKind, date: string | null, extra: Partial<OrgEvent> = {}): OrgEvent {
  const id = nextEvent++;
  return {
    id,
    personId: person(who).id,
    kind,
    date: date ? partialDate(date) : null,
    destination: null,
    claims: [{ id: id * 10, sourceId: 7 }],
    ...extra,
  };
}
function pos(who: string, title: string, start: string | null, end: string | null, events: OrgEvent[], reportsTo?: string): OrgPosition {
  return {
    id: nextPosition++,
    person: person(who),
    title,
    roleCategory: "executive",
    team: null,
    start: start ? partialDate(start) : null,
    end: end ? partialDate(end) : null,
    reportsTo: reportsTo ? person(reportsTo) : null,
    eventIds: events.map((e) => e.id),
  };
}

/** OpenAI-shaped fixture: a CEO fired and rehired, a CTO who leaves, a president on leave reporting to her. */
function openAiLike() {
  const events: OrgEvent[] = [];
  const e = (...args: Parameters<typeof ev>) => {
    const created = ev(...args);
    events.push(created);
    return created;
  };
  const positions = [
    pos("Sam", "CEO", null, "2023-11", [e("Sam", "departed", "2023-11", { manner: "fired" })]),
    pos("Sam", "CEO", "2023-11", null, [e("Sam", "returned", "2023-11")]),
    pos("Mira", "Interim CEO", "2023-11", "2023-11", [e("Mira", "role_changed", "2023-11")]),
    pos("Mira", "CTO", "2023-11", "2024-09-25", [
      e("Mira", "role_changed", "2023-11"),
      e("Mira", "departed", "2024-09-25", { destination: { name: "Thinking Machines", slug: "thinking-machines", relation: "founded" } }),
    ]),
    // the source naming his manager is the one about his leave (as in article 001)
    pos(
      "Greg",
      "President",
      "2022",
      null,
      [e("Greg", "role_changed", "2022"), e("Greg", "leave_started", "2024-07/2024-08-06", { reportsToPersonId: person("Mira").id })],
      "Mira",
    ),
    pos("Bob", "Chief Research Officer", null, "2024-09-25", [e("Bob", "departed", "2024-09-25")]),
    pos("Sarah", "CFO", "2022-11/2024-09-27", null, [e("Sarah", "joined", "2022-11/2024-09-27")]),
  ];
  return { positions, events };
}

const names = (s: ReturnType<typeof snapshot>) => s.nodes.map((n) => n.person.name);
const node = (s: ReturnType<typeof snapshot>, name: string) => s.nodes.find((n) => n.person.name === name);

describe("snapshot", () => {
  const { positions, events } = openAiLike();

  it("shows who held which title on the day, with reporting lines resolved to people present that day", () => {
    const s = snapshot(positions, events, "2024-01-01");
    expect(names(s)).toEqual(["Bob", "Greg", "Mira", "Sam", "Sarah"]);
    expect(node(s, "Mira")).toMatchObject({ title: "CTO", start: "known", end: "open", reportsTo: null });
    expect(node(s, "Greg")).toMatchObject({ title: "President", reportsTo: { name: "Mira" }, onLeave: false, leave: null });
    expect(node(s, "Sam")).toMatchObject({ title: "CEO", start: "known" });
  });

  it("a manager leaving sends the reports up to the company group, keeping the manager the source named", () => {
    const s = snapshot(positions, events, "2024-10-15");
    expect(names(s)).toEqual(["Greg", "Sam", "Sarah"]);
    expect(node(s, "Greg")).toMatchObject({ reportsTo: null, statedManager: { name: "Mira" } });
  });

  it("a leave with no later return is a badge; inside the leave's date range it is only possible", () => {
    expect(node(snapshot(positions, events, "2024-10-15"), "Greg")).toMatchObject({
      onLeave: true,
      leave: { certain: true, since: { text: "2024-07/2024-08-06" } },
    });
    expect(node(snapshot(positions, events, "2024-07-20"), "Greg")).toMatchObject({ onLeave: false, leave: { certain: false } });
    expect(node(snapshot(positions, events, "2024-06-30"), "Greg")?.leave).toBeNull();
  });

  it("a return ends the leave, and a return known only to a month leaves the leave uncertain inside that month", () => {
    const leave = ev("Ann", "leave_started", "2024-03-10");
    const back = ev("Ann", "returned", "2024-06");
    const ps = [pos("Ann", "VP", "2020", null, [ev("Ann", "joined", "2020"), leave, back])];
    const all = [leave, back];
    expect(snapshot(ps, all, "2024-04-01").nodes[0]).toMatchObject({ onLeave: true });
    expect(snapshot(ps, all, "2024-06-15").nodes[0]).toMatchObject({ onLeave: false, leave: { certain: false } });
    expect(snapshot(ps, all, "2024-07-01").nodes[0]).toMatchObject({ onLeave: false, leave: null });
  });

  it("an imprecise start is drawn as uncertain inside its interval, never guessed", () => {
    expect(node(snapshot(positions, events, "2024-01-01"), "Sarah")).toMatchObject({
      start: "uncertain",
      since: { text: "2022-11/2024-09-27" },
      tenure: { minDays: 0, maxDays: 426 },
    });
    expect(node(snapshot(positions, events, "2024-09-27"), "Sarah")).toMatchObject({ start: "known" });
    expect(node(snapshot(positions, events, "2022-10-31"), "Sarah")).toBeUndefined();
  });

  it("an imprecise end means 'may have left' inside its interval; the end day itself counts as gone", () => {
    const ps = [pos("Jan", "Co-lead", "2023-06", "2024-05", [])];
    expect(snapshot(ps, [], "2024-04-30").nodes[0]).toMatchObject({ end: "open", until: null });
    expect(snapshot(ps, [], "2024-05-10").nodes[0]).toMatchObject({ end: "uncertain", until: { text: "2024-05" } });
    expect(snapshot(ps, [], "2024-05-31").nodes).toHaveLength(0);
    expect(node(snapshot(positions, events, "2024-09-24"), "Mira")).toBeDefined();
    expect(node(snapshot(positions, events, "2024-09-25"), "Mira")).toBeUndefined();
  });

  it("an open-ended tenure lasts to any later day; a tenure with no known start is there, marked unknown, until it ends", () => {
    expect(node(snapshot(positions, events, "2030-01-01"), "Sarah")).toMatchObject({ end: "open" });
    expect(node(snapshot(positions, events, "2019-01-01"), "Bob")).toMatchObject({ start: "unknown", tenure: null, since: null });
  });

  it("a month with two changes (fired and rehired, interim then back to CTO) shows the newest title and names the other", () => {
    const s = snapshot(positions, events, "2023-11-15");
    expect(node(s, "Mira")).toMatchObject({ title: "CTO", start: "uncertain", otherTitles: ["Interim CEO"] });
    expect(node(s, "Sam")).toMatchObject({ title: "CEO", start: "uncertain", otherTitles: [], earlierMayRun: true });
    expect(node(snapshot(positions, events, "2024-01-01"), "Sam")).toMatchObject({ earlierMayRun: false });
  });

  it("each node carries the claims its position rests on", () => {
    const mira = node(snapshot(positions, events, "2024-01-01"), "Mira")!;
    expect(mira.eventIds).toHaveLength(2);
    expect(mira.claims.map((c) => c.eventId)).toEqual(mira.eventIds);
    expect(mira.claims.every((c) => c.sourceId === 7)).toBe(true);
  });

  it("steps to the previous and next day on which the chart changes", () => {
    const s = snapshot(positions, events, "2024-01-01");
    expect(s.previousChange).toBe("2023-11-30");
    expect(s.nextChange).toBe("2024-07-01");
    const all = changeDates(positions, events);
    expect(all).toContain("2024-09-25");
    expect(all).toEqual([...all].sort());
    expect(new Set(all).size).toBe(all.length);
  });

  it("breaks a reporting loop instead of dropping people", () => {
    const ps = [pos("A", "X", "2020", null, [], "B"), pos("B", "Y", "2020", null, [], "A"), pos("C", "Z", "2020", null, [], "A")];
    const s = snapshot(ps, [], "2021-01-01");
    expect(s.nodes).toHaveLength(3);
    const roots = s.nodes.filter((n) => n.reportsTo === null);
    expect(roots).toHaveLength(1);
    expect(node(s, "C")?.reportsTo?.name).toBe("A");
  });
});

describe("diff", () => {
  const { positions, events } = openAiLike();
  const between = (from: string, to: string) => diff(snapshot(positions, events, from), snapshot(positions, events, to));
  const kinds = (d: ReturnType<typeof diff>) => d.changes.map((c) => `${c.kind}:${c.person.name}${c.certain ? "" : "?"}`);

  it("lists departures with where they went, the leave, the moved reporting line and the uncertain hire", () => {
    const d = between("2024-01-01", "2024-10-15");
    expect(kinds(d)).toEqual(["departed:Bob", "departed:Mira", "joined:Sarah?", "manager_changed:Greg", "leave_started:Greg"]);
    const mira = d.changes.find((c) => c.person.name === "Mira")!;
    expect(mira).toMatchObject({
      exit: "departed",
      date: { text: "2024-09-25" },
      before: { title: "CTO" },
      destination: { name: "Thinking Machines" },
    });
    expect(mira.claims).toHaveLength(1);
    expect(d.changes.find((c) => c.kind === "manager_changed")).toMatchObject({
      before: { manager: { name: "Mira" } },
      after: { manager: null },
      eventIds: mira.eventIds,
    });
  });

  it("a firing and a return between the two days is one change, with both events", () => {
    const d = between("2023-10-01", "2024-01-01");
    const sam = d.changes.find((c) => c.person.name === "Sam")!;
    expect(sam).toMatchObject({ kind: "returned", exit: "fired", certain: true });
    expect(sam.eventIds).toHaveLength(2);
    // Greg's line to Mira appears with her: the evidence is the claim that names the manager
    const greg = d.changes.find((c) => c.person.name === "Greg")!;
    expect(greg).toMatchObject({ kind: "manager_changed", before: { manager: null }, after: { manager: { name: "Mira" } } });
    expect(greg.eventIds.map((id) => events.find((e) => e.id === id)?.kind)).toEqual(["leave_started"]);
    // Mira's first dated tenure opens with a change of title: she was there before, in a role we have no dates for
    expect(d.changes.find((c) => c.person.name === "Mira")).toMatchObject({ kind: "title_changed", before: null, after: { title: "CTO" } });
  });

  it("a leave that ends, and a title change", () => {
    const leave = ev("Ann", "leave_started", "2024-03-10");
    const back = ev("Ann", "returned", "2024-06-02");
    const promo = ev("Ann", "role_changed", "2024-08");
    const ps = [pos("Ann", "VP", "2020", "2024-08", [leave, back]), pos("Ann", "SVP", "2024-08", null, [promo])];
    const all = [leave, back, promo];
    const d = diff(snapshot(ps, all, "2024-04-01"), snapshot(ps, all, "2024-12-01"));
    expect(kinds(d)).toEqual(["title_changed:Ann", "leave_ended:Ann"]);
    expect(d.changes[0]).toMatchObject({ before: { title: "VP" }, after: { title: "SVP" }, eventIds: [promo.id] });
    expect(d.changes[1]).toMatchObject({ eventIds: [back.id], date: { text: "2024-06-02" } });
  });

  it("says 'may have left' when the second day falls inside the departure's interval", () => {
    const out = ev("Jan", "departed", "2024-05");
    const ps = [pos("Jan", "Co-lead", "2023-06", "2024-05", [ev("Jan", "role_changed", "2023-06"), out])];
    const d = diff(snapshot(ps, [out], "2024-01-01"), snapshot(ps, [out], "2024-05-15"));
    expect(d.changes).toMatchObject([{ kind: "departed", certain: false, eventIds: [out.id] }]);
  });

  it("nothing changed, nothing listed", () => {
    expect(between("2024-02-01", "2024-03-01").changes).toEqual([]);
  });
});
