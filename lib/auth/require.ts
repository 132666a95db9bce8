import "server-only";
/**
 * Route handlers' access check: who is calling (session cookie or `Authorization: Bearer <API key>`) and
 * whether their role allows it. Without credentials 401, with too small a role 403, both as JSON
 * `{ error }`; writes are also rate limited per account and per address (429 with Retry-After).
 */
import { db } from "@/lib/db";
import { jsonError } from "@/lib/http/errors";
import { accountFromHeaders, type Account } from "./account";
import { consume, clientAddress, tooManyRequests } from "./rate-limit";
import { can, ROLE_LABELS, type Permission } from "./roles";
import { auth } from "./server";

const deny = (status: 401 | 403, error: string) => jsonError(status, error);

export type Access = { ok: true; account: Account } | { ok: false; response: Response };

export async function requireAccess(request: Request, permission: Permission, { write = true } = {}): Promise<Access> {
  const account = await accountFromHeaders(auth, db, request.headers);
  if (!account) {
    return { ok: false, response: deny(401, "Sign in, or send an API key as Authorization: Bearer <key>. Nothing was changed.") };
  }
  if (!can(account.role, permission)) {
    return {
      ok: false,
      response: deny(403, `This needs an editor's account; yours is a ${ROLE_LABELS[account.role].toLowerCase()}. Nothing was changed.`),
    };
  }
  if (write) {
    const wait = await consume(db, [
      ["writesPerAccount", account.id],
      ["writesPerIp", clientAddress(request.headers)],
    ]);
    if (wait !== null) return { ok: false, response: tooManyRequests(wait) };
  }
  return { ok: true, account };
}
