import { z } from "zod";
import { PASSWORD_MIN } from "@/lib/auth/password-rules";

const email = z.email({ error: "Enter your email address, like name@example.com" }).trim().toLowerCase().max(320);

export const signInSchema = z.object({
  email,
  password: z.string().min(1, "Enter your password").max(128, "A password is at most 128 characters"),
});

export const signUpSchema = z.object({
  name: z.string().trim().min(1, "Enter the name others will see on your changes").max(100, "A name is at most 100 characters"),
  email,
  password: z.string().min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters`).max(128, "A password is at most 128 characters"),
});

/** Where to go after signing in: a path on this site only (never "//host" or a full URL). */
export function safeNext(value: unknown): string {
  return typeof value === "string" && /^\/(?![/\\])[^\s]*$/.test(value) && value.length < 2000 ? value : "/";
}
