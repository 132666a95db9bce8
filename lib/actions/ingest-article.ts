"use server";

/**
 * /ingest/article's actions. Reading an article stores its source with the full text (through the write
 * path's resolveSource) and opens its review page; each proposal is then accepted (an editor's claim is
 * published through ingestClaim, a contributor's waits for review as a submission) or rejected (remembered
 * for the source, so it is not proposed again). Errors come back to the page as a draft, with or without
 * JavaScript.
 */
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/roles";
import { accountActor } from "@/lib/ingest/actor";
import { ingestClaim } from "@/lib/ingest/ingest-claim";
import { resolveSource } from "@/lib/ingest/resolve-entities";
import { createSubmission } from "@/lib/ingest/submissions";
import { claimInputSchema } from "@/lib/validation/claim";
import type { ActionState } from "./action-state";
import { digits } from "./claim-form-fields";
import { saveDraft } from "./form-drafts";
import {
  articleSourceSchema,
  readArticleForm,
  readProposalForm,
  readRejectForm,
  rejectProposalSchema,
  withUploadedText,
} from "./ingest-article-form";
import { validatedAction } from "./validated-action";

const EMPTY: ActionState = { ok: false, message: "", fieldErrors: {}, values: {} };

const readArticleInner = validatedAction({
  schema: articleSourceSchema,
  read: readArticleForm,
  permission: "submit",
  run: async (source) => {
    const stored = await db.$transaction((tx) => resolveSource(tx, source));
    return { redirectTo: `/ingest/article/${stored.id}` };
  },
  formPath: () => "/ingest/article",
});

/** Returned errors become a draft the page shows (a JavaScript submission would otherwise drop them). */
function backWithDraft(state: ActionState, path: string, extra = ""): never {
  redirect(`${path}?draft=${saveDraft(state)}${extra}`);
}

export async function readArticle(formData: FormData): Promise<void> {
  const state = await readArticleInner(EMPTY, await withUploadedText(formData));
  backWithDraft(state, "/ingest/article");
}

const reviewPath = (values: Record<string, string>) => `/ingest/article/${digits(values.sourceId) ?? ""}`;

const acceptInner = validatedAction({
  schema: claimInputSchema,
  read: readProposalForm,
  permission: "submit",
  run: async (input, values, account) => {
    const back = reviewPath(values);
    if (!can(account.role, "publish")) {
      const submission = await createSubmission(db, input, account);
      return { redirectTo: `${back}?submitted=${submission.id}#proposals` };
    }
    const result = await ingestClaim(db, input, accountActor(account));
    return { redirectTo: `${back}?accepted=${result.claimId}&event=${result.eventId}&outcome=${result.outcome}#proposals` };
  },
  formPath: reviewPath,
});

export async function acceptProposal(formData: FormData): Promise<void> {
  const state = await acceptInner(EMPTY, formData);
  const fingerprint = String(formData.get("fingerprint") ?? "");
  backWithDraft(state, reviewPath(state.values), /^[0-9a-f]{16}$/.test(fingerprint) ? `&proposal=${fingerprint}#proposal-${fingerprint}` : "");
}

const rejectInner = validatedAction({
  schema: rejectProposalSchema,
  read: readRejectForm,
  permission: "submit",
  run: async ({ sourceId, fingerprint }, values, account) => {
    const source = await db.source.findUnique({ where: { id: sourceId }, select: { id: true } });
    if (!source) return { ok: false, message: `No source has id ${sourceId}. Nothing was changed.`, fieldErrors: {}, values };
    await db.rejectedProposal.upsert({
      where: { sourceId_fingerprint: { sourceId, fingerprint } },
      create: { sourceId, fingerprint, accountId: account.id },
      update: {},
    });
    return { redirectTo: `${reviewPath(values)}?rejected=1#proposals` };
  },
  formPath: reviewPath,
});

export async function rejectProposal(formData: FormData): Promise<void> {
  const state = await rejectInner(EMPTY, formData);
  backWithDraft(state, reviewPath(state.values));
}
