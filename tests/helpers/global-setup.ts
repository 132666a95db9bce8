import path from "node:path";
import type { TestProject } from "vitest/node";
import { createMigratedDatabase, removeDatabase } from "./migrations";

declare module "vitest" {
  export interface ProvidedContext {
    templateDb: string;
  }
}

/** Migrate one template database per run; each test file copies it (tests own their data). */
export default function setup(project: TestProject) {
  const file = path.resolve(import.meta.dirname, `../.tmp/template-${process.pid}.db`);
  createMigratedDatabase(file);
  project.provide("templateDb", file);
  return () => removeDatabase(file);
}
