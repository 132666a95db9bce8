import type { DestinationCounts } from "@/lib/data/find-events";
import { BarListChart } from "./bar-list-chart";

/** "Where they went": the top destinations of a set of events, each bar linking to those events. */
export function DestinationsChart({
  id,
  destinations,
  empty,
  hrefFor,
}: {
  id: string;
  destinations: DestinationCounts;
  empty: string;
  hrefFor: (slug: string) => string;
}) {
  return (
    <BarListChart
      id={id}
      title="Where they went"
      empty={empty}
      items={destinations.top.map((d) => ({
        key: d.slug,
        label: d.name,
        value: d.n,
        note: d.founded ? `${d.founded} founded it` : undefined,
        href: hrefFor(d.slug),
      }))}
    />
  );
}
