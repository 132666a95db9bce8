import { createDb } from "../../lib/db-factory";
import { E2E_DATABASE_URL } from "../../playwright.config";

/** The database the e2e server reads, so tests can check the page *and* what was stored. */
export const e2eDb = () => createDb(E2E_DATABASE_URL);
