// How `npm run db:migration` lays out a migration file: a generated part, END_MARKER, a hand-written part.
// Rerunning the command regenerates the first and keeps the second (scripts/new-migration.ts).
import fs from "node:fs";
import type { Provider } from "./provider";

export const END_MARKER =
  "-- END OF GENERATED SQL. Hand-written statements (data conversion, FTS5/pg_trgm, triggers) go below; rerunning db:migration keeps them.";

export class MigrationFileError extends Error {}

/** The text of a migration file: header, generated SQL, the marker, then `handWritten` (kept from an older version). */
export function migrationText(provider: Provider, description: string, generated: string, handWritten = "\n"): string {
  return `-- ${description} (${provider}), written by \`npm run db:migration\`.\n${generated.trimEnd()}\n\n${END_MARKER}${handWritten}`;
}

/** What follows the marker in an existing file (to keep it); throws when the file has no marker. */
export function handWrittenPart(text: string, file = "the migration"): string {
  const at = text.indexOf(END_MARKER);
  if (at < 0) throw new MigrationFileError(`${file} exists without the "END OF GENERATED SQL" line: move it away or add the line above your own SQL`);
  return text.slice(at + END_MARKER.length);
}

/** Write (or regenerate) a migration file, keeping the hand-written part of an existing one. */
export function writeMigrationFile(file: string, provider: Provider, description: string, generated: string) {
  const handWritten = fs.existsSync(file) ? handWrittenPart(fs.readFileSync(file, "utf8"), file) : "\n";
  fs.writeFileSync(file, migrationText(provider, description, generated, handWritten));
}

/**
 * The statements of a committed SQLite migration that Prisma did not generate (comparing line by line with
 * a fresh diff of the same schema change): the hand-written SQL a PostgreSQL twin must port.
 */
export function handWrittenStatements(sqliteText: string, regenerated: string): string {
  const generated = new Set(regenerated.split("\n").map((l) => l.trim()));
  const at = sqliteText.indexOf(END_MARKER);
  const body = at < 0 ? sqliteText : sqliteText.slice(0, at);
  const tail = at < 0 ? "" : sqliteText.slice(at + END_MARKER.length);
  const foreign = body.split("\n").filter((l) => l.trim() && !l.trim().startsWith("--") && !generated.has(l.trim()));
  return [...foreign, ...tail.split("\n").filter((l) => l.trim() && !l.trim().startsWith("--"))].join("\n").trim();
}

/** The next NNNN over all providers' folders. */
export function nextMigrationNumber(dirs: string[]): string {
  const numbers = dirs
    .flatMap((d) => (fs.existsSync(d) ? fs.readdirSync(d) : []))
    .map((d) => /^(\d{4})_/.exec(d)?.[1])
    .filter((n): n is string => Boolean(n))
    .map(Number);
  return String(Math.max(0, ...numbers) + 1).padStart(4, "0");
}
