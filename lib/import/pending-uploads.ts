/**
 * An upload previewed on /import waits here until the editor confirms it: the file, its mapping, the
 * options and the dry run's report, under a random token, readable only by the account that uploaded it.
 * Files on the server's disk (data/imports/), removed when confirmed and after a day: one server, as the
 * SQLite default runs (docs/decisions/0043-import-batches.md says what a multi-server deployment needs).
 */
import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { ImportFormatName } from "@/lib/domain/vocabulary";
import type { ImportReport } from "./report";

const DIR = path.join(process.cwd(), "data", "imports");
const MAX_AGE_MS = 24 * 60 * 60 * 1000;

export interface PendingUpload {
  accountId: string;
  text: string;
  mapping?: unknown;
  fileName: string;
  format: ImportFormatName;
  dataset: string;
  version?: string;
  licence?: string;
  retractMissing: boolean;
  report: ImportReport;
}

const fileOf = (token: string) => path.join(DIR, `${token}.json`);

function sweep() {
  if (!fs.existsSync(DIR)) return;
  const now = Date.now();
  for (const f of fs.readdirSync(DIR)) {
    const full = path.join(DIR, f);
    if (now - fs.statSync(full).mtimeMs > MAX_AGE_MS) fs.rmSync(full, { force: true });
  }
}

export function savePending(upload: PendingUpload): string {
  sweep();
  fs.mkdirSync(DIR, { recursive: true });
  const token = randomBytes(16).toString("hex");
  fs.writeFileSync(fileOf(token), JSON.stringify(upload), { mode: 0o600 });
  return token;
}

export function readPending(token: string, accountId: string): PendingUpload | null {
  if (!/^[a-f0-9]{32}$/.test(token)) return null;
  try {
    const upload = JSON.parse(fs.readFileSync(fileOf(token), "utf8")) as PendingUpload;
    return upload.accountId === accountId ? upload : null;
  } catch {
    return null;
  }
}

export function dropPending(token: string) {
  if (/^[a-f0-9]{32}$/.test(token)) fs.rmSync(fileOf(token), { force: true });
}
