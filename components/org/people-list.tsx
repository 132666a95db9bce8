import Link from "next/link";
import type { OrgChartData } from "@/lib/data/org";
import type { OrgSnapshot } from "@/lib/domain/org-chart";
import { Badge } from "@/components/ui/badge";
import { leaveText, presenceLines } from "./chart-text";
import { EvidenceLinks } from "./evidence-links";

/** The chart as a list: the same facts as the drawing, readable by anyone, each with its evidence. */
export function PeopleList({ snapshot, sources }: { snapshot: OrgSnapshot; sources: OrgChartData["sources"] }) {
  if (snapshot.nodes.length === 0) return <p className="text-sm text-stone-600">No one is on record at this date.</p>;
  return (
    <ul aria-label="People on this date" className="divide-y divide-stone-200 text-sm">
      {snapshot.nodes.map((n) => {
        const leave = leaveText(n);
        return (
          <li key={n.person.id} data-testid="org-person" data-person={n.person.slug} className="py-2">
            <div className="flex flex-wrap items-baseline gap-x-2">
              <Link href={`/people/${n.person.slug}`} className="font-medium underline decoration-stone-300">
                {n.person.name}
              </Link>
              <span>{n.title ?? <span className="text-stone-500">title not on record</span>}</span>
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
          </li>
        );
      })}
    </ul>
  );
}
