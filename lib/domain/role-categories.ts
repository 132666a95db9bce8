/**
 * Which role categories an event belongs to. A claim files a role under one category (its
 * `roleCategory`), but the vocabulary mixes kinds of work (research, engineering, product) with areas
 * (safety & policy) and standing (founder): a Researcher on the Superalignment team is filed under
 * "Safety & policy" while the title says research. So an event counts under its recorded category and
 * under every category its title names in so many words: the words below, matched as case-insensitive
 * substrings of the title the claims give. Executive, operations and board have no such words: their
 * titles ("CTO", "VP", "Chief … Officer") are short or shared with other work ("cto" is in "director"),
 * so only the recorded category puts an event there. See docs/decisions/0066-role-category-and-title.md.
 */
import { ROLE_CATEGORIES, type RoleCategory } from "./vocabulary";

export const TITLE_WORDS: Partial<Record<RoleCategory, readonly string[]>> = {
  research: ["research", "scientist"],
  engineering: ["engineer"],
  product: ["product"],
  safety_policy: ["safety", "alignment", "policy"],
  founder: ["founder", "founding"],
};

/** The words of a title that put it under `category`, or none. */
export const titleWordsOf = (category: string): readonly string[] => TITLE_WORDS[category as RoleCategory] ?? [];

/** The categories a title names in so many words ("Researcher, safety team" → research, safety_policy). */
export function categoriesNamedBy(title: string | null | undefined): RoleCategory[] {
  const t = (title ?? "").toLowerCase();
  return t ? ROLE_CATEGORIES.filter((c) => titleWordsOf(c).some((w) => t.includes(w))) : [];
}

/** Every category an event counts under: the recorded one first, then those its title names. */
export function roleCategoriesOf(recorded: string | null | undefined, title: string | null | undefined): RoleCategory[] {
  const out = new Set<RoleCategory>();
  if (recorded && (ROLE_CATEGORIES as readonly string[]).includes(recorded)) out.add(recorded as RoleCategory);
  for (const c of categoriesNamedBy(title)) out.add(c);
  return [...out];
}
