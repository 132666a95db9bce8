import { createMigratedDatabase, TEMPLATE_DB } from "./migrations";

/** Migrate one template database; each test file copies it (tests own their data). */
export default function setup() {
  createMigratedDatabase(TEMPLATE_DB);
}
