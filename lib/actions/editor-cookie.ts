import "server-only";
import { cookies } from "next/headers";

/** The editor's name, remembered after a first change so the next form is quicker to fill. */
export const EDITOR_COOKIE = "departures-editor";

export async function rememberedEditor(): Promise<string> {
  return (await cookies()).get(EDITOR_COOKIE)?.value ?? "";
}
