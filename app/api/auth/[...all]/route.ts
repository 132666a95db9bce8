/**
 * Better Auth's endpoints (sign-up, sign-in, sign-out, session, API keys, admin). Sign-in and sign-up
 * attempts are rate limited per address and per email before Better Auth sees them.
 */
import { toNextJsHandler } from "better-auth/next-js";
import { db } from "@/lib/db";
import { clientAddress, consume, tooManyRequests, type LimitName } from "@/lib/auth/rate-limit";
import { auth } from "@/lib/auth/server";

const handler = toNextJsHandler(auth);

async function emailOf(request: Request): Promise<string> {
  try {
    const body = (await request.clone().json()) as { email?: unknown };
    return typeof body.email === "string" ? body.email.trim().toLowerCase().slice(0, 320) : "";
  } catch {
    return "";
  }
}

export async function POST(request: Request) {
  const path = new URL(request.url).pathname;
  const checks: [LimitName, string][] = [];
  const ip = clientAddress(request.headers);
  if (path.endsWith("/sign-in/email")) checks.push(["signInPerIp", ip], ["signInPerEmail", await emailOf(request)]);
  if (path.endsWith("/sign-up/email")) checks.push(["signUpPerIp", ip]);
  if (checks.length > 0) {
    const wait = await consume(db, checks);
    if (wait !== null) return tooManyRequests(wait);
  }
  return handler.POST(request);
}

export const GET = handler.GET;
