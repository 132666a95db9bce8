/**
 * The sign-in and sign-up forms: server-rendered, posting to server actions, so they work without
 * JavaScript. Errors come back in the URL (never the password) and are tied to their fields.
 */
import type { ReactNode } from "react";
import { TextField } from "@/components/ui/field";

export interface AuthFormProps {
  action: (form: FormData) => Promise<void>;
  submit: string;
  next: string;
  message: string | null;
  fieldErrors: Record<string, string[]>;
  values: Record<string, string>;
  fields: { name: string; label: string; type: "text" | "email" | "password"; autoComplete: string; hint?: string }[];
  children?: ReactNode;
}

export function AuthForm({ action, submit, next, message, fieldErrors, values, fields, children }: AuthFormProps) {
  return (
    <form action={action} className="max-w-sm space-y-3" noValidate>
      <input type="hidden" name="next" value={next} />
      {message && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          {message}
        </p>
      )}
      {fields.map((f) => (
        <TextField
          key={f.name}
          name={f.name}
          label={f.label}
          hint={f.hint}
          required
          errors={fieldErrors[f.name]}
          inputProps={{ type: f.type, autoComplete: f.autoComplete, defaultValue: f.type === "password" ? undefined : values[f.name] }}
        />
      ))}
      <button type="submit" className="rounded bg-stone-900 px-4 py-2 text-sm font-medium text-white">
        {submit}
      </button>
      {children}
    </form>
  );
}
