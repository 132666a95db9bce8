import Link from "next/link";
import type { LookupHit } from "@/lib/data/lookup";

const cjk = (s: string) => (/[\u3040-\u30ff\u4e00-\u9fff]/.test(s) ? "ja" : undefined);

/** The people and companies a search names, by whichever spelling matched, each linked to its page. */
export function SearchMatches({ q, people, companies }: { q: string; people: LookupHit[]; companies: LookupHit[] }) {
  if (people.length + companies.length === 0) {
    return (
      <p className="text-sm text-stone-600">
        No person or company is recorded under a name containing “<span lang={cjk(q)}>{q}</span>”.
      </p>
    );
  }
  const list = (title: string, hits: LookupHit[], base: string) =>
    hits.length > 0 && (
      <div>
        <h2 className="text-sm font-semibold text-stone-700">{title}</h2>
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" data-testid={`matches-${base}`}>
          {hits.map((h) => (
            <li key={h.slug}>
              <Link href={`/${base}/${h.slug}`} className="font-medium underline">
                {h.name}
              </Link>
              {h.matched !== h.name && (
                <span className="text-stone-600">
                  {" "}
                  (as <span lang={cjk(h.matched)}>{h.matched}</span>)
                </span>
              )}
              <span className="text-stone-500">
                {" "}
                · {h.eventCount} {h.eventCount === 1 ? "event" : "events"}
              </span>
            </li>
          ))}
        </ul>
      </div>
    );
  return (
    <section aria-label="Names matching the search" className="space-y-2 rounded border border-stone-200 bg-white p-3">
      {list("People", people, "people")}
      {list("Companies", companies, "companies")}
    </section>
  );
}
