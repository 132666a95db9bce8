/**
 * A stacked bar chart drawn on the server as SVG: one bar per period, one colour per role category.
 * Readable without hover: each bar's total is printed above it, segments large enough carry their
 * count, the legend gives each category's total, and the same numbers are in a table underneath.
 * Each bar links to the timeline for that period.
 */
import Link from "next/link";
import type { Period, PeriodSeries } from "@/lib/domain/date-range";
import { categoryColour, CATEGORY_ORDER, niceTicks } from "./palette";

interface Props {
  id: string;
  title: string;
  series: PeriodSeries;
  categoryLabel: (category: string | null) => string;
  /** what the events are, for sentences: "departures" */
  noun: string;
  /** link for one period's bar (the timeline filtered to it), or none */
  hrefFor?: (period: Period) => string;
}

const PLOT_H = 180;
const TOP = 18;
const BOTTOM = 36;
const LEFT = 34;

export function StackedBarChart({ id, title, series, categoryLabel, noun, hrefFor }: Props) {
  const { periods } = series;
  const placed = series.total - series.unplaced;
  const categories = CATEGORY_ORDER.filter((c) => periods.some((p) => p.counts.get(c)));
  const max = Math.max(0, ...periods.map((p) => p.total));
  const ticks = niceTicks(max);
  const top = ticks.at(-1)!;
  const slot = Math.max(10, Math.min(44, Math.floor(640 / Math.max(1, periods.length))));
  const bar = Math.max(6, Math.floor(slot * 0.72));
  const width = LEFT + periods.length * slot + 8;
  const height = TOP + PLOT_H + BOTTOM;
  const y = (v: number) => TOP + PLOT_H - (v / top) * PLOT_H;
  // Quarters are labelled "Q1".."Q4" with the year underneath at each Q1 (and the first bar); years are
  // labelled each when there is room, else every fifth.
  const quarterLabels = series.granularity === "quarter" && slot >= 16;
  const xLabels = (p: Period, i: number): [string | null, string | null] => {
    if (series.granularity === "quarter") {
      const year = i === 0 || p.key.endsWith("Q1") ? p.key.slice(0, 4) : null;
      return [quarterLabels ? p.key.slice(5) : null, year];
    }
    return [slot >= 30 || i === 0 || Number(p.key) % 5 === 0 ? p.key : null, null];
  };
  return (
    <figure aria-labelledby={`${id}-title`} className="min-w-0 space-y-2">
      <figcaption id={`${id}-title`} className="font-semibold">
        {title}
      </figcaption>
      {periods.length === 0 ? (
        <p className="text-sm text-stone-600">
          No {noun} with a date precise enough to place in a {series.granularity}.
        </p>
      ) : (
        <div className="overflow-x-auto">
          <svg
            role="img"
            aria-labelledby={`${id}-title ${id}-desc`}
            viewBox={`0 0 ${width} ${height}`}
            width={width}
            height={height}
            className="font-sans"
          >
            <desc id={`${id}-desc`}>
              {placed} {noun} per {series.granularity} from {periods[0].label} to {periods.at(-1)!.label}; the busiest {series.granularity} had {max}.
              The numbers are also in the table below the chart.
            </desc>
            {ticks.map((t) => (
              <g key={t}>
                <line x1={LEFT} x2={width - 4} y1={y(t)} y2={y(t)} stroke={t === 0 ? "#57534e" : "#e7e5e4"} />
                <text x={LEFT - 4} y={y(t) + 3} textAnchor="end" fontSize="10" fill="#57534e">
                  {t}
                </text>
              </g>
            ))}
            {periods.map((p, i) => {
              const x = LEFT + i * slot + (slot - bar) / 2;
              let acc = 0;
              const segments = categories.map((c) => {
                const n = p.counts.get(c) ?? 0;
                if (!n) return null;
                const y0 = y(acc + n);
                const h = y(acc) - y0;
                acc += n;
                const colour = categoryColour(c);
                return (
                  <g key={String(c)}>
                    <rect x={x} y={y0} width={bar} height={h} fill={colour.fill}>
                      <title>{`${p.label}: ${n} ${categoryLabel(c)}`}</title>
                    </rect>
                    {h >= 13 && bar >= 16 && (
                      <text x={x + bar / 2} y={y0 + h / 2 + 3.5} textAnchor="middle" fontSize="9.5" fill={colour.text}>
                        {n}
                      </text>
                    )}
                  </g>
                );
              });
              const column = (
                <g>
                  {segments}
                  {p.total > 0 && (
                    <text x={x + bar / 2} y={y(p.total) - 3} textAnchor="middle" fontSize="10" fontWeight="600" fill="#1c1917">
                      {p.total}
                    </text>
                  )}
                  {xLabels(p, i).map(
                    (text, line) =>
                      text && (
                        <text
                          key={line}
                          x={x + bar / 2}
                          y={TOP + PLOT_H + 13 + line * 12}
                          textAnchor={line ? "start" : "middle"}
                          fontSize="10"
                          fill={line ? "#1c1917" : "#57534e"}
                        >
                          {text}
                        </text>
                      ),
                  )}
                </g>
              );
              return hrefFor && p.total > 0 ? (
                <a key={p.key} href={hrefFor(p)} aria-label={`${p.label}: ${p.total} ${noun}, show them`}>
                  {column}
                </a>
              ) : (
                <g key={p.key}>{column}</g>
              );
            })}
          </svg>
        </div>
      )}
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label="Legend">
        {categories.map((c) => {
          const total = periods.reduce((s, p) => s + (p.counts.get(c) ?? 0), 0);
          return (
            <li key={String(c)} className="flex items-center gap-1.5">
              <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm" style={{ background: categoryColour(c).fill }} />
              {categoryLabel(c)} <span className="text-stone-600">({total})</span>
            </li>
          );
        })}
      </ul>
      {series.unplaced > 0 && (
        <p className="text-sm text-stone-600">
          Not in the chart: {series.unplaced} of {series.total} {noun} whose date is unknown or only known as a year or a range wider than one{" "}
          {series.granularity}; they are not guessed into a bar.
        </p>
      )}
      {periods.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer text-stone-700">The numbers as a table</summary>
          <div className="mt-1 overflow-x-auto">
            <table className="text-left">
              <thead>
                <tr>
                  <th scope="col" className="pr-3 font-medium">
                    {series.granularity === "quarter" ? "Quarter" : "Year"}
                  </th>
                  {categories.map((c) => (
                    <th key={String(c)} scope="col" className="pr-3 font-medium">
                      {categoryLabel(c)}
                    </th>
                  ))}
                  <th scope="col" className="font-medium">
                    Total
                  </th>
                </tr>
              </thead>
              <tbody>
                {periods
                  .filter((p) => p.total > 0)
                  .map((p) => (
                    <tr key={p.key}>
                      <th scope="row" className="pr-3 font-normal">
                        {hrefFor ? (
                          <Link href={hrefFor(p)} className="underline">
                            {p.label}
                          </Link>
                        ) : (
                          p.label
                        )}
                      </th>
                      {categories.map((c) => (
                        <td key={String(c)} className="pr-3 tabular-nums">
                          {p.counts.get(c) ?? 0}
                        </td>
                      ))}
                      <td className="tabular-nums font-medium">{p.total}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </figure>
  );
}
