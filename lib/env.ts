/**
 * The environment the app reads, parsed once with zod. Only what this module names is read from
 * process.env by the app's edges; a bad value stops the request with a message saying which variable
 * and why, instead of links that silently point somewhere wrong.
 */
import { z } from "zod";

const publicUrl = z
  .string()
  .trim()
  .transform((text, ctx) => {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      ctx.addIssue({ code: "custom", message: `"${text}" is not a URL: use an origin such as https://departures.example.org` });
      return z.NEVER;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      ctx.addIssue({ code: "custom", message: `must start with http:// or https:// (got ${url.protocol})` });
      return z.NEVER;
    }
    if ((url.pathname !== "/" && url.pathname !== "") || url.search || url.hash || url.username || url.password) {
      ctx.addIssue({ code: "custom", message: `must be an origin only, such as ${url.origin} (no path, query, fragment or credentials)` });
      return z.NEVER;
    }
    return url.origin;
  });

const envSchema = z.object({
  /** Where the site is reached from outside (https://departures.example.org); absolute links in feeds and SVGs use it. */
  DEPARTURES_PUBLIC_URL: z.preprocess((v) => (v === "" ? undefined : v), publicUrl.optional()),
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  override name = "EnvError";
}

/** Parse an environment (process.env by default); throws EnvError naming each bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `${i.path.join(".") || "environment"}: ${i.message}`);
  throw new EnvError(`Invalid environment:\n  ${lines.join("\n  ")}`);
}

let cached: Env | undefined;

/** The process environment, parsed on first use and then kept. */
export function env(): Env {
  return (cached ??= parseEnv());
}
