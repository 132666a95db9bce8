/**
 * Abuse limits, counted in the app's own database (rate-limiter-flexible's Prisma store) so every app
 * instance shares them: sign-in attempts per address and per email, submissions per account and per
 * address. Over the limit: 429 with Retry-After, and nothing is done.
 */
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "@/lib/db-factory";

/** Writes per account per minute (and twice that per address); DEPARTURES_WRITE_LIMIT_PER_MINUTE overrides. */
const writes = Number(process.env.DEPARTURES_WRITE_LIMIT_PER_MINUTE) || 120;

export const LIMITS = {
  signInPerIp: { points: 30, duration: 10 * 60 },
  signInPerEmail: { points: 10, duration: 10 * 60 },
  signUpPerIp: { points: 10, duration: 60 * 60 },
  writesPerAccount: { points: writes, duration: 60 },
  writesPerIp: { points: writes * 2, duration: 60 },
} as const;

export type LimitName = keyof typeof LIMITS;

const limiters = new WeakMap<Db, Map<LimitName, RateLimiterPrisma>>();

function limiter(db: Db, name: LimitName): RateLimiterPrisma {
  let byName = limiters.get(db);
  if (!byName) limiters.set(db, (byName = new Map()));
  let l = byName.get(name);
  if (!l) {
    l = new RateLimiterPrisma({ storeClient: db, tableName: "rateLimiterFlexible", keyPrefix: name, ...LIMITS[name] });
    byName.set(name, l);
  }
  return l;
}

/** The client's address as the reverse proxy reports it (first x-forwarded-for hop), else the direct peer. */
export function clientAddress(h: Headers): string {
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || "local";
}

/** Count one attempt against each named limit; the seconds to wait when any is exhausted, else null. */
export async function consume(db: Db, checks: [LimitName, string][]): Promise<number | null> {
  let wait: number | null = null;
  for (const [name, key] of checks) {
    try {
      await limiter(db, name).consume(key);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      wait = Math.max(wait ?? 0, Math.ceil(error.msBeforeNext / 1000));
    }
  }
  return wait;
}

/** The 429 every route answers with (lib/http/respond.ts). */
export { tooManyRequests } from "@/lib/http/respond";
