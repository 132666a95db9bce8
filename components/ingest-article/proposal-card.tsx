/**
 * One proposal: what it says, the words that made it, whether it repeats a recorded event, and a form
 * to accept it (as proposed, or after editing any field under "Edit") or reject it. Both buttons post the
 * same form without JavaScript; the keyboard shortcuts (review-keys.tsx) press them.
 */
import Link from "next/link";
import { inputClass } from "@/components/ui/field";
import { acceptProposal, rejectProposal } from "@/lib/actions/ingest-article";
import type { ActionState } from "@/lib/actions/action-state";
import {
  DATE_BASES,
  DATE_BASIS_LABELS,
  EVENT_KIND_LABELS,
  EVENT_KINDS,
  MANNER_LABELS,
  MANNERS,
  ROLE_CATEGORIES,
  ROLE_CATEGORY_LABELS,
} from "@/lib/domain/vocabulary";
import type { Proposal } from "@/lib/extract/types";

function dateSummary(p: Proposal, published: string | null): string {
  if (p.dateBasis === "stated" && p.date) return p.date;
  if (p.dateBasis === "relative_to_published") return `“${p.datePhrase}”, read against the publication date${published ? ` (${published})` : ""}`;
  if (p.dateBasis === "bounded_by_published") return `on or before publication${published ? ` (${published})` : ""}`;
  return "no date";
}

interface Props {
  p: Proposal;
  index: number;
  sourceId: number;
  language: string;
  published: string | null;
  canPublish: boolean;
  /** the refused submission of this proposal, to show its errors and keep its edits */
  draft: ActionState | null;
}

