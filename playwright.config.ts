import path from "node:path";
import { defineConfig } from "@playwright/test";

// E2E runs the production build against its own database, reset and seeded through the same `npm run
// setup`: a SQLite file per port, or E2E_DATABASE_URL=postgresql://…/some_e2e_db (dropped and created
// again on every run; scripts/run-tests.mjs sets it for the PostgreSQL pass).
const PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL || `file:${path.resolve(__dirname, `tests/.tmp/e2e-${PORT}.db`)}`;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: "list",
  timeout: 30_000,
  // "setup" signs up the first account and saves signed-in states (tests/e2e/auth.setup.ts); every spec
  // then runs signed in as an editor unless it picks another state.
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    {
      name: "e2e",
      testMatch: /\.spec\.ts$/,
      dependencies: ["setup"],
      use: { storageState: path.resolve(__dirname, `tests/.tmp/e2e-${PORT}-editor.json`) },
    },
  ],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: {
      // Debian's Chromium by default; PLAYWRIGHT_CHROMIUM_PATH="" uses Playwright's own browser when installed.
      executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  webServer: {
    command: `npx tsx tests/e2e/reset-db.ts && npx next start -p ${PORT} -H 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: false,
    timeout: 180_000,
    // Writes are rate limited per account; the suite's one editor makes hundreds of them in minutes.
    env: { DATABASE_URL: E2E_DATABASE_URL, DEPARTURES_WRITE_LIMIT_PER_MINUTE: "5000" },
  },
});
