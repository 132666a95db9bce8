import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { AuthForm } from "@/components/auth/auth-form";
import { signUp } from "@/lib/actions/account";
import { signupsClosed } from "@/lib/auth/auth";
import { PASSWORD_MIN } from "@/lib/auth/password-rules";
import { db } from "@/lib/db";
import { safeNext } from "@/lib/validation/account";

export const metadata: Metadata = { title: "Create an account" };
export const instant = false;

const MESSAGES: Record<string, string> = {
  taken: "An account with this email already exists: sign in instead.",
  closed: "Sign-ups are closed: ask an admin for an account.",
  failed: "The account could not be created. Check the fields and try again.",
  invalid: "Check the fields marked below.",
};

const FIELD_ERRORS: Record<string, string> = {
  name: "Enter the name others will see on your changes",
  email: "Enter your email address, like name@example.com",
  password: `Use at least ${PASSWORD_MIN} characters`,
};

export default async function SignUpPage({ searchParams }: PageProps<"/sign-up">) {
  await connection();
  const q = await searchParams;
  const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");
  const error = one(q.error);
  const next = safeNext(one(q.next) || "/");
  const first = (await db.user.count()) === 0;
  const closed = signupsClosed() && !first;
  const fieldErrors = Object.fromEntries(
    one(q.fields)
      .split(",")
      .filter((f) => f in FIELD_ERRORS)
      .map((f) => [f, [FIELD_ERRORS[f]]]),
  );
  if (error === "taken") fieldErrors.email = [MESSAGES.taken];
  const message = error === "rate" ? `Too many sign-ups from here: try again in ${one(q.retry) || "a few"} seconds.` : (MESSAGES[error] ?? null);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Create an account</h1>
      {first ? (
        <p role="note" className="rounded border border-sky-300 bg-sky-50 px-3 py-2 text-sm text-sky-900">
          This is a new database: the first account becomes its <strong>admin</strong>, who can make other people editors.
        </p>
      ) : (
        <p className="text-sm text-stone-700">
          New accounts are <strong>contributors</strong>: your claims wait for an editor&apos;s review before they are published.
        </p>
      )}
      {closed ? (
        <p className="text-sm">Sign-ups are closed on this site: ask an admin for an account.</p>
      ) : (
        <AuthForm
          action={signUp}
          submit="Create account"
          next={next}
          message={message}
          values={{ name: one(q.name), email: one(q.email) }}
          fieldErrors={fieldErrors}
          fields={[
            { name: "name", label: "Name", type: "text", autoComplete: "name", hint: "Shown on every change you make" },
            { name: "email", label: "Email", type: "email", autoComplete: "email" },
            { name: "password", label: "Password", type: "password", autoComplete: "new-password", hint: `At least ${PASSWORD_MIN} characters` },
          ]}
        >
          <p className="text-sm">
            Have an account?{" "}
            <Link href={`/sign-in?next=${encodeURIComponent(next)}`} className="text-sky-800 underline">
              Sign in
            </Link>
          </p>
        </AuthForm>
      )}
    </div>
  );
}
