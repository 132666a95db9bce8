import "server-only";
import { headers } from "next/headers";
import { db } from "@/lib/db";
import { createAuth } from "./auth";
import { accountFromHeaders, type Account } from "./account";

/** The app's one Better Auth instance, on the app's one database client. */
export const auth = createAuth(db);

/** The signed-in account of the current request (session cookie or `Authorization: Bearer <API key>`), or null. */
export async function currentAccount(): Promise<Account | null> {
  return accountFromHeaders(auth, db, await headers());
}
