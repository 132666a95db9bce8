/**
 * For each field of an event (date, manner, role, destination, reason): the value shown, the claims that
 * support it, the claims that disagree and why the shown value won. Every claim is a link to its card.
 */
import type { EventWithClaims } from "@/lib/data/event-json";
import type { FieldSupport } from "@/lib/domain/event-summary";
import { FIELD_LABELS, FieldValue } from "./field-value";

type Claim = EventWithClaims["claims"][number];

function ClaimLinks({ ids, claims }: { ids: number[]; claims: Map<number, Claim> }) {
  return (
    <>
      {ids.map((id, i) => {
        const c = claims.get(id);
        return (
          <span key={id}>
            {i > 0 && ", "}
            <a href={`#claim-${id}`} className="text-sky-800 underline">
              claim {id}
            </a>
            {c && <span className="text-stone-600"> ({c.source.publisher ?? c.source.title})</span>}
          </span>
        );
      })}
    </>
  );
}

export function FieldSupportTable({ support, claims }: { support: FieldSupport[]; claims: Claim[] }) {
  const byId = new Map(claims.map((c) => [c.id, c]));
  const rows = support.filter((s) => s.shown !== null || s.disagreeing.length > 0);
  if (rows.length === 0) return null;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm" data-testid="field-support">
        <caption className="sr-only">Which claims support each shown value, which disagree, and why the shown value won</caption>
        <thead>
          <tr className="text-left text-xs text-stone-600">
            <th scope="col" className="border-b border-stone-200 px-2 py-1">
              Field
            </th>
            <th scope="col" className="border-b border-stone-200 px-2 py-1">
              Shown
            </th>
            <th scope="col" className="border-b border-stone-200 px-2 py-1">
              Supported by
            </th>
            <th scope="col" className="border-b border-stone-200 px-2 py-1">
              Disagreeing
            </th>
            <th scope="col" className="border-b border-stone-200 px-2 py-1">
              Why this value
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.field} data-field={s.field} className="align-top">
              <th scope="row" className="border-b border-stone-100 px-2 py-1 text-left font-medium">
                {FIELD_LABELS[s.field].replace(/^./, (c) => c.toUpperCase())}
              </th>
              <td className="border-b border-stone-100 px-2 py-1">
                {s.shown === null ? (
                  <span className="text-stone-500">none</span>
                ) : (
                  <FieldValue field={s.field} value={s.shown} claims={byId.values()} />
                )}
              </td>
              <td className="border-b border-stone-100 px-2 py-1">
                {s.supporting.length ? <ClaimLinks ids={s.supporting} claims={byId} /> : <span className="text-stone-500">no claim</span>}
              </td>
              <td className="border-b border-stone-100 px-2 py-1">
                {s.disagreeing.length === 0 ? (
                  <span className="text-stone-500">none</span>
                ) : (
                  <ul className="space-y-0.5">
                    {s.disagreeing.map((d) => (
                      <li key={d.value}>
                        <span className="font-medium text-amber-900">
                          <FieldValue field={s.field} value={d.value} claims={byId.values()} />
                        </span>
                        : <ClaimLinks ids={d.claimIds} claims={byId} />
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td className="border-b border-stone-100 px-2 py-1 text-stone-700">{s.why}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
