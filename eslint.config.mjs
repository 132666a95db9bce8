import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  // a leading underscore marks a value left unused on purpose (a destructured field dropped, a type probe)
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  // test helpers named use… (useTestDb) are vitest fixtures, not React hooks
  { files: ["tests/**"], rules: { "react-hooks/rules-of-hooks": "off" } },
  globalIgnores([".next*/**", "generated/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "prisma/**/*.db*"]),
]);
