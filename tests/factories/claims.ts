import { claimInputSchema, type ClaimInput, type ClaimInputRaw } from "@/lib/validation/claim";

let counter = 0;

/** A valid claim input; override any field. Parsed with the real schema so tests never build invalid input by accident. */
export function claimInput(overrides: Partial<ClaimInputRaw> = {}): ClaimInput {
  counter++;
  return claimInputSchema.parse({
    source: { title: "Test article", publisher: "Test Times", language: "en", kind: "article" },
    excerpt: `Excerpt number ${counter}`,
    person: { name: "Mira Murati", aliases: ["ミーラ・モラティ"] },
    company: { name: "OpenAI", aliases: [] },
    kind: "departed",
    role: "CTO",
    roleCategory: "executive",
    date: "2024-09",
    ...overrides,
  });
}
