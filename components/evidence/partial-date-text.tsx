import { formatHuman, fromColumns } from "@/lib/domain/partial-date";

/** A partial date as people read it ("Sep 2024", "2017–2018"), with the canonical text machine-readable. */
export function PartialDateText({ text }: { text: string | null | undefined }) {
  const date = fromColumns(text);
  if (!date) return <span className="text-stone-500">date unknown</span>;
  return (
    <time dateTime={date.precision === "range" ? undefined : date.text} title={`${date.text} (${date.precision} precision)`} className="tabular-nums">
      {formatHuman(date)}
    </time>
  );
}
