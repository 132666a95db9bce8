"use client";

import { ErrorNotice } from "@/components/ui/error-notice";

/** Unexpected errors inside a page (a missing record is a 404 from not-found.tsx instead). */
export default function PageError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorNotice error={error} retry={retry} />;
}
