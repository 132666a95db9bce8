import Link from "next/link";
import type { OrgChartData } from "@/lib/data/org";
import type { OrgNode, OrgSnapshot } from "@/lib/domain/org-chart";
import { isChiefExecutiveTitle, orgTree, type TreeNode } from "@/lib/domain/org-tree";
import { Badge } from "@/components/ui/badge";
import { compareNodes, roleGroupLabel } from "./chart-model";
import { leaveText, presenceLines } from "./chart-text";
import { EvidenceLinks } from "./evidence-links";

type Sources = OrgChartData["sources"];

function Person({ tree, sources }: { tree: TreeNode<OrgNode>; sources: Sources }) {
  const n = tree.data;
  const leave = leaveText(n);
  return (
    <li data-testid="org-person" data-person={n.person.slug} className="py-1.5">
      <div className="flex flex-wrap items-baseline gap-x-2">
        <Link href={`/people/${n.person.slug}`} className="font-medium underline decoration-stone-300">
          {n.person.name}
        </Link>
        <span>{n.title ?? <span className="text-stone-600">title not on record</span>}</span>
        {leave && <Badge tone="amber">{n.leave!.certain ? "on leave" : "may be on leave"}</Badge>}
        {(n.start !== "known" || n.end === "uncertain") && <Badge tone="neutral">uncertain dates</Badge>}
      </div>
      <p className="text-xs text-stone-600">
        {[...presenceLines(n), ...(leave ? [leave] : [])].join(" · ")}
        {" · "}
        {n.reportsTo ? (
          <>
            reports to{" "}
            <Link href={`/people/${n.reportsTo.slug}`} className="underline">
              {n.reportsTo.name}
            </Link>
          </>
        ) : n.statedManager ? (
          <>under the company: {n.statedManager.name}, named as manager, is not here on this date</>
        ) : (
          "no known manager"
        )}
      </p>
      <EvidenceLinks eventIds={n.eventIds} claims={n.claims} sources={sources} />
      {tree.children.length > 0 && (
        <ul aria-label={`Reporting to ${n.person.name}`} className="mt-1 ml-2 border-l-2 border-stone-300 pl-3">
          {tree.children.map((c) => (
            <Person key={c.key} tree={c} sources={sources} />
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * The chart as an indented list with the same shape and facts as the drawing: the chief executive first
 * with their recorded reports nested under them, then everyone with no manager on record by role, each
 * with their own reports nested. On a phone it replaces the drawing.
 */
export function PeopleList({
  snapshot,
  sources,
  counts,
}: {
  snapshot: OrgSnapshot;
  sources: Sources;
  /** a large chart lists some of its people: the group headings count everyone (components/org/large-chart.ts) */
  counts?: { unplaced: number; group: (group: string) => number };
}) {
  if (snapshot.nodes.length === 0) return <p className="text-sm text-stone-600">No one is on record at this date.</p>;
  const tree = orgTree(
    snapshot.nodes.map((n) => ({ key: String(n.person.id), parentKey: n.reportsTo ? String(n.reportsTo.id) : null, data: n })),
    { compare: compareNodes, isTop: (n) => isChiefExecutiveTitle(n.title), groupOf: (n) => n.roleCategory ?? "" },
  );
  const unplaced = counts?.unplaced ?? tree.groups.reduce((k, g) => k + g.roots.length, 0);
  return (
    <ul aria-label="People on this date" className="text-sm">
      {tree.top && <Person tree={tree.top} sources={sources} />}
      {tree.groups.length > 0 && (
        <li className="pt-2">
          <p className="font-medium">No manager on record ({unplaced.toLocaleString("en-US")})</p>
          <ul>
            {tree.groups.map((g) => (
              <li key={g.group} className="pt-1">
                <p className="text-xs font-semibold tracking-wide text-stone-600 uppercase">
                  {roleGroupLabel(g.group)} ({(counts?.group(g.group) ?? g.roots.length).toLocaleString("en-US")})
                </p>
                <ul className="divide-y divide-stone-200">
                  {g.roots.map((r) => (
                    <Person key={r.key} tree={r} sources={sources} />
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </li>
      )}
    </ul>
  );
}
