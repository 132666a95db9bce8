/**
 * A disagreement between claims, side by side: one column per value asserted (a date, a destination,
 * a kind of event, how they left), each listing the claims that assert it with their source and excerpt.
 */
import Link from "next/link";
import { FIELD_LABELS, FieldValue } from "@/components/evidence/field-value";
import type { EventWithClaims } from "@/lib/data/event-json";
import type { Conflict } from "@/lib/domain/event-summary";

type Claim = EventWithClaims["claims"][number];

export function ConflictTable({ conflict, claims }: { conflict: Conflict; claims: Claim[] }) {
  const byId = new Map(claims.map((c) => [c.id, c]));
  return (
    <div className="overflow-x-auto">
      <table className="w-full table-fixed border-collapse text-sm" data-testid={`conflict-${conflict.field}`}>
        <caption className="mb-1 text-left font-medium text-amber-900">Sources disagree on {FIELD_LABELS[conflict.field]}</caption>
        <thead>
          <tr>
            {conflict.values.map((v) => (
              <th key={v.value} scope="col" className="border border-amber-300 bg-amber-50 px-2 py-1 text-left">
                <FieldValue field={conflict.field} value={v.value} claims={claims} />{" "}
                <span className="font-normal text-stone-600">
                  ({v.claimIds.length} {v.claimIds.length === 1 ? "claim" : "claims"})
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {conflict.values.map((v) => (
              <td key={v.value} className="border border-amber-300 px-2 py-1 align-top">
                <ul className="space-y-2">
                  {v.claimIds.map((id) => {
                    const c = byId.get(id);
                    if (!c) return null;
                    return (
                      <li key={id}>
                        <q lang={c.source.language} className="line-clamp-3 text-stone-900">
                          {c.excerpt}
                        </q>
                        <span className="block text-xs text-stone-600">
                          <Link href={`/sources/${c.source.id}`} className="text-sky-800 underline">
                            <span lang={c.source.language}>{c.source.title}</span>
                          </Link>
                          {c.source.publisher && <> · {c.source.publisher}</>} ·{" "}
                          <a href={`#claim-${id}`} className="underline">
                            claim {id}
                          </a>
                        </span>
                      </li>
                    );
                  })}
                </ul>
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
