// npm run bench [-- flags]: the browse benchmark, then the org-chart benchmark, each given every flag
// (npm appends arguments to the end of a script line, so `a && b` would hand them to the last one only).
// `--db postgresql://…` runs both against PostgreSQL; flags one script does not know, it ignores.
import { spawnSync } from "node:child_process";
import path from "node:path";

const args = process.argv.slice(2);
let failed = false;
for (const script of ["events.ts", "org-chart.ts"]) {
  const run = spawnSync(process.execPath, [...process.execArgv, path.join(import.meta.dirname, script), ...args], { stdio: "inherit" });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
