import Link from "next/link";
import type { NodeClaim } from "@/lib/domain/org-chart";
import type { OrgSource } from "@/lib/data/org";

/** The events and sources a position or a change rests on, each a link to its evidence page. */
export function EvidenceLinks({ eventIds, claims, sources }: { eventIds: number[]; claims: NodeClaim[]; sources: Map<number, OrgSource> }) {
  const sourceIds = [...new Set(claims.map((c) => c.sourceId))];
  if (eventIds.length === 0) return <span className="text-xs text-stone-500">no evidence on record</span>;
  return (
    <span className="text-xs">
      <span className="text-stone-600">evidence: </span>
      {eventIds.map((id, i) => (
        <span key={id}>
          {i > 0 && ", "}
          <Link href={`/events/${id}`} className="text-sky-800 underline">
            event {id}
          </Link>
        </span>
      ))}
      {sourceIds.map((id) => {
        const s = sources.get(id);
        const title = s?.title ?? `source ${id}`;
        return (
          <span key={id}>
            {" · "}
            <Link href={`/sources/${id}`} className="text-sky-800 underline" title={title}>
              <span className="sr-only">source: </span>
              <span lang={s?.language}>{title.length > 18 ? `${title.slice(0, 18)}…` : title}</span>
            </Link>
          </span>
        );
      })}
    </span>
  );
}
