import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // server-only throws outside React Server Components; tests run data code directly.
      "server-only": path.resolve(root, "tests/helpers/empty-module.ts"),
    },
  },
  test: {
    include: ["tests/unit/**/*.test.ts"],
    globalSetup: ["tests/helpers/global-setup.ts"],
    // generous: the CLI tests spawn `npm run setup` twice, and the suite also runs on PostgreSQL on 2-core CI machines
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
