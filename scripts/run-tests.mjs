// npm test: every suite (unit, then e2e against the production build), always both, then one summary line
// "N passed, N failed" covering all of them. Exits non-zero when anything failed or a suite could not run.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

fs.rmSync("test-results", { recursive: true, force: true });
fs.mkdirSync("test-results", { recursive: true });

const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;

const readJson = (file) => {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
};

const results = [];

const gen = run("npx", ["prisma", "generate"]);
const unitExit = gen === 0 ? run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/unit.json"]) : 1;
const unit = readJson("test-results/unit.json");
results.push({ suite: "unit", exit: unitExit, passed: unit?.numPassedTests ?? 0, failed: unit ? unit.numFailedTests : 1 });

const build = gen === 0 ? run("npx", ["next", "build"]) : 1;
const e2eExit = build === 0 ? run("npx", ["playwright", "test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: "test-results/e2e.json" }) : 1;
const e2e = readJson("test-results/e2e.json");
results.push({
  suite: "e2e",
  exit: e2eExit,
  passed: e2e ? e2e.stats.expected + e2e.stats.flaky : 0,
  failed: e2e ? e2e.stats.unexpected : 1,
});

let passed = 0;
let failed = 0;
for (const r of results) {
  // a suite that crashed before reporting counts as one failure, never as silence
  const f = r.exit !== 0 && r.failed === 0 ? 1 : r.failed;
  console.log(`${r.suite}: ${r.passed} passed, ${f} failed`);
  passed += r.passed;
  failed += f;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
