import "server-only";
import { createDb, type Db } from "./db-factory";

// One client per process, kept across hot reloads in development.
const globalForDb = globalThis as unknown as { departuresDb?: Db };

export const db: Db = globalForDb.departuresDb ?? createDb();
if (process.env.NODE_ENV !== "production") globalForDb.departuresDb = db;
