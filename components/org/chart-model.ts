/**
 * What each box of the chart says: snapshot nodes (and, for a diff, the people who left, drawn as ghosts
 * under their old manager) turned into layout items with their text, links and marks.
 */
import type { OrgChange, OrgDiff, OrgNode, OrgSnapshot } from "@/lib/domain/org-chart";
import type { LayoutItem } from "@/lib/domain/org-layout";
import { roleCategoryRank, roleGroupLabel } from "@/lib/domain/vocabulary";
import { dateText, leaveText, presenceLines } from "./chart-text";

export type ChangeTone = "joined" | "departed" | "changed" | "leave";

export interface ChartNodeView {
  name: string;
  slug: string;
  title: string;
  lines: string[];
  startUncertain: boolean;
  endUncertain: boolean;
  badge: { text: string; certain: boolean } | null;
  change: ChangeTone | null;
  /** drawn faded: in the "from" chart but gone by "to" */
  ghost: boolean;
  evidenceEventId: number | null;
  claimCount: number;
  roleCategory: string | null;
  /** a box that stands for a group of people (a large chart: components/org/large-chart.ts), not a person */
  box?: "group";
  /** where the box's name links: a person's page unless given */
  href?: string;
  /** among siblings of one role, boxes with a lower order come first (group boxes after people) */
  order?: number;
}

const TONE: Record<OrgChange["kind"], ChangeTone> = {
  departed: "departed",
  joined: "joined",
  returned: "joined",
  title_changed: "changed",
  manager_changed: "changed",
  leave_started: "leave",
  leave_ended: "leave",
};

function view(n: OrgNode, extra: Partial<ChartNodeView> = {}): ChartNodeView {
  const leave = leaveText(n);
  return {
    name: n.person.name,
    slug: n.person.slug,
    title: n.title ?? "title not on record",
    lines: presenceLines(n),
    startUncertain: n.start !== "known",
    endUncertain: n.end === "uncertain",
    badge: leave ? { text: n.leave!.certain ? "on leave" : "on leave?", certain: n.leave!.certain } : null,
    change: null,
    ghost: false,
    evidenceEventId: n.eventIds[0] ?? null,
    claimCount: n.claims.length,
    roleCategory: n.roleCategory,
    ...extra,
  };
}

const byName = new Intl.Collator("en").compare;

/** Siblings: present before departed, executives before the rest, then by name. */
export function compareViews(a: ChartNodeView, b: ChartNodeView): number {
  return (
    Number(a.ghost) - Number(b.ghost) ||
    roleCategoryRank(a.roleCategory) - roleCategoryRank(b.roleCategory) ||
    (a.order ?? 0) - (b.order ?? 0) ||
    byName(a.name, b.name)
  );
}

/** A group of people with no manager on record: their role category (lib/domain/vocabulary.ts). */
export { roleGroupLabel };

/** The same order for snapshot nodes (the list beside the chart). */
export function compareNodes(a: OrgNode, b: OrgNode): number {
  return roleCategoryRank(a.roleCategory) - roleCategoryRank(b.roleCategory) || byName(a.person.name, b.person.name);
}

const keyOf = (personId: number) => `p${personId}`;

export function snapshotItems(s: OrgSnapshot): LayoutItem<ChartNodeView>[] {
  return s.nodes.map((n) => ({ key: keyOf(n.person.id), parentKey: n.reportsTo ? keyOf(n.reportsTo.id) : null, data: view(n) }));
}

function changeLine(c: OrgChange): string {
  const may = c.certain ? "" : "may have ";
  switch (c.kind) {
    case "departed":
      return `${may}${c.exit === "fired" ? "been fired" : "left"} · ${dateText(c.date)}${c.destination ? ` → ${c.destination.name}` : ""}`;
    case "joined":
      return `${may}joined · ${dateText(c.date)}`;
    case "returned":
      return `${may}${c.exit === "fired" ? "fired, then returned" : "left, then returned"}`;
    case "title_changed":
      return c.before ? `was ${c.before.title ?? "title not on record"}` : `new title · ${dateText(c.date)}`;
    case "manager_changed":
      return `was under ${c.before?.manager?.name ?? "the company"}`;
    case "leave_started":
      return `${c.certain ? "went" : "may have gone"} on leave · ${dateText(c.date)}`;
    case "leave_ended":
      return `${may}back from leave`;
  }
}

/** The "to" chart with each change marked, plus the people who left, faded, where they used to sit. */
export function diffItems(d: OrgDiff, from: OrgSnapshot, to: OrgSnapshot): LayoutItem<ChartNodeView>[] {
  const byPerson = new Map<number, OrgChange[]>();
  for (const c of d.changes) byPerson.set(c.person.id, [...(byPerson.get(c.person.id) ?? []), c]);
  const items = to.nodes.map((n) => {
    const changes = byPerson.get(n.person.id) ?? [];
    const first = changes[0];
    const v = view(n, first ? { change: TONE[first.kind] } : {});
    if (changes.length) v.lines = [...changes.map(changeLine), ...v.lines].slice(0, 2);
    return { key: keyOf(n.person.id), parentKey: n.reportsTo ? keyOf(n.reportsTo.id) : null, data: v };
  });
  const present = new Set(to.nodes.map((n) => n.person.id));
  const fromBy = new Map(from.nodes.map((n) => [n.person.id, n]));
  for (const c of d.changes) {
    if (c.kind !== "departed" || present.has(c.person.id)) continue;
    const n = fromBy.get(c.person.id)!;
    const manager = n.reportsTo && present.has(n.reportsTo.id) ? keyOf(n.reportsTo.id) : null;
    items.push({
      key: keyOf(n.person.id),
      parentKey: manager,
      data: view(n, {
        change: "departed",
        ghost: true,
        badge: null,
        lines: [changeLine(c)],
        evidenceEventId: c.eventIds[0] ?? null,
        startUncertain: false,
        endUncertain: !c.certain,
      }),
    });
  }
  return items;
}
