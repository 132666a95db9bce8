"use client";

import Link from "next/link";

const digestOf = (error: unknown): string | null =>
  error instanceof Error && typeof (error as Error & { digest?: unknown }).digest === "string" ? (error as Error & { digest: string }).digest : null;

/**
 * What an unexpected error shows, in a page (app/error.tsx) or instead of the whole document
 * (app/global-error.tsx): say so plainly, offer to try again, and give the reference that matches the
 * server's log. The details stay on the server.
 */
export function ErrorNotice({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = digestOf(error);
  return (
    <section role="alert" aria-labelledby="error-heading" className="space-y-3">
      <title>Something went wrong · Departures</title>
      <h1 id="error-heading" className="text-2xl font-semibold">
        Something went wrong
      </h1>
      <p>This page could not be shown because of an error on our side. Nothing you entered was changed by it.</p>
      {digest && (
        <p className="text-sm text-stone-700">
          Reference for a bug report: <code className="rounded bg-stone-100 px-1">{digest}</code>
        </p>
      )}
      <p className="flex flex-wrap gap-3">
        <button type="button" onClick={() => retry()} className="rounded bg-stone-800 px-3 py-1 text-sm font-medium text-white hover:bg-stone-700">
          Try again
        </button>
        <Link href="/" className="self-center underline">
          Back to the timeline
        </Link>
      </p>
    </section>
  );
}
