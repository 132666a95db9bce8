"use server";

/** Editors' merge and split of people and companies (lib/ingest/merge-entities.ts), from their pages. */
import { db } from "@/lib/db";
import { accountActor } from "@/lib/ingest/actor";
import { mergeEntities, splitAlias } from "@/lib/ingest/merge-entities";
import { mergeSchema, splitSchema } from "@/lib/validation/merge";
import type { ActionState } from "./action-state";
import { validatedAction } from "./validated-action";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;
const page = (kind: string, slug: string) => `/${kind === "person" ? "people" : "companies"}/${encodeURIComponent(slug)}`;
const TX = { timeout: 120_000, maxWait: 30_000 };

export const mergeEntitiesAction: Action = validatedAction({
  schema: mergeSchema,
  read: (formData) => {
    const values = Object.fromEntries(["kind", "from", "into"].map((k) => [k, String(formData.get(k) ?? "")]));
    return { values, raw: values };
  },
  permission: "correct",
  run: async ({ kind, from, into }, _values, account) => {
    const r = await db.$transaction((tx) => mergeEntities(tx, kind, from, into, accountActor(account)), TX);
    return { redirectTo: `${page(kind, r.intoSlug)}?merged=${r.changeId}` };
  },
  formPath: (v) => page(v.kind, v.from),
});

export const splitAliasAction: Action = validatedAction({
  schema: splitSchema,
  read: (formData) => {
    const values = Object.fromEntries(["kind", "owner", "aliasId"].map((k) => [k, String(formData.get(k) ?? "")]));
    return { values, raw: { ...values, eventIds: formData.getAll("eventIds").map(String) } };
  },
  permission: "correct",
  run: async ({ kind, owner, aliasId, eventIds }, _values, account) => {
    const r = await db.$transaction((tx) => splitAlias(tx, kind, owner, aliasId, eventIds, accountActor(account)), TX);
    return { redirectTo: `${page(kind, r.slug)}?split=${r.changeId}` };
  },
  formPath: (v) => page(v.kind, v.owner),
});
