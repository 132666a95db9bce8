/** Suspense fallback while a page reads the database. */
export function PageSkeleton({ label = "Loading" }: { label?: string }) {
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-3">
      <span className="sr-only">{label}…</span>
      <div className="h-7 w-1/3 rounded bg-stone-200" />
      <div className="h-4 w-2/3 rounded bg-stone-200" />
      <div className="h-4 w-1/2 rounded bg-stone-200" />
    </div>
  );
}
