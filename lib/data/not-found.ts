import "server-only";
import { notFound } from "next/navigation";

/** For get* queries: a missing record is the 404 page, not an exception. */
export function orNotFound<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) notFound();
  return value;
}
