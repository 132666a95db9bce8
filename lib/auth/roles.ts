/**
 * Who may do what. Readers need no account; contributors submit claims that wait for review; editors
 * publish, review, retract, restore, edit and revert; admins also manage users, roles and API keys.
 * Pure and zod-free, so pages, actions, route handlers and client components share it.
 */
export const ROLES = ["contributor", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = { contributor: "Contributor", editor: "Editor", admin: "Admin" };

const RANK: Record<Role, number> = { contributor: 1, editor: 2, admin: 3 };

export type Permission = "submit" | "publish" | "review" | "correct" | "administer";

const NEEDS: Record<Permission, Role> = {
  submit: "contributor",
  publish: "editor",
  review: "editor",
  correct: "editor",
  administer: "admin",
};

/** Better Auth stores the role as text (possibly a comma-separated list): the highest known role counts. */
export function roleOf(stored: string | null | undefined): Role {
  const known = (stored ?? "")
    .split(",")
    .map((r) => r.trim())
    .filter((r): r is Role => (ROLES as readonly string[]).includes(r));
  return known.sort((a, b) => RANK[b] - RANK[a])[0] ?? "contributor";
}

export const can = (role: Role | null, permission: Permission) => role !== null && RANK[role] >= RANK[NEEDS[permission]];

export const isRole = (value: unknown): value is Role => typeof value === "string" && (ROLES as readonly string[]).includes(value);
