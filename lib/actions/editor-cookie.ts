import "server-only";
import { cookies } from "next/headers";

/** The editor's name, remembered after a first change so the next form is quicker to fill. */
export const EDITOR_COOKIE = "departures-editor";

export async function rememberedEditor(): Promise<string> {
  return (await cookies()).get(EDITOR_COOKIE)?.value ?? "";
}

/** Remember who made a change, for a year. */
export async function rememberEditor(name: string): Promise<void> {
  (await cookies()).set(EDITOR_COOKIE, name, { maxAge: 60 * 60 * 24 * 365, sameSite: "lax", httpOnly: true, path: "/" });
}
