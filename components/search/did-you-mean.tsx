import Link from "next/link";
import type { NameMatch } from "@/lib/search/search";

const cjk = (s: string) => (/[\u3040-\u30ff\u4e00-\u9fff]/.test(s) ? "ja" : undefined);

/**
 * When a search finds no event: the people and companies it most likely meant (lib/search, words of the
 * query included), each linked to its page and to the timeline searched by its name.
 */
export function DidYouMean({ q, matches, searchHref }: { q: string; matches: NameMatch[]; searchHref: (name: string) => string }) {
  if (matches.length === 0) return null;
  return (
    <section aria-labelledby="did-you-mean" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="did-you-mean">
      <h2 id="did-you-mean" className="font-semibold text-stone-800">
        No event matches “<span lang={cjk(q)}>{q}</span>”. Did you mean…
      </h2>
      <ul className="mt-1 space-y-1">
        {matches.map((m) => (
          <li key={`${m.type}-${m.slug}`}>
            <Link href={`/${m.type === "person" ? "people" : "companies"}/${m.slug}`} className="font-medium underline">
              {m.name}
            </Link>
            <span className="text-stone-700">
              {" "}
              ({m.type === "person" ? "person" : "company"}
              {m.matched !== m.name && (
                <>
                  , recorded as <span lang={cjk(m.matched)}>{m.matched}</span>
                </>
              )}
              ) ·{" "}
              <Link href={searchHref(m.name)} className="underline">
                search for {m.name}
              </Link>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
