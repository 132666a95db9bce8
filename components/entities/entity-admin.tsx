/**
 * Editors only: merge this record into another (it is the same person or company), or split a wrongly
 * merged spelling off with the events that belong to it. Both are logged and can be reverted from the
 * change log. Plain forms: they work without JavaScript.
 */
import { asFormAction } from "@/components/review/bind-form";
import { inputClass } from "@/components/ui/field";
import { mergeEntitiesAction, splitAliasAction } from "@/lib/actions/merge-entities";

const merge = asFormAction(mergeEntitiesAction);
const split = asFormAction(splitAliasAction);

interface Props {
  kind: "person" | "company";
  slug: string;
  name: string;
  aliases: { id: number; name: string }[];
  events: { id: number; label: string }[];
}

export function EntityAdmin({ kind, slug, name, aliases, events }: Props) {
  const others = aliases.filter((a) => a.name !== name);
  const what = kind === "person" ? "person" : "company";
  return (
    <section aria-labelledby="entity-admin" className="space-y-3 rounded border border-stone-200 bg-stone-50 p-3 text-sm">
      <h2 id="entity-admin" className="font-semibold">
        Editors: merge or split
      </h2>
      <form action={merge} className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="from" value={slug} />
        <div>
          <label htmlFor="merge-into" className="block font-medium">
            Merge {name} into another {what}
          </label>
          <input id="merge-into" name="into" required placeholder={`slug or page address of the ${what} to keep`} className={inputClass} />
        </div>
        <button type="submit" className="rounded border border-stone-700 px-3 py-1.5">
          Merge
        </button>
      </form>
      {others.length > 0 && (
        <form action={split} className="space-y-2">
          <input type="hidden" name="kind" value={kind} />
          <input type="hidden" name="owner" value={slug} />
          <div>
            <label htmlFor="split-alias" className="block font-medium">
              Split a spelling off as its own {what}
            </label>
            <select id="split-alias" name="aliasId" className={inputClass}>
              {others.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
          {events.length > 0 && (
            <fieldset>
              <legend className="font-medium">Events that belong to it</legend>
              {events.map((e) => (
                <label key={e.id} className="block">
                  <input type="checkbox" name="eventIds" value={e.id} /> {e.label}
                </label>
              ))}
            </fieldset>
          )}
          <button type="submit" className="rounded border border-stone-700 px-3 py-1.5">
            Split off
          </button>
        </form>
      )}
    </section>
  );
}
