// npm test: ESLint and Prettier over the codebase, then every suite, then one summary line "N passed, N failed" covering all of them. Exits non-zero
// when anything failed or a suite could not run (a crashed suite counts as a failure, never as silence).
//   1. unit tests (vitest) on SQLite
//   2. the database unit tests again on PostgreSQL
//   3. one production build (the provider is chosen at run time from DATABASE_URL, so it serves both),
//      then its client JavaScript against the budget (scripts/check-bundle.mjs, one result per page)
//   4. e2e (Playwright) on SQLite, then 5. e2e on PostgreSQL
// PostgreSQL: TEST_DATABASE_URL=postgresql://… (a server we may create databases on), else a throwaway
// cluster started here when PostgreSQL's server binaries are installed (PG_BIN, or /usr/lib/postgresql/*/bin),
// else the PostgreSQL suites are skipped with a notice; REQUIRE_POSTGRES=1 (set by .ci/run) makes that a failure.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { findPostgresBin, startThrowawayPostgres } from "../lib/db/throwaway-postgres.mjs";

fs.rmSync("test-results", { recursive: true, force: true });
fs.mkdirSync("test-results", { recursive: true });

const run = (cmd, args, env = {}) => spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;

const readJson = (file) => {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
};

const results = [];
const banner = (text) => console.log(`\n===== ${text} =====\n`);

function vitest(suite, files, env) {
  banner(suite);
  const out = `test-results/${suite}.json`;
  const exit = run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`, ...files], env);
  const report = readJson(out);
  results.push({ suite, exit, passed: report?.numPassedTests ?? 0, failed: report ? report.numFailedTests : 1 });
}

function playwright(suite, env) {
  banner(suite);
  const out = `test-results/${suite}.json`;
  // each run its own artifacts folder: Playwright empties its output folder when it starts
  const exit = run("npx", ["playwright", "test", "--reporter=list,json", `--output=test-results/${suite}-artifacts`], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: out,
    ...env,
  });
  const report = readJson(out);
  results.push({ suite, exit, passed: report ? report.stats.expected + report.stats.flaky : 0, failed: report ? report.stats.unexpected : 1 });
}

/** The client JavaScript budget over the build just made: one result per page, and one for "no zod". */
function bundle() {
  banner("bundle");
  const out = "test-results/bundle.json";
  const exit = run("node", ["scripts/check-bundle.mjs", "--json", out]);
  const report = readJson(out);
  const checks = report?.results ?? [];
  results.push({ suite: "bundle", exit, passed: checks.filter((c) => c.ok).length, failed: report ? checks.filter((c) => !c.ok).length : 1 });
}

/** Unit test files that use a database (the shared test-db helper or the runner's test context). */
function databaseTestFiles() {
  const dir = "tests/unit";
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".test.ts"))
    .map((f) => path.join(dir, f))
    .filter((f) => /helpers\/test-db|inject\("testDb"\)/.test(fs.readFileSync(f, "utf8")));
}

async function postgresServer() {
  const given = process.env.TEST_DATABASE_URL;
  if (given && /^postgres(ql)?:\/\//.test(given)) return { url: given, source: "TEST_DATABASE_URL" };
  if (!findPostgresBin()) return null;
  const cluster = await startThrowawayPostgres();
  return { url: cluster.url, source: `throwaway cluster on port ${cluster.port}` };
}

function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function dropDatabase(serverUrl, name) {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  try {
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } catch (error) {
    console.error(`could not drop ${name}: ${error.message}`);
  } finally {
    await client.end().catch(() => {});
  }
}

const gen = run("npm", ["run", "--silent", "db:generate"]);
if (gen !== 0) results.push({ suite: "generate", exit: gen, passed: 0, failed: 1 });

let server = null;
try {
  server = await postgresServer();
} catch (error) {
  console.error(`PostgreSQL: could not start a throwaway cluster: ${error.message}`);
  results.push({ suite: "postgresql-server", exit: 1, passed: 0, failed: 1 });
}
if (!server && !results.some((r) => r.suite === "postgresql-server")) {
  console.log("PostgreSQL: no server (set TEST_DATABASE_URL=postgresql://… or install postgresql): PostgreSQL suites skipped");
  if (process.env.REQUIRE_POSTGRES === "1") results.push({ suite: "postgresql-server", exit: 1, passed: 0, failed: 1 });
}

/** A whole-codebase check (lint, format): one passed or one failed. */
function check(suite, cmd, args) {
  banner(suite);
  const exit = run(cmd, args);
  results.push({ suite, exit, passed: exit === 0 ? 1 : 0, failed: exit === 0 ? 0 : 1 });
}

// quality gates first: they take seconds and say what to fix before the long suites run
check("lint", "npx", ["eslint", "--max-warnings", "0", "."]);
check("format", "npx", ["prettier", "--check", "."]);

if (gen === 0) {
  vitest("unit", [], { TEST_DATABASE_URL: "" });
  if (server) vitest("unit-postgresql", databaseTestFiles(), { TEST_DATABASE_URL: server.url });

  banner("build");
  const build = run("npx", ["next", "build"]);
  if (build !== 0) results.push({ suite: "build", exit: build, passed: 0, failed: 1 });
  else {
    bundle();
    playwright("e2e", { E2E_PORT: "3100", E2E_DATABASE_URL: "" });
    if (server) {
      const name = `departures_e2e_${process.pid}`;
      playwright("e2e-postgresql", { E2E_PORT: "3101", E2E_DATABASE_URL: withDatabase(server.url, name) });
      await dropDatabase(server.url, name);
    }
  }
}

if (server) console.log(`\nPostgreSQL suites ran against ${server.source}`);
let passed = 0;
let failed = 0;
for (const r of results) {
  const f = r.exit !== 0 && r.failed === 0 ? 1 : r.failed;
  console.log(`${r.suite}: ${r.passed} passed, ${f} failed`);
  passed += r.passed;
  failed += f;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
