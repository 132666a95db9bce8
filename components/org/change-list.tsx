import Link from "next/link";
import type { OrgChartData } from "@/lib/data/org";
import type { OrgChange, OrgChangeKind, OrgDiff } from "@/lib/domain/org-chart";
import { ORG_CHANGE_KINDS } from "@/lib/domain/org-chart";
import { Badge } from "@/components/ui/badge";
import { dateText } from "./chart-text";
import { EvidenceLinks } from "./evidence-links";

const HEADINGS: Record<OrgChangeKind, string> = {
  departed: "Departed",
  joined: "Joined",
  returned: "Left and returned",
  title_changed: "New title",
  manager_changed: "New manager",
  leave_started: "Went on leave",
  leave_ended: "Back from leave",
};

const managerName = (m: { name: string } | null | undefined) => m?.name ?? "the company (no known manager)";

function describe(c: OrgChange): string {
  const when = c.date ? ` (${dateText(c.date)})` : "";
  switch (c.kind) {
    case "departed":
      return `${c.before?.title ?? "title not on record"} · ${c.exit === "fired" ? "fired" : "left"}${when}${
        c.destination ? ` → ${c.destination.relation === "founded" ? "founded" : "joined"} ${c.destination.name}` : ""
      }`;
    case "joined":
      return `${c.after?.title ?? "title not on record"}${when}`;
    case "returned":
      return `${c.exit === "fired" ? "fired, then back" : "left, then back"} as ${c.after?.title ?? "title not on record"}${when}`;
    case "title_changed":
      return c.before ? `${c.before.title ?? "?"} → ${c.after?.title ?? "?"}${when}` : `${c.after?.title ?? "?"}${when} (earlier role not dated)`;
    case "manager_changed":
      return `${managerName(c.before?.manager)} → ${managerName(c.after?.manager)}${when ? ` · manager left${when}` : ""}`;
    case "leave_started":
      return `${c.after?.title ?? ""}, on leave since ${dateText(c.date)}`;
    case "leave_ended":
      return `back${when}`;
  }
}

/** The changes between two dates, grouped by kind, each linked to the person and to its evidence. */
export function ChangeList({ diff, sources }: { diff: OrgDiff; sources: OrgChartData["sources"] }) {
  if (diff.changes.length === 0) return <p className="text-sm text-stone-600">No change on record between these dates.</p>;
  return (
    <div className="space-y-4">
      {ORG_CHANGE_KINDS.map((kind) => {
        const changes = diff.changes.filter((c) => c.kind === kind);
        if (changes.length === 0) return null;
        const headingId = `org-changes-${kind}`;
        return (
          <section key={kind} aria-labelledby={headingId} data-testid={`org-changes-${kind}`}>
            <h3 id={headingId} className="mb-1 font-medium">
              {HEADINGS[kind]} ({changes.length})
            </h3>
            <ul className="divide-y divide-stone-200 text-sm">
              {changes.map((c) => (
                <li key={`${c.kind}-${c.person.id}`} data-testid="org-change" data-person={c.person.slug} className="py-1.5">
                  <div className="flex flex-wrap items-baseline gap-x-2">
                    <Link href={`/people/${c.person.slug}`} className="font-medium underline decoration-stone-300">
                      {c.person.name}
                    </Link>
                    {!c.certain && (
                      <Badge tone="neutral" title="The dates allow it but do not settle it">
                        may have
                      </Badge>
                    )}
                    <span className="text-stone-700">{describe(c)}</span>
                  </div>
                  <EvidenceLinks eventIds={c.eventIds} claims={c.claims} sources={sources} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
