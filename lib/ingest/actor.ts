/**
 * Who makes a change: a signed-in account (its id is stored, its name shown), or a system actor for
 * work no person does at that moment (the seed loader, a migration's recompute). Never free text typed
 * into a form.
 */
export interface Actor {
  accountId: string | null;
  name: string;
}

export const systemActor = (name: "seed" | "migration" | "cli" | "import" | "test"): Actor => ({ accountId: null, name });
export const accountActor = (account: { id: string; name: string }): Actor => ({ accountId: account.id, name: account.name });
