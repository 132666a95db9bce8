"use client";

import Link from "next/link";
import "./globals.css";

/**
 * An error in the root layout itself: it replaces the whole document, so it brings its own <html> and
 * styles. Rare by design; page errors are handled by app/error.tsx inside the layout.
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  return (
    <html lang="en">
      <body className="mx-auto max-w-2xl space-y-3 p-6">
        <title>Something went wrong · Departures</title>
        <h1 className="text-2xl font-semibold">Something went wrong</h1>
        <p>Departures could not show this page because of an error on our side.</p>
        {digest && (
          <p className="text-sm text-stone-700">
            Reference for a bug report: <code>{digest}</code>
          </p>
        )}
        <p className="flex gap-3">
          <button type="button" onClick={() => retry()} className="rounded bg-stone-800 px-3 py-1 text-sm font-medium text-white">
            Try again
          </button>
          <Link href="/" className="self-center underline">
            Back to the timeline
          </Link>
        </p>
      </body>
    </html>
  );
}
