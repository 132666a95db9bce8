/**
 * How the source gives the date: it states it, it says it relative to its own publication ("this year",
 * 今年, "last month"), or it only shows the event happened by the time it was published. The phrase field
 * is always there (it matters only for relative dates), so the form works the same without JavaScript.
 */
import { Fieldset, TextField } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/validation/field-errors";
import type { FormValues } from "@/lib/validation/claim-form";
import { DATE_BASES, type DateBasis } from "@/lib/domain/vocabulary";

const LABELS: Record<DateBasis, string> = {
  stated: "The text states the date (or gives none)",
  relative_to_published: "A phrase relative to the publication date (“this year”, 今年)",
  bounded_by_published: "Only that it happened by the publication date",
};

export function DateBasisFields({ values, errors }: { values: FormValues; errors: FieldErrors }) {
  const basis = values.dateBasis || "stated";
  return (
    <Fieldset
      id="date-basis-fieldset"
      legend="How the date was read"
      hint="A relative phrase is resolved against the source's publication date, so give that date with the source."
      errors={errors.dateBasis}
    >
      <div role="radiogroup" aria-label="How the date was read" className="space-y-1">
        {DATE_BASES.map((b) => (
          <label key={b} className="flex items-center gap-1.5 text-sm">
            <input type="radio" id={`db-${b}`} name="dateBasis" value={b} defaultChecked={basis === b} />
            {LABELS[b]}
          </label>
        ))}
      </div>
      <TextField
        name="datePhrase"
        label="The words the date is read from (only for a relative date)"
        hint="Exactly as the source has them: this year, last month, in May, 今年, 昨年末, 先月. “When” above may then stay “Not given”."
        errors={errors.datePhrase}
        className="mt-3 max-w-md"
        inputProps={{ defaultValue: values.datePhrase ?? "", autoComplete: "off" }}
      />
    </Fieldset>
  );
}
