import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  // test helpers named use… (useTestDb) are vitest fixtures, not React hooks
  { files: ["tests/**"], rules: { "react-hooks/rules-of-hooks": "off" } },
  globalIgnores([".next*/**", "generated/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "prisma/**/*.db*"]),
]);
