"use client";

import { ErrorNotice } from "@/components/ui/error-notice";
import "./globals.css";

/**
 * An error in the root layout itself: it replaces the whole document, so it brings its own <html> and
 * styles. Rare by design; page errors are handled by app/error.tsx inside the layout.
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body className="mx-auto max-w-2xl p-6">
        <ErrorNotice error={error} retry={retry} />
      </body>
    </html>
  );
}
