import type { FieldErrors } from "@/lib/validation/field-errors";
import { DateField } from "./date-field";

const button = "rounded bg-stone-800 px-3 py-1 text-sm font-medium text-white hover:bg-stone-700";

/** Plain GET forms: the URL is the state, so every chart and every comparison can be bookmarked. */
export function SnapshotForm({ action, at, errors, today }: { action: string; at?: string; errors?: FieldErrors; today: string }) {
  return (
    <form method="get" action={action} aria-label="Show the chart on a date" className="flex flex-wrap items-end gap-2">
      <DateField id="org-at" name="at" label="Chart on" value={at} errors={errors?.at} max={today} />
      <button type="submit" className={button}>
        Show
      </button>
    </form>
  );
}

export function DiffForm({ action, from, to, errors, today }: { action: string; from?: string; to?: string; errors?: FieldErrors; today: string }) {
  return (
    <form method="get" action={action} aria-label="Compare two dates" className="flex flex-wrap items-end gap-2">
      <DateField id="org-from" name="from" label="Compare from" value={from} errors={errors?.from} max={today} />
      <DateField id="org-to" name="to" label="to" value={to} errors={errors?.to} max={today} />
      <button type="submit" className={button}>
        Compare
      </button>
    </form>
  );
}
