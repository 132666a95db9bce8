/**
 * An event named in a few words, for link names that must make sense out of context ("1 source" for what?):
 * "Jan Leike's departure from OpenAI". Plain strings, safe in client components.
 */
const NOUNS: Record<string, (company: string) => string> = {
  departed: (c) => `departure from ${c}`,
  joined: (c) => `joining ${c}`,
  leave_started: (c) => `leave from ${c}`,
  returned: (c) => `return to ${c}`,
  role_changed: (c) => `change of role at ${c}`,
};

export function eventName(kind: string, person: string, company: string): string {
  const noun = NOUNS[kind]?.(company) ?? `${kind} at ${company}`;
  return kind === "joined" ? `${person} ${noun}` : `${person}’s ${noun}`;
}

/** "1 source" / "3 sources" */
export const sourceCountText = (n: number) => `${n} ${n === 1 ? "source" : "sources"}`;
