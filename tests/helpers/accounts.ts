import { createAuth } from "@/lib/auth/auth";
import type { Role } from "@/lib/auth/roles";
import type { Db } from "@/lib/db-factory";

/** A real account made through Better Auth (as `npm run user -- create` does), with its role and a fresh API key. */
export async function createAccount(db: Db, { email, role, name }: { email: string; role: Role; name?: string }) {
  const auth = createAuth(db);
  const { user } = await auth.api.signUpEmail({ body: { email, password: "a long test password", name: name ?? email.split("@")[0] } });
  await db.user.update({ where: { id: user.id }, data: { role } });
  const key = await auth.api.createApiKey({ body: { userId: user.id, name: "test" } });
  return { user: { id: user.id, name: user.name, email }, apiKey: key.key, keyId: key.id };
}
