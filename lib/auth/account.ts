/**
 * Who is asking: the account behind a request's session cookie, or behind `Authorization: Bearer <API
 * key>` (also `x-api-key`) for scripts. A banned or unknown account is nobody.
 */
import type { Db } from "@/lib/db-factory";
import type { Auth } from "./auth";
import { roleOf, type Role } from "./roles";

export interface Account {
  id: string;
  name: string;
  email: string;
  role: Role;
  /** how this request authenticated */
  via: "session" | "api_key";
}

function bearerKey(h: Headers): string | null {
  const authorization = h.get("authorization");
  const m = authorization ? /^Bearer\s+(\S+)$/i.exec(authorization) : null;
  return m?.[1] ?? h.get("x-api-key");
}

async function toAccount(db: Db, userId: string, via: Account["via"]): Promise<Account | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, role: true, banned: true, banExpires: true },
  });
  if (!user) return null;
  if (user.banned && (!user.banExpires || user.banExpires > new Date())) return null;
  return { id: user.id, name: user.name, email: user.email, role: roleOf(user.role), via };
}

export async function accountFromHeaders(auth: Auth, db: Db, h: Headers): Promise<Account | null> {
  const key = bearerKey(h);
  if (key) {
    const verified = await auth.api.verifyApiKey({ body: { key } }).catch(() => null);
    if (!verified?.valid || !verified.key) return null;
    return toAccount(db, verified.key.referenceId, "api_key");
  }
  const session = await auth.api.getSession({ headers: h }).catch(() => null);
  return session ? toAccount(db, session.user.id, "session") : null;
}
