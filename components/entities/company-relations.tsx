/** A company's units, parent and renames, each linked, with the timeline including its units. */
import Link from "next/link";

type Named = { name: string; slug: string };
interface Relation {
  kind: "part_of" | "renamed_to";
  dateText: string | null;
}
interface Props {
  company: {
    slug: string;
    name: string;
    relations: (Relation & { to: Named })[];
    relatedFrom: (Relation & { from: Named })[];
  };
}

const link = (c: Named) => (
  <Link href={`/companies/${encodeURIComponent(c.slug)}`} className="underline">
    {c.name}
  </Link>
);
const when = (r: Relation) => (r.dateText ? ` (${r.dateText})` : "");

export function CompanyRelations({ company }: Props) {
  const parents = company.relations.filter((r) => r.kind === "part_of");
  const renamedTo = company.relations.filter((r) => r.kind === "renamed_to");
  const units = company.relatedFrom.filter((r) => r.kind === "part_of");
  const formerly = company.relatedFrom.filter((r) => r.kind === "renamed_to");
  if (parents.length + renamedTo.length + units.length + formerly.length === 0) return null;
  return (
    <ul className="text-sm text-stone-700">
      {parents.map((r) => (
        <li key={`p${r.to.slug}`}>Part of {link(r.to)}</li>
      ))}
      {renamedTo.map((r) => (
        <li key={`r${r.to.slug}`}>
          Renamed to {link(r.to)}
          {when(r)}
        </li>
      ))}
      {formerly.map((r) => (
        <li key={`f${r.from.slug}`}>
          Formerly {link(r.from)}
          {when(r)}
        </li>
      ))}
      {units.length > 0 && (
        <li>
          Units:{" "}
          {units.map((r, i) => (
            <span key={r.from.slug}>
              {i > 0 && ", "}
              {link(r.from)}
            </span>
          ))}{" "}
          ·{" "}
          <Link href={`/?company=${encodeURIComponent(company.slug)}&units=1`} className="underline">
            timeline of {company.name} with its units and former names
          </Link>
        </li>
      )}
    </ul>
  );
}
