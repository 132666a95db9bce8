// A throwaway PostgreSQL cluster for tests and `npm run db:migration`: initdb into a temp dir, start it on
// a free 127.0.0.1 port, stop and delete it on exit. Plain JavaScript so scripts/run-tests.mjs (plain
// node) and the TypeScript scripts share one implementation. Run as root, the server runs as the
// `postgres` user (PostgreSQL refuses to run as root); otherwise as the current user.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const CANDIDATE_BIN_DIRS = ["/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin"];

/** The directory holding initdb/pg_ctl: PG_BIN when set, else the newest Debian install found; null when none. */
export function findPostgresBin() {
  const dirs = process.env.PG_BIN ? [process.env.PG_BIN] : CANDIDATE_BIN_DIRS;
  return dirs.find((d) => fs.existsSync(path.join(d, "initdb")) && fs.existsSync(path.join(d, "pg_ctl"))) ?? null;
}

/** A TCP port nothing listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function asServerUser(args) {
  if (process.getuid?.() === 0) return ["runuser", ["-u", "postgres", "--", ...args]];
  return [args[0], args.slice(1)];
}

function runQuiet(args) {
  const [cmd, rest] = asServerUser(args);
  const r = spawnSync(cmd, rest, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed:\n${r.stdout}${r.stderr}`);
}

/**
 * Start a cluster; resolves to { url, port, dir, stop }. `url` points at the `postgres` database as the
 * superuser `postgres` (trust auth, loopback only). stop() is idempotent and also runs on process exit.
 */
export async function startThrowawayPostgres({ bin = findPostgresBin(), log = false } = {}) {
  if (!bin) throw new Error("no PostgreSQL server binaries found (set PG_BIN or install postgresql)");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "departures-pg-"));
  const data = path.join(dir, "data");
  fs.chmodSync(dir, 0o755);
  if (process.getuid?.() === 0) execFileSync("chown", ["postgres:postgres", dir]);
  runQuiet([path.join(bin, "initdb"), "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
  const port = await freePort();
  const opts = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  runQuiet([path.join(bin, "pg_ctl"), "-D", data, "-o", opts, "-l", path.join(dir, "server.log"), "-w", "-t", "60", "start"]);
  if (log) console.log(`PostgreSQL ${path.basename(path.dirname(bin))} on 127.0.0.1:${port} (data ${data})`);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      runQuiet([path.join(bin, "pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop"]);
    } catch {
      // already gone
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", stop);
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, () => {
      stop();
      process.exit(130);
    });
  }
  return { url: `postgresql://postgres@127.0.0.1:${port}/postgres`, port, dir, stop };
}
