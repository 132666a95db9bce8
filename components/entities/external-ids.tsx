/** A person's or company's identifiers elsewhere (Wikidata, ORCID, profile pages, datasets), as links where they resolve. */
import { EXTERNAL_SCHEME_LABELS, externalIdUrl } from "@/lib/domain/external-ids";

export function ExternalIds({ ids }: { ids: { id: number; scheme: string; value: string }[] }) {
  if (ids.length === 0) return null;
  return (
    <p className="mt-1 text-sm text-stone-700">
      Elsewhere:{" "}
      {ids.map((x, i) => {
        const url = externalIdUrl(x.scheme, x.value);
        const label = `${EXTERNAL_SCHEME_LABELS[x.scheme] ?? x.scheme} ${x.value}`;
        return (
          <span key={x.id}>
            {i > 0 && " · "}
            {url ? (
              <a href={url} rel="noopener noreferrer" className="underline">
                {label}
              </a>
            ) : (
              label
            )}
          </span>
        );
      })}
    </p>
  );
}
