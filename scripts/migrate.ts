// npm run db:migrate: apply pending migrations to DATABASE_URL and nothing else (production start-up;
// `npm run setup` also loads the seed). Exits 1 with the reason when a migration fails or was edited.
import { databaseUrl } from "@/lib/database-url";
import { migrateOrExit } from "@/lib/db/migrate-cli";

migrateOrExit(databaseUrl()).then(() => process.exit(0));
