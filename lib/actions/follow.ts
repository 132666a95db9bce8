"use server";

/** The Follow/Unfollow button on person, company, timeline and flows pages (any signed-in account). */
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { follow, unfollow } from "@/lib/watches/store";
import { safeNext } from "@/lib/validation/account";
import { watchFormSchema } from "@/lib/validation/watch";
import type { ActionState } from "./action-state";
import { validatedAction } from "./validated-action";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

const FIELDS = ["intent", "kind", "target", "label", "returnTo"] as const;

function read(formData: FormData) {
  const values: Record<string, string> = {};
  for (const name of FIELDS) {
    const v = formData.get(name);
    if (typeof v === "string") values[name] = v;
  }
  return { values, raw: values };
}

/** The name a person or company watch is shown with: its own, never what the form said. */
async function nameOf(kind: "person" | "company", slug: string): Promise<string | null> {
  const row =
    kind === "person"
      ? await db.person.findUnique({ where: { slug }, select: { name: true } })
      : await db.company.findUnique({ where: { slug }, select: { name: true } });
  return row?.name ?? null;
}

export const followAction: Action = validatedAction({
  schema: watchFormSchema,
  read,
  permission: "submit",
  run: async ({ intent, kind, target, label, returnTo }, values, account) => {
    if (intent === "unfollow") {
      await unfollow(db, account.id, { kind, target });
    } else {
      const name = kind === "filter" ? label || "Timeline filter" : await nameOf(kind, target);
      if (name === null)
        return { ok: false, message: `There is no such ${kind} to follow.`, fieldErrors: { target: [`No ${kind} "${target}"`] }, values };
      await follow(db, account.id, { kind, target, label: name });
    }
    revalidatePath("/watching");
    return { redirectTo: safeNext(returnTo) };
  },
  formPath: (values) => safeNext(values.returnTo),
});
