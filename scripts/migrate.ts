// npm run db:migrate: apply pending migrations to DATABASE_URL and their post-migrate work, nothing else
// (production start-up; `npm run setup` also loads the seed dataset). Exits 1 with the reason when a
// migration fails or an applied one was edited. Safe to run from several instances at once.
import { databaseUrl } from "@/lib/database-url";
import { createDb } from "@/lib/db-factory";
import { migrateOrExit } from "@/lib/db/migrate-cli";
import { runPostMigrate } from "@/lib/db/post-migrate";

async function main() {
  const url = databaseUrl();
  await migrateOrExit(url);
  const db = createDb(url);
  try {
    await runPostMigrate(url, db);
  } finally {
    await db.$disconnect();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
