/**
 * The date as the source gives it: choose the precision, then type the parts it needs. Which parts show
 * is pure CSS (:has on the checked radio), so it works the same without JavaScript; the parts that do
 * not apply are ignored by the server. Nothing is ever rounded to a day the source did not give.
 */
import { Fieldset, inputClass } from "@/components/ui/field";
import type { FormValues } from "@/lib/validation/claim-form";

const PRECISIONS = [
  { value: "unknown", label: "Not given" },
  { value: "day", label: "Day" },
  { value: "month", label: "Month" },
  { value: "quarter", label: "Quarter" },
  { value: "year", label: "Year" },
  { value: "range", label: "Between two dates" },
] as const;

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

// Literal class names, so Tailwind generates them: each part hides for the precisions that do not use it.
const SHOW = {
  year: "group-has-[#dp-unknown:checked]/date:hidden group-has-[#dp-range:checked]/date:hidden",
  month:
    "group-has-[#dp-unknown:checked]/date:hidden group-has-[#dp-quarter:checked]/date:hidden group-has-[#dp-year:checked]/date:hidden group-has-[#dp-range:checked]/date:hidden",
  day: "group-has-[#dp-unknown:checked]/date:hidden group-has-[#dp-month:checked]/date:hidden group-has-[#dp-quarter:checked]/date:hidden group-has-[#dp-year:checked]/date:hidden group-has-[#dp-range:checked]/date:hidden",
  quarter:
    "group-has-[#dp-unknown:checked]/date:hidden group-has-[#dp-day:checked]/date:hidden group-has-[#dp-month:checked]/date:hidden group-has-[#dp-year:checked]/date:hidden group-has-[#dp-range:checked]/date:hidden",
  range:
    "group-has-[#dp-unknown:checked]/date:hidden group-has-[#dp-day:checked]/date:hidden group-has-[#dp-month:checked]/date:hidden group-has-[#dp-quarter:checked]/date:hidden group-has-[#dp-year:checked]/date:hidden",
};

export function DateFields({ values, errors }: { values: FormValues; errors?: string[] }) {
  const precision = values["date.precision"] || "unknown";
  const describedBy = errors?.length ? "date-fieldset-error" : undefined;
  const part = (name: string, label: string, className: string, control: React.ReactNode) => (
    <div className={className}>
      <label htmlFor={`f-${name.replace(".", "-")}`} className="block text-xs font-medium text-stone-700">
        {label}
      </label>
      {control}
    </div>
  );
  const input = (name: string, props: React.InputHTMLAttributes<HTMLInputElement>) => (
    <input
      id={`f-${name.replace(".", "-")}`}
      name={name}
      type="text"
      defaultValue={values[name] ?? ""}
      aria-invalid={errors?.length ? true : undefined}
      aria-describedby={describedBy}
      className={`mt-1 ${inputClass}`}
      {...props}
    />
  );
  return (
    <Fieldset
      id="date-fieldset"
      legend="When"
      hint="As precisely as the source says it, and no more: “in September 2024” is a month, “in 2017 or 2018” is a range."
      errors={errors}
      className="group/date"
    >
      <div role="radiogroup" aria-label="Precision" className="flex flex-wrap gap-x-4 gap-y-1">
        {PRECISIONS.map((p) => (
          <label key={p.value} className="inline-flex items-center gap-1.5 text-sm">
            <input type="radio" id={`dp-${p.value}`} name="date.precision" value={p.value} defaultChecked={precision === p.value} />
            {p.label}
          </label>
        ))}
      </div>
      <div className="mt-3 flex flex-wrap items-end gap-3">
        {part("date.year", "Year", `w-24 ${SHOW.year}`, input("date.year", { inputMode: "numeric", placeholder: "e.g. 2024", maxLength: 4 }))}
        {part(
          "date.quarter",
          "Quarter",
          `w-32 ${SHOW.quarter}`,
          <select
            id="f-date-quarter"
            name="date.quarter"
            defaultValue={values["date.quarter"] ?? ""}
            aria-invalid={errors?.length ? true : undefined}
            aria-describedby={describedBy}
            className={`mt-1 ${inputClass}`}
          >
            <option value="">Choose…</option>
            {[1, 2, 3, 4].map((q) => (
              <option key={q} value={q}>
                Q{q} ({MONTHS[(q - 1) * 3].slice(0, 3)}–{MONTHS[q * 3 - 1].slice(0, 3)})
              </option>
            ))}
          </select>,
        )}
        {part(
          "date.month",
          "Month",
          `w-40 ${SHOW.month}`,
          <select
            id="f-date-month"
            name="date.month"
            defaultValue={values["date.month"] ?? ""}
            aria-invalid={errors?.length ? true : undefined}
            aria-describedby={describedBy}
            className={`mt-1 ${inputClass}`}
          >
            <option value="">Choose…</option>
            {MONTHS.map((m, i) => (
              <option key={m} value={String(i + 1).padStart(2, "0")}>
                {m}
              </option>
            ))}
          </select>,
        )}
        {part("date.day", "Day", `w-20 ${SHOW.day}`, input("date.day", { inputMode: "numeric", placeholder: "e.g. 25", maxLength: 2 }))}
        {part("date.from", "From", `w-36 ${SHOW.range}`, input("date.from", { placeholder: "e.g. 2017 or 2017-05" }))}
        {part("date.to", "To", `w-36 ${SHOW.range}`, input("date.to", { placeholder: "e.g. 2018 or 2018-Q1" }))}
      </div>
    </Fieldset>
  );
}
