"use server";

/**
 * Sign in, sign up and sign out as plain form posts: they work the same with or without JavaScript.
 * A failed attempt sends the browser back to the form with an error code and the typed email (never the
 * password); sign-in attempts are rate limited per address and per email like the JSON endpoint.
 */
import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { clientAddress, consume } from "@/lib/auth/rate-limit";
import { auth } from "@/lib/auth/server";
import { safeNext, signInSchema, signUpSchema } from "@/lib/validation/account";

const back = (page: "/sign-in" | "/sign-up", params: Record<string, string>) => redirect(`${page}?${new URLSearchParams(params)}`);

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

export async function signIn(form: FormData): Promise<void> {
  const next = safeNext(text(form, "next"));
  const parsed = signInSchema.safeParse({ email: text(form, "email"), password: text(form, "password") });
  if (!parsed.success) back("/sign-in", { error: "invalid", email: text(form, "email").slice(0, 320), next });
  const h = await headers();
  const wait = await consume(db, [
    ["signInPerIp", clientAddress(h)],
    ["signInPerEmail", parsed.data!.email],
  ]);
  if (wait !== null) back("/sign-in", { error: "rate", retry: String(wait), email: parsed.data!.email, next });
  try {
    await auth.api.signInEmail({ body: parsed.data!, headers: h });
  } catch (error) {
    if (!(error instanceof APIError)) throw error;
    back("/sign-in", { error: "wrong", email: parsed.data!.email, next });
  }
  redirect(next);
}

export async function signUp(form: FormData): Promise<void> {
  const next = safeNext(text(form, "next"));
  const typed = { name: text(form, "name").slice(0, 200), email: text(form, "email").slice(0, 320) };
  const parsed = signUpSchema.safeParse({ ...typed, password: text(form, "password") });
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0])))].join(",");
    back("/sign-up", { error: "invalid", fields, ...typed, next });
  }
  const h = await headers();
  const wait = await consume(db, [["signUpPerIp", clientAddress(h)]]);
  if (wait !== null) back("/sign-up", { error: "rate", retry: String(wait), ...typed, next });
  try {
    await auth.api.signUpEmail({ body: parsed.data!, headers: h });
  } catch (error) {
    if (!(error instanceof APIError)) throw error;
    const code = String((error.body as { code?: string } | undefined)?.code ?? "");
    back("/sign-up", { error: /EXIST/.test(code) ? "taken" : error.status === "FORBIDDEN" ? "closed" : "failed", ...typed, next });
  }
  redirect(next);
}

export async function signOut(): Promise<void> {
  await auth.api.signOut({ headers: await headers() }).catch(() => null);
  redirect("/");
}
