import "server-only";
import { randomUUID } from "node:crypto";
import type { ActionState } from "./action-state";

/**
 * Action results kept for a moment so a form posted without JavaScript can show its errors and keep
 * its values after a redirect (post/redirect/get). With Cache Components the page rendered after a
 * no-JavaScript action is resumed from its prerendered shell, which drops React's form state, so the
 * action redirects to the form with ?draft=<token> instead. See docs/decisions/0021-forms-without-javascript.md.
 * Kept in process memory: one server process, bounded in count, size and time.
 */
const TTL_MS = 15 * 60_000;
const MAX_DRAFTS = 200;
/** A value longer than any limit is still shown back, cut here: it is invalid anyway and says so. */
const MAX_VALUE_CHARS = 20_000;

type Entry = { state: ActionState; expires: number };
const store: Map<string, Entry> = ((globalThis as { departuresFormDrafts?: Map<string, Entry> }).departuresFormDrafts ??= new Map());

function prune(now: number) {
  for (const [token, entry] of store) if (entry.expires <= now) store.delete(token);
  while (store.size >= MAX_DRAFTS) store.delete(store.keys().next().value!);
}

export function saveDraft(state: ActionState): string {
  const now = Date.now();
  prune(now);
  const values = Object.fromEntries(Object.entries(state.values).map(([k, v]) => [k, v.slice(0, MAX_VALUE_CHARS)]));
  const token = randomUUID();
  store.set(token, { state: { ...state, values }, expires: now + TTL_MS });
  return token;
}

/** The saved result, or null when unknown or expired (the form then starts empty). */
export function readDraft(token: string | string[] | undefined): ActionState | null {
  if (typeof token !== "string") return null;
  const entry = store.get(token);
  if (!entry || entry.expires <= Date.now()) return null;
  return entry.state;
}
