/** What the marks on the chart mean; the same words as the boxes. */
export function ChartLegend({ diff }: { diff: boolean }) {
  const item = "flex items-center gap-1.5";
  return (
    <ul aria-label="Legend" className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-stone-700">
      <li className={item}>
        <svg width="28" height="14" aria-hidden="true">
          <rect x="1" y="1" width="26" height="12" rx="2" fill="#fff" stroke="#78716c" strokeDasharray="4 2" />
          <rect x="2" y="2" width="5" height="10" fill="#d6d3d1" />
        </svg>
        dashed, hatched: start or end known only to a month, year or range (“may have started/left”)
      </li>
      <li className={item}>
        <span className="rounded-full border border-amber-600 bg-amber-100 px-1.5 text-amber-900">on leave</span> a leave with no return on record
      </li>
      {diff && (
        <>
          <li className={item}>
            <span className="inline-block h-3 w-1.5 bg-red-600" aria-hidden="true" /> left (faded, where they sat)
          </li>
          <li className={item}>
            <span className="inline-block h-3 w-1.5 bg-emerald-600" aria-hidden="true" /> joined or returned
          </li>
          <li className={item}>
            <span className="inline-block h-3 w-1.5 bg-blue-600" aria-hidden="true" /> new title or manager
          </li>
          <li className={item}>
            <span className="inline-block h-3 w-1.5 bg-amber-600" aria-hidden="true" /> leave started or ended
          </li>
        </>
      )}
    </ul>
  );
}
