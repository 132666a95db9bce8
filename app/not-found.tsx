import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Not found" };

/**
 * What notFound() renders (a missing person, company, event or source) and what an unknown address
 * gets. Answered with HTTP 404 as long as notFound() is called before the page starts streaming, i.e.
 * outside any <Suspense> boundary.
 */
export default function NotFound() {
  return (
    <article className="space-y-3">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="text-sm text-stone-700">Nothing is recorded at this address. The link may be mistyped, or the record was never added.</p>
      <p className="text-sm">
        <Link href="/" className="underline">
          Back to the timeline
        </Link>
      </p>
    </article>
  );
}
