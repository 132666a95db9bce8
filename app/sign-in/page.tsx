import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { AuthForm } from "@/components/auth/auth-form";
import { signIn } from "@/lib/actions/account";
import { safeNext } from "@/lib/validation/account";

export const metadata: Metadata = { title: "Sign in" };
export const instant = false;

const MESSAGES: Record<string, string> = {
  wrong: "That email and password do not match an account.",
  invalid: "Enter your email address and your password.",
};

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  await connection();
  const q = await searchParams;
  const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");
  const error = one(q.error);
  const next = safeNext(one(q.next) || "/");
  const message = error === "rate" ? `Too many attempts: try again in ${one(q.retry) || "a few"} seconds.` : (MESSAGES[error] ?? null);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Sign in</h1>
      <p className="text-sm text-stone-700">Reading needs no account. Sign in to add evidence, review submissions or correct the record.</p>
      <AuthForm
        action={signIn}
        submit="Sign in"
        next={next}
        message={message}
        values={{ email: one(q.email) }}
        fieldErrors={error === "wrong" || error === "invalid" ? { password: [message!] } : {}}
        fields={[
          { name: "email", label: "Email", type: "email", autoComplete: "email" },
          { name: "password", label: "Password", type: "password", autoComplete: "current-password" },
        ]}
      >
        <p className="text-sm">
          No account yet?{" "}
          <Link href={`/sign-up?next=${encodeURIComponent(next)}`} className="text-sky-800 underline">
            Create one
          </Link>
        </p>
      </AuthForm>
    </div>
  );
}
