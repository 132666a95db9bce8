/** Where an external identifier can be looked up, or null when it is only a dataset's own record id. */
export function externalIdUrl(scheme: string, value: string): string | null {
  if (scheme === "wikidata" && /^Q\d+$/.test(value)) return `https://www.wikidata.org/wiki/${value}`;
  if (scheme === "orcid" && /^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/.test(value)) return `https://orcid.org/${value}`;
  if (/^https?:\/\//.test(value)) return value;
  return null;
}

export const EXTERNAL_SCHEME_LABELS: Record<string, string> = { wikidata: "Wikidata", orcid: "ORCID", url: "Profile" };
