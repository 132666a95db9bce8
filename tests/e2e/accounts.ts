/**
 * E2E accounts. The setup project (auth.setup.ts) signs up the first account on the fresh database
 * through the page (it becomes admin), makes an editor and a contributor with `npm run user` as an
 * operator would, and saves each one's signed-in browser state; specs run signed in as the editor unless
 * they choose another state (`test.use({ storageState: STATE.anonymous })`).
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { E2E_DATABASE_URL } from "../../playwright.config";

export const PASSWORD = "e2e password long enough";

export const ACCOUNTS = {
  admin: { email: "first@e2e.test", name: "Ada First" },
  editor: { email: "editor@e2e.test", name: "Eddie Editor" },
  contributor: { email: "contributor@e2e.test", name: "Connie Contributor" },
} as const;

const PORT = process.env.E2E_PORT ?? "3100";
const state = (name: string) => path.resolve(__dirname, `../.tmp/e2e-${PORT}-${name}.json`);
export const STATE = {
  admin: state("admin"),
  editor: state("editor"),
  contributor: state("contributor"),
  anonymous: { cookies: [], origins: [] },
};

/** `npm run user -- …` against the e2e database; returns what it printed. */
export function userCli(args: string[], input?: string): string {
  return execFileSync("npx", ["tsx", "scripts/user.ts", ...args], {
    env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL },
    input,
    encoding: "utf8",
  });
}
