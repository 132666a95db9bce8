"use client";

/**
 * Upload a dataset for a preview. Works without JavaScript (the server answers with the preview page, or
 * this form again with the errors); with it, errors appear in place and the button shows progress.
 */
import { useActionState } from "react";
import { ErrorList, fieldId, inputClass } from "@/components/ui/field";
import type { ActionState } from "@/lib/actions/action-state";
import { IMPORT_FORMAT_LABELS, IMPORT_FORMATS } from "@/lib/domain/vocabulary";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

function Row({ name, label, hint, errors, children }: { name: string; label: string; hint?: string; errors?: string[]; children: React.ReactNode }) {
  const id = fieldId(name);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="mt-0.5 text-xs text-stone-600">
          {hint}
        </p>
      )}
      <ErrorList id={`${id}-error`} errors={errors} />
    </div>
  );
}

export function UploadForm({ action, initial }: { action: Action; initial: ActionState }) {
  const [state, formAction, pending] = useActionState(action, initial);
  const errors = state.fieldErrors;
  const v = state.values;
  const aria = (name: string, hint = false) => ({
    id: fieldId(name),
    name,
    "aria-invalid": errors[name]?.length ? (true as const) : undefined,
    "aria-describedby":
      [hint ? `${fieldId(name)}-hint` : "", errors[name]?.length ? `${fieldId(name)}-error` : ""].filter(Boolean).join(" ") || undefined,
  });
  return (
    <form action={formAction} encType="multipart/form-data" className="space-y-3 rounded border border-stone-200 bg-white p-4">
      {state.message && !state.ok && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          {state.message}
        </p>
      )}
      <Row name="file" label="Dataset file" hint="JSON or CSV, up to 20 MB" errors={errors.file}>
        <input type="file" accept=".json,.csv,.txt,application/json,text/csv" required className={inputClass} {...aria("file", true)} />
      </Row>
      <Row name="format" label="Format" errors={errors.format}>
        <select defaultValue={v.format ?? "auto"} className={inputClass} {...aria("format")}>
          <option value="auto">Detect from the file</option>
          {IMPORT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {IMPORT_FORMAT_LABELS[f]}
            </option>
          ))}
        </select>
      </Row>
      <Row
        name="mapping"
        label="CSV mapping (JSON)"
        hint="Only for CSV: which column is which field (docs/import-formats.md)"
        errors={errors.mapping}
      >
        <input type="file" accept=".json,application/json" className={inputClass} {...aria("mapping", true)} />
      </Row>
      <div className="grid gap-3 sm:grid-cols-3">
        <Row name="dataset" label="Dataset name" hint="Same name on a re-import: changed records supersede" errors={errors.dataset}>
          <input type="text" defaultValue={v.dataset} className={inputClass} {...aria("dataset", true)} />
        </Row>
        <Row name="version" label="Version" errors={errors.version}>
          <input type="text" defaultValue={v.version} className={inputClass} {...aria("version")} />
        </Row>
        <Row name="licence" label="Licence" errors={errors.licence}>
          <input type="text" defaultValue={v.licence} className={inputClass} {...aria("licence")} />
        </Row>
      </div>
      <div className="flex items-center gap-2">
        <input type="checkbox" defaultChecked={v.retractMissing === "on"} {...aria("retractMissing")} />
        <label htmlFor={fieldId("retractMissing")} className="text-sm">
          Retract records an earlier version had and this file no longer has
        </label>
      </div>
      <button type="submit" disabled={pending} className="rounded bg-stone-900 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
        {pending ? "Reading the file…" : "Preview import"}
      </button>
      <p className="text-xs text-stone-600">The preview is a dry run: nothing is stored until you confirm.</p>
    </form>
  );
}
