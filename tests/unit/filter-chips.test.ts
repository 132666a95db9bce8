/** Every active filter shows as a chip whose link removes just that filter, the ones the form has no field for included. */
import { describe, expect, it } from "vitest";
import { activeChips } from "@/components/filters/filter-chips";
import { filterLabel } from "@/components/watch/filter-label";
import { parseEventQuery } from "@/lib/validation/event-filters";

const chipsOf = (qs: string) => {
  const parsed = parseEventQuery(new URLSearchParams(qs));
  if (!parsed.ok) throw new Error("bad query");
  return activeChips(
    parsed.query,
    new Map([
      ["mira-murati", "Mira Murati"],
      ["openai", "OpenAI"],
    ]),
  );
};

describe("filter chips", () => {
  it("names a person, a tag and units, each removable on its own", () => {
    const chips = chipsOf("person=mira-murati&tag=safety-culture&tag=governance&company=openai&units=1");
    expect(chips.map((c) => c.label)).toEqual([
      "Person: Mira Murati",
      "Left: OpenAI",
      "Including units and former names",
      "Tag: safety-culture",
      "Tag: governance",
    ]);
    const tagChip = chips.find((c) => c.label === "Tag: safety-culture")!;
    const kept = new URLSearchParams(tagChip.href.slice(2));
    expect(kept.getAll("tag")).toEqual(["governance"]);
    expect(kept.get("person")).toBe("mira-murati");
    expect(new URLSearchParams(chips[2].href.slice(2)).get("units")).toBeNull();
  });

  it("names a person once, by name, in a feed's or watch's title", () => {
    const parsed = parseEventQuery(new URLSearchParams("person=mira-murati&kind=departed"));
    if (!parsed.ok) throw new Error("bad query");
    const label = filterLabel(parsed.query, new Map([["person:mira-murati", "Mira Murati"]]));
    expect(label).toMatch(/^Mira Murati · /);
    expect(label).not.toContain("mira-murati");
    expect(activeChips(parsed.query, new Map([["person:mira-murati", "Mira Murati"]]))[0].label).toBe("Person: Mira Murati");
  });
});
