/**
 * One submission: the evidence as submitted (verbatim excerpt in its language, source, what it asserts),
 * what accepting would do (the event it joins or a new one, people and companies it creates), and, for
 * editors, accept / correct-and-accept / reject. A contributor sees the status and any rejection reason.
 */
import Link from "next/link";
import { inputClass } from "@/components/ui/field";
import { acceptSubmissionAction, rejectSubmissionAction } from "@/lib/actions/review";
import type { SubmissionView } from "@/lib/data/submissions";
import { formatHuman, fromColumns } from "@/lib/domain/partial-date";
import { DATE_BASES, EVENT_KIND_LABELS, EVENT_KINDS, MANNER_LABELS, MANNERS, type EventKind, type Manner } from "@/lib/domain/vocabulary";
import { asFormAction } from "./bind-form";

const accept = asFormAction(acceptSubmissionAction);
const reject = asFormAction(rejectSubmissionAction);

function sourceLabel(s: SubmissionView["claim"]["source"]): string {
  return "id" in s ? `recorded source #${s.id}` : `${s.title}${s.publisher ? ` · ${s.publisher}` : ""}${s.publishedAt ? ` · ${s.publishedAt}` : ""}`;
}

export function SubmissionCard({ s, reviewer }: { s: SubmissionView; reviewer: boolean }) {
  const c = s.claim;
  const kind = (c.kind === "fired" ? "departed" : c.kind) as EventKind;
  const date = c.date ? fromColumns(c.date) : null;
  const target = s.plan?.candidates.find((e) => e.id === s.plan?.suggestedEventId);
  const prefix = `submission-${s.id}`;
  return (
    <article id={prefix} aria-labelledby={`${prefix}-title`} className="space-y-2 rounded border border-stone-200 bg-white p-3 text-sm">
      <h2 id={`${prefix}-title`} className="font-semibold">
        #{s.id}: {c.person.name} · {EVENT_KIND_LABELS[kind]}
        {c.manner || c.kind === "fired" ? ` (${MANNER_LABELS[(c.manner ?? "fired") as Manner].toLowerCase()})` : ""} · {c.company.name}
        {date ? ` · ${formatHuman(date)}` : ""}
      </h2>
      <p className="text-stone-600">
        Submitted by {s.account.name} on <time dateTime={s.createdAt.toISOString()}>{s.createdAt.toISOString().slice(0, 10)}</time> ·{" "}
        <span className="font-medium">{s.status}</span>
        {s.reviewer && ` by ${s.reviewer.name}`}
        {s.reason && <> · reason: “{s.reason}”</>}
        {s.claimId && s.eventId && (
          <>
            {" · "}
            <Link href={`/events/${s.eventId}#claim-${s.claimId}`} className="text-sky-800 underline">
              published as claim #{s.claimId}
            </Link>
          </>
        )}
      </p>
      <blockquote lang={"id" in c.source ? undefined : c.source.language} className="border-l-4 border-stone-300 pl-3">
        {c.excerpt}
      </blockquote>
      {c.translation && <p className="pl-4 italic text-stone-600">“{c.translation}”</p>}
      <p className="text-stone-700">
        Source: {sourceLabel(c.source)}
        {c.role && <> · role: {c.role}</>}
        {c.destination && (
          <>
            {" "}
            · {c.destination.relation === "founded" ? "founded" : "went to"} {c.destination.name}
          </>
        )}
      </p>
      {s.plan && (
        <div className="rounded bg-stone-50 p-2">
          <p>
            Accepting it{" "}
            {s.plan.recorded ? (
              <>changes nothing: this claim is already recorded (claim #{s.plan.recorded.id}).</>
            ) : target ? (
              <>
                adds it to{" "}
                <Link href={`/events/${target.id}`} className="text-sky-800 underline">
                  event #{target.id}
                </Link>{" "}
                ({target.status}, {target.claimCount} claim{target.claimCount === 1 ? "" : "s"}).
              </>
            ) : (
              <>creates a new event.</>
            )}{" "}
            {s.plan.creates.length > 0 && <>It creates {s.plan.creates.join(", ")}.</>}
          </p>
          {Object.values(s.plan.problems).flat().length > 0 && (
            <p role="alert" className="text-red-800">
              It cannot be accepted as it is: {Object.values(s.plan.problems).flat().join("; ")}
            </p>
          )}
        </div>
      )}
      {reviewer && s.status === "pending" && (
        <div className="flex flex-wrap gap-4">
          <form action={accept}>
            <input type="hidden" name="submissionId" value={s.id} />
            <button type="submit" className="rounded bg-emerald-800 px-3 py-1.5 font-medium text-white">
              Accept #{s.id}
            </button>
          </form>
          <details>
            <summary className="cursor-pointer underline">Correct, then accept</summary>
            <form action={accept} className="mt-2 grid max-w-xl grid-cols-2 gap-2">
              <input type="hidden" name="submissionId" value={s.id} />
              <input type="hidden" name="edited" value="on" />
              <label className="block">
                What happened
                <select name="kind" defaultValue={kind} className={inputClass}>
                  {EVENT_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {EVENT_KIND_LABELS[k]}
                    </option>
                  ))}
                </select>
              </label>
              <label className="block">
                How they left
                <select name="manner" defaultValue={c.manner ?? (c.kind === "fired" ? "fired" : "")} className={inputClass}>
                  <option value="">not said</option>
                  {MANNERS.map((m) => (
                    <option key={m} value={m}>
                      {MANNER_LABELS[m]}
                    </option>
                  ))}
                </select>
              </label>
              <label className="block">
                Role
                <input name="role" defaultValue={c.role ?? ""} className={inputClass} />
              </label>
              <label className="block">
                Date (YYYY, YYYY-MM, …)
                <input name="date" defaultValue={c.date ?? ""} className={inputClass} />
              </label>
              <label className="block">
                How the date was read
                <select name="dateBasis" defaultValue={c.dateBasis ?? ""} className={inputClass}>
                  <option value="">as submitted</option>
                  {DATE_BASES.map((b) => (
                    <option key={b} value={b}>
                      {b.replaceAll("_", " ")}
                    </option>
                  ))}
                </select>
              </label>
              <label className="col-span-2 block">
                Translation
                <textarea name="translation" defaultValue={c.translation ?? ""} rows={2} className={inputClass} />
              </label>
              <button type="submit" className="col-span-2 justify-self-start rounded bg-emerald-800 px-3 py-1.5 font-medium text-white">
                Accept #{s.id} with these corrections
              </button>
            </form>
          </details>
          <details>
            <summary className="cursor-pointer underline">Reject</summary>
            <form action={reject} className="mt-2 space-y-2">
              <input type="hidden" name="submissionId" value={s.id} />
              <label className="block">
                Reason (the contributor sees it)
                <textarea name="reason" required rows={2} className={inputClass} />
              </label>
              <button type="submit" className="rounded bg-red-800 px-3 py-1.5 font-medium text-white">
                Reject #{s.id}
              </button>
            </form>
          </details>
        </div>
      )}
    </article>
  );
}