export function ProposalCard({ p, index, sourceId, language, published, canPublish, draft }: Props) {
  const id = `proposal-${p.fingerprint}`;
  const v = (name: string, proposed: string | undefined) => draft?.values[name] ?? proposed ?? "";
  const errors = draft?.fieldErrors ?? {};
  const field = (name: string) => `${id}-${name.replace(/\./g, "-")}`;
  const described = (name: string) => (errors[name]?.length ? `${field(name)}-error` : undefined);
  const errorList = (name: string) =>
    errors[name]?.length ? (
      <ul id={`${field(name)}-error`} className="text-sm text-red-700">
        {errors[name].map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
    ) : null;
  const recorded = p.repeats?.sameExcerpt;
  return (
    <article
      id={id}
      data-proposal={p.fingerprint}
      tabIndex={-1}
      aria-labelledby={`${id}-title`}
      className="scroll-mt-16 space-y-2 rounded border border-stone-200 bg-white p-3 text-sm focus:outline-2 focus:outline-sky-700"
    >
      <h3 id={`${id}-title`} className="font-semibold">
        {index + 1}. {p.person.name}
        {p.person.known ? "" : " (new person)"} · {EVENT_KIND_LABELS[p.kind]}
        {p.manner ? ` (${MANNER_LABELS[p.manner].toLowerCase()})` : ""} · {p.company.name}
        {p.destination ? ` → ${p.destination.name}` : ""}
      </h3>
      <p className="text-stone-700">
        {p.role && <>Role: {p.role} · </>}
        Date: {dateSummary(p, published)} · confidence {Math.round(p.confidence * 100)}% · from: {p.triggers.join(", ")}
        {p.person.known?.via === "similar" && (
          <>
            {" "}
            · “{p.person.mention}” matched to {p.person.known.name} by a similar spelling
          </>
        )}
      </p>
      <blockquote lang={language} className="border-l-4 border-amber-300 pl-3">
        {p.excerpt}
      </blockquote>
      {p.context && (
        <p className="text-stone-700">
          Context: <q lang={language}>{p.context}</q>
        </p>
      )}
      {p.repeats && (
        <p className="rounded bg-stone-100 px-2 py-1" data-testid="repeats">
          {recorded ? "Already recorded from this very sentence: " : "Repeats a recorded event: "}
          <Link href={`/events/${p.repeats.eventId}`} className="text-sky-800 underline">
            event #{p.repeats.eventId}
          </Link>
          {recorded ? "." : "; accepting adds this source to it."}
        </p>
      )}
      {draft?.message && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-2 py-1 text-red-900">
          {draft.message}
        </p>
      )}
      <form action={acceptProposal} noValidate className="space-y-2">
        <input type="hidden" name="sourceId" value={sourceId} />
        <input type="hidden" name="fingerprint" value={p.fingerprint} />
        <input type="hidden" name="person.aliases" value={p.person.aliases.join(" | ")} />
        <input type="hidden" name="company.aliases" value={p.company.aliases.join(" | ")} />
        <input type="hidden" name="destination.relation" value={p.destination?.relation ?? "joined"} />
        <details open={!!draft} className="rounded border border-stone-200 p-2">
          <summary className="cursor-pointer text-sky-800">Edit before accepting</summary>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {(
              [
                ["person.name", "Person", p.person.name],
                ["company.name", "Company", p.company.name],
                ["role", "Role", p.role],
                ["destination.name", "Went to", p.destination?.name],
                ["date", "Date (stated)", p.date],
                ["datePhrase", "Date phrase (relative)", p.datePhrase],
              ] as const
            ).map(([name, label, proposed]) => (
              <div key={name}>
                <label htmlFor={field(name)} className="block font-medium">
                  {label}
                </label>
                <input
                  id={field(name)}
                  name={name}
                  defaultValue={v(name, proposed)}
                  aria-invalid={errors[name]?.length ? true : undefined}
                  aria-describedby={described(name)}
                  className={inputClass}
                />
                {errorList(name)}
              </div>
            ))}
            <div>
              <label htmlFor={field("kind")} className="block font-medium">
                What happened
              </label>
              <select
                id={field("kind")}
                name="kind"
                defaultValue={v("kind", p.kind)}
                aria-invalid={errors.kind?.length ? true : undefined}
                aria-describedby={described("kind")}
                className={inputClass}
              >
                {EVENT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {EVENT_KIND_LABELS[k]}
                  </option>
                ))}
              </select>
              {errorList("kind")}
            </div>
            <div>
              <label htmlFor={field("manner")} className="block font-medium">
                How they left
              </label>
              <select id={field("manner")} name="manner" defaultValue={v("manner", p.manner)} className={inputClass}>
                <option value="">Not said</option>
                {MANNERS.map((m) => (
                  <option key={m} value={m}>
                    {MANNER_LABELS[m]}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={field("roleCategory")} className="block font-medium">
                Role category
              </label>
              <select id={field("roleCategory")} name="roleCategory" defaultValue={v("roleCategory", p.roleCategory)} className={inputClass}>
                <option value="">Not said</option>
                {ROLE_CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {ROLE_CATEGORY_LABELS[c]}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={field("dateBasis")} className="block font-medium">
                How the date is read
              </label>
              <select
                id={field("dateBasis")}
                name="dateBasis"
                defaultValue={v("dateBasis", p.dateBasis)}
                aria-invalid={errors.dateBasis?.length ? true : undefined}
                aria-describedby={described("dateBasis")}
                className={inputClass}
              >
                <option value="">No date</option>
                {DATE_BASES.map((b) => (
                  <option key={b} value={b}>
                    {DATE_BASIS_LABELS[b]}
                  </option>
                ))}
              </select>
              {errorList("dateBasis")}
            </div>
            {(
              [
                ["excerpt", "Excerpt (must be word for word in the article)", p.excerpt],
                ["context", "Context excerpt (optional, also word for word)", p.context],
              ] as const
            ).map(([name, label, proposed]) => (
              <div key={name} className="sm:col-span-2">
                <label htmlFor={field(name)} className="block font-medium">
                  {label}
                </label>
                <textarea
                  id={field(name)}
                  name={name}
                  lang={language}
                  rows={3}
                  defaultValue={v(name, proposed)}
                  aria-invalid={errors[name]?.length ? true : undefined}
                  aria-describedby={described(name)}
                  className={inputClass}
                />
                {errorList(name)}
              </div>
            ))}
            {Object.keys(errors)
              .filter(
                (k) =>
                  ![
                    "person.name",
                    "company.name",
                    "role",
                    "destination.name",
                    "date",
                    "datePhrase",
                    "kind",
                    "dateBasis",
                    "excerpt",
                    "context",
                  ].includes(k),
              )
              .map((k) => (
                <p key={k} className="text-sm text-red-700 sm:col-span-2">
                  {k}: {errors[k].join(" ")}
                </p>
              ))}
          </div>
        </details>
        {!recorded && (
          <div className="flex gap-2">
            <button type="submit" data-key="accept" className="rounded bg-emerald-800 px-3 py-1 font-medium text-white">
              {canPublish ? "Accept and publish" : "Accept and submit for review"}
            </button>
            <button type="submit" formAction={rejectProposal} data-key="reject" className="rounded border border-stone-400 px-3 py-1">
              Reject
            </button>
          </div>
        )}
      </form>
    </article>
  );
}
