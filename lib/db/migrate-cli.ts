// The command-line face of the runner, shared by scripts/setup.ts and scripts/migrate.ts.
import { migrate, MigrationError } from "./migrate";
import { redactUrl } from "./provider";

/** Migrate, print what happened; on failure print the reason (not a stack) and exit 1. */
export async function migrateOrExit(url: string): Promise<void> {
  try {
    const { provider, applied } = await migrate(url, { log: (line) => console.log(`  ${line}`) });
    console.log(applied.length > 0 ? `Migrations: applied ${applied.length} (${provider})` : `Migrations: up to date (${provider})`);
  } catch (error) {
    if (error instanceof MigrationError) console.error(`Migrations: ${error.message}`);
    else console.error(`Migrations: cannot reach ${redactUrl(url)}: ${(error as Error).message}`);
    process.exit(1);
  }
}
