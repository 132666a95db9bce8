/**
 * The secret Better Auth signs sessions with: BETTER_AUTH_SECRET when set (production), else one generated
 * on first use and kept in data/auth-secret (git-ignored, readable by the owner only), so the quick start
 * needs no configuration and sessions survive a restart.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export function authSecret(): string {
  const fromEnv = process.env.BETTER_AUTH_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error("BETTER_AUTH_SECRET must be at least 32 characters");
    return fromEnv;
  }
  const file = path.join(process.cwd(), "data", "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
      return secret;
    } catch {
      // another process wrote it first
      return fs.readFileSync(file, "utf8").trim();
    }
  }
}
