/**
 * The flows' numbers as a table: every (company left, destination) pair, ungrouped (the chart's "other"
 * nodes are broken down here), each count a link to those departures on the timeline.
 */
import Link from "next/link";
import { UNKNOWN_LABEL, type FlowPair } from "@/lib/domain/flow-layout";
import type { EventFilters } from "@/lib/validation/event-filters";
import { pairHref } from "./flow-links";

/** Rows shown; beyond it the table says how many pairs are left out (the chart still counts them). */
export const TABLE_ROWS = 300;

export function FlowTable({ pairs, filters, total }: { pairs: FlowPair[]; filters: EventFilters; total: number }) {
  const shown = pairs.slice(0, TABLE_ROWS);
  return (
    <div className="overflow-x-auto">
      <table id="flows-table" className="w-full text-left text-sm" data-testid="flow-table">
        <caption className="mb-1 text-left font-semibold">Departures by company left and destination</caption>
        <thead className="border-b border-stone-300">
          <tr>
            <th scope="col" className="py-1 pr-3">
              Left
            </th>
            <th scope="col" className="py-1 pr-3">
              Went to
            </th>
            <th scope="col" className="py-1 pr-3 text-right">
              Departures
            </th>
            <th scope="col" className="py-1 text-right">
              Of which founded it
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((p) => (
            <tr key={`${p.from.slug}→${p.to?.slug ?? "~unknown"}`} className="border-b border-stone-100">
              <th scope="row" className="py-1 pr-3 font-normal">
                <Link href={`/companies/${p.from.slug}`} className="underline">
                  {p.from.name}
                </Link>
              </th>
              <td className="py-1 pr-3">
                {p.to ? (
                  <Link href={`/companies/${p.to.slug}`} className="underline">
                    {p.to.name}
                  </Link>
                ) : (
                  <i>{UNKNOWN_LABEL}</i>
                )}
              </td>
              <td className="py-1 pr-3 text-right tabular-nums">
                <Link
                  href={pairHref(filters, p.from.slug, p.to?.slug ?? null)}
                  className="underline"
                  aria-label={`${p.n} ${p.n === 1 ? "departure" : "departures"} from ${p.from.name} to ${p.to?.name ?? "an unknown destination"}`}
                >
                  {p.n}
                </Link>
              </td>
              <td className="py-1 text-right tabular-nums">{p.to ? p.founded : "–"}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2} className="py-1 pr-3 text-left">
              Total
            </th>
            <td className="py-1 pr-3 text-right font-semibold tabular-nums">{total}</td>
            <td className="py-1 text-right tabular-nums">{pairs.reduce((s, p) => s + p.founded, 0)}</td>
          </tr>
        </tfoot>
      </table>
      {pairs.length > shown.length && (
        <p className="mt-1 text-sm text-stone-600">
          The {pairs.length - shown.length} smallest pairs are left out of this table; narrow the filters to see them.
        </p>
      )}
    </div>
  );
}
