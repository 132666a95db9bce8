"use client";

/** Where the person went: not given, joined a company (suggested as typed), or founded a new one. */
import { useState } from "react";
import { Fieldset } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/validation/field-errors";
import type { FormValues } from "@/lib/validation/claim-form";
import { NameCombobox } from "./name-combobox";

const RELATIONS = [
  { value: "unknown", label: "Not given" },
  { value: "joined", label: "Joined a company" },
  { value: "founded", label: "Founded a company" },
] as const;

export function DestinationFields({ values, errors }: { values: FormValues; errors: FieldErrors }) {
  const relation = values["destination.relation"] || "unknown";
  const [name, setName] = useState(values["destination.name"] ?? "");
  return (
    <Fieldset id="destination-fieldset" legend="Went to" errors={errors["destination.relation"]} className="group/dest">
      <div role="radiogroup" aria-label="Destination" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {RELATIONS.map((r) => (
          <label key={r.value} className="inline-flex items-center gap-1.5">
            <input type="radio" id={`dest-${r.value}`} name="destination.relation" value={r.value} defaultChecked={relation === r.value} />
            {r.label}
          </label>
        ))}
      </div>
      <div className="mt-3 max-w-md group-has-[#dest-unknown:checked]/dest:hidden">
        <NameCombobox
          name="destination.name"
          label="Company name"
          type="company"
          hint="For a company just founded, its new name."
          value={name}
          onValueChange={setName}
          errors={errors["destination.name"]}
        />
      </div>
    </Fieldset>
  );
}
