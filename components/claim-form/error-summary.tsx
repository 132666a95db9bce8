"use client";

/** The form's outcome at the top: a message and a link to every field with an error. Takes focus after a failed submit. */
import { useEffect, useRef } from "react";
import { fieldId } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/validation/field-errors";

const ANCHOR: Record<string, string> = {
  "date.precision": "date-fieldset",
  "source.mode": "source-fieldset",
  "event.choice": "event-choice-fieldset",
  "destination.relation": "destination-fieldset",
};

export function ErrorSummary({
  message,
  errors,
  labels,
  focusKey,
}: {
  message: string;
  errors: FieldErrors;
  labels: Record<string, string>;
  focusKey: unknown;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [focusKey, message]);
  if (!message) return null;
  const entries = Object.entries(errors);
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby="form-outcome" className="rounded border-2 border-red-600 bg-red-50 p-3 text-sm">
      <p id="form-outcome" className="font-semibold text-red-800">
        {message}
      </p>
      {entries.length > 0 && (
        <ul className="mt-1 list-disc pl-5 text-red-800">
          {entries.map(([key, messages]) => (
            <li key={key}>
              {key === "_form" ? (
                messages.join(" ")
              ) : (
                <a href={`#${ANCHOR[key] ?? fieldId(key)}`} className="underline">
                  {labels[key] ?? key}: {messages.join(" ")}
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
