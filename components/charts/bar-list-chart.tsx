/**
 * Horizontal bars drawn on the server as SVG, one row per item, with the label and the count written
 * next to each bar, so it reads without hover and each label can be a link.
 */
interface Item {
  key: string;
  label: string;
  value: number;
  /** a note after the count ("3 founded") */
  note?: string;
  href?: string;
}

const ROW = 24;
const LABEL_W = 150;
const BAR_W = 150;

export function BarListChart({ id, title, items, empty }: { id: string; title: string; items: Item[]; empty: string }) {
  const max = Math.max(1, ...items.map((i) => i.value));
  const height = items.length * ROW + 4;
  const width = LABEL_W + BAR_W + 115;
  return (
    <figure aria-labelledby={`${id}-title`} className="min-w-0 space-y-2">
      <figcaption id={`${id}-title`} className="font-semibold">
        {title}
      </figcaption>
      {items.length === 0 ? (
        <p className="text-sm text-stone-600">{empty}</p>
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
            <desc id={`${id}-desc`}>{items.map((i) => `${i.label}: ${i.value}${i.note ? ` (${i.note})` : ""}`).join("; ")}</desc>
            {items.map((item, i) => {
              const y = i * ROW + 2;
              const w = Math.max(2, (item.value / max) * BAR_W);
              const label = (
                <text
                  x={LABEL_W - 8}
                  y={y + 15}
                  textAnchor="end"
                  fontSize="12"
                  fill={item.href ? "#075985" : "#1c1917"}
                  textDecoration={item.href ? "underline" : undefined}
                >
                  {item.label.length > 26 ? `${item.label.slice(0, 25)}…` : item.label}
                </text>
              );
              return (
                <g key={item.key}>
                  {item.href ? (
                    <a href={item.href} aria-label={`${item.label}: ${item.value}, show them`}>
                      {label}
                    </a>
                  ) : (
                    label
                  )}
                  <rect x={LABEL_W} y={y + 3} width={w} height={ROW - 8} rx="2" fill="#0072B2" />
                  <text x={LABEL_W + w + 6} y={y + 15} fontSize="12" fill="#1c1917">
                    {item.value}
                    {item.note ? ` · ${item.note}` : ""}
                  </text>
                </g>
              );
            })}
          </svg>
        </div>
      )}
    </figure>
  );
}
