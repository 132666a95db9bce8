/**
 * Accessible form fields: a label, the control, a hint and the list of errors, with the control marked
 * aria-invalid and described by the hint and the errors, so a screen reader announces both.
 */
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

export const inputClass =
  "w-full rounded border border-stone-300 bg-white px-2 py-1.5 text-sm text-stone-900 aria-invalid:border-red-600 aria-invalid:ring-1 aria-invalid:ring-red-600";

/** A stable DOM id for a field name ("person.name" → "f-person-name"). */
export function fieldId(name: string): string {
  return `f-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
}

export interface ControlProps {
  id: string;
  name: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

/** Ids that describe a control: its hint, its errors, and any group hint or errors passed in. */
export function describedBy(id: string, hint: ReactNode, errors: string[] | undefined, extra?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null, extra ?? null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export function ErrorList({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <ul id={id} className="mt-1 space-y-0.5 text-sm text-red-700">
      {errors.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}

export function Hint({ id, children }: { id: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <p id={id} className="mt-0.5 text-xs text-stone-600">
      {children}
    </p>
  );
}

export interface FieldProps {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  required?: boolean;
  className?: string;
  /** ids of a surrounding group's hint or errors that also describe this control */
  describedByExtra?: string;
  children: (control: ControlProps) => ReactNode;
}

export function Field({ name, label, hint, errors, required, className, describedByExtra, children }: FieldProps) {
  const id = fieldId(name);
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
        {required && <span className="font-normal text-stone-500"> (required)</span>}
      </label>
      <Hint id={`${id}-hint`}>{hint}</Hint>
      <div className="mt-1">
        {children({
          id,
          name,
          "aria-invalid": errors?.length ? true : undefined,
          "aria-describedby": describedBy(id, hint, errors, describedByExtra),
        })}
      </div>
      <ErrorList id={`${id}-error`} errors={errors} />
    </div>
  );
}

type Common = Omit<FieldProps, "children">;

export function TextField({ inputProps, ...field }: Common & { inputProps?: InputHTMLAttributes<HTMLInputElement> }) {
  return <Field {...field}>{(c) => <input type="text" className={inputClass} {...c} {...inputProps} />}</Field>;
}

export function TextAreaField({ textareaProps, ...field }: Common & { textareaProps?: TextareaHTMLAttributes<HTMLTextAreaElement> }) {
  return <Field {...field}>{(c) => <textarea rows={3} className={inputClass} {...c} {...textareaProps} />}</Field>;
}

export function SelectField({
  options,
  placeholder,
  selectProps,
  ...field
}: Common & { options: readonly { value: string; label: string }[]; placeholder?: string; selectProps?: SelectHTMLAttributes<HTMLSelectElement> }) {
  return (
    <Field {...field}>
      {(c) => (
        <select className={inputClass} {...c} {...selectProps}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A group of controls (radios, date parts) with one legend, hint and error list. */
export function Fieldset({
  id,
  legend,
  hint,
  errors,
  className,
  children,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  className?: string;
  children: ReactNode;
}) {
  return (
    <fieldset id={id} aria-describedby={describedBy(id, hint, errors)} className={`rounded border border-stone-200 p-3 ${className ?? ""}`}>
      <legend className="px-1 text-sm font-semibold text-stone-800">{legend}</legend>
      <Hint id={`${id}-hint`}>{hint}</Hint>
      <ErrorList id={`${id}-error`} errors={errors} />
      <div className="mt-2">{children}</div>
    </fieldset>
  );
}
