/** Changes, newest first: when, who, what, and each field's value before and after. */
import Link from "next/link";
import type { ReactNode } from "react";
import { PartialDateText } from "@/components/evidence/partial-date-text";
import { CHANGE_ACTION_LABELS, type ChangeAction, type ChangeView } from "@/lib/data/changes";
import { EVENT_KIND_LABELS, type EventKind } from "@/lib/domain/vocabulary";

function Shown({ field, value }: { field: string; value: string | null }) {
  if (value === null) return <span className="text-stone-500">none</span>;
  if (field === "dateText") return <PartialDateText text={value} />;
  return <>{value}</>;
}

/** Stored summaries say "claim #90"; the log says "claim 90", like the line above it. */
const plainRefs = (summary: string) => summary.replace(/\b(claim|event|submission|change) #(\d+)/gi, "$1 $2");

/**
 * What a change did, with its event and claim each named by kind and number: "created event 50 with claim
 * 90", "retracted claim 90 of event 50" (a bare "#90" after "created event" read as the event's number).
 */
function ChangeWhat({ change: c }: { change: ChangeView }) {
  const label = CHANGE_ACTION_LABELS[c.action as ChangeAction] ?? c.action;
  const claim =
    c.claimId === null ? null : c.event ? (
      <Link href={`/events/${c.event.id}#claim-${c.claimId}`} className="text-sky-800 underline">
        claim {c.claimId}
      </Link>
    ) : (
      <>claim {c.claimId}</>
    );
  const event = c.event ? (
    <Link href={`/events/${c.event.id}`} className="text-sky-800 underline">
      event {c.event.id}
    </Link>
  ) : null;
  if (c.action === "create_event" || c.action === "edit_event")
    return (
      <>
        {label.replace(/ event$/, "")} {event ?? "an event"}
        {claim && (
          <>
            {" "}
            {c.action === "create_event" ? "with" : "through"} {claim}
          </>
        )}
      </>
    );
  if (label.endsWith(" claim") && claim)
    return (
      <>
        {label.replace(/ claim$/, "")} {claim}
        {event && <> of {event}</>}
      </>
    );
  return (
    <>
      {label}
      {claim && <> ({claim})</>}
    </>
  );
}

export function ChangeLogList({
  changes,
  showEvent = true,
  actions,
}: {
  changes: ChangeView[];
  showEvent?: boolean;
  /** per-change controls (the revert button for editors) */
  actions?: (change: ChangeView) => ReactNode;
}) {
  if (changes.length === 0) return <p className="text-sm text-stone-600">No changes recorded.</p>;
  return (
    <ol className="space-y-2" aria-label="Changes, newest first">
      {changes.map((c) => (
        <li key={c.id} id={`change-${c.id}`} data-testid="change" className="rounded border border-stone-200 bg-white px-3 py-2 text-sm">
          <p>
            <time dateTime={c.at.toISOString()} className="tabular-nums text-stone-600">
              {c.at.toISOString().slice(0, 16).replace("T", " ")} UTC
            </time>{" "}
            ·{" "}
            {c.account ? (
              <Link href={`/changes?account=${encodeURIComponent(c.account.id)}`} className="font-medium underline">
                {c.account.name}
              </Link>
            ) : (
              <span className="font-medium">{c.editor}</span>
            )}{" "}
            <ChangeWhat change={c} />
            {showEvent && c.event && (
              <>
                {" · "}
                <Link href={`/events/${c.event.id}`} className="text-sky-800 underline">
                  {c.event.person.name} {(EVENT_KIND_LABELS[c.event.kind as EventKind] ?? c.event.kind).toLowerCase()} · {c.event.company.name}
                </Link>
              </>
            )}
          </p>
          <p className="text-stone-700">{plainRefs(c.summary)}</p>
          {c.fields.length > 0 && (
            <dl className="mt-1 flex flex-wrap gap-x-4 gap-y-0.5 text-xs" aria-label={`Values changed by change ${c.id}`}>
              {c.fields.map((f) => (
                <div key={f.field}>
                  <dt className="inline font-medium text-stone-600">{f.label}: </dt>
                  <dd className="inline">
                    {f.before !== null && (
                      <>
                        <del className="text-stone-500 decoration-stone-400">
                          <Shown field={f.field} value={f.before} />
                        </del>
                        <span aria-label="changed to"> → </span>
                      </>
                    )}
                    <span className="font-medium">
                      <Shown field={f.field} value={f.after} />
                    </span>
                  </dd>
                </div>
              ))}
            </dl>
          )}
          {(c.revertOfId !== null || c.revertedById !== null) && (
            <p className="mt-1 text-xs text-stone-600">
              {c.revertOfId !== null && (
                <>
                  Reverts{" "}
                  <a href={`/changes#change-${c.revertOfId}`} className="underline">
                    change #{c.revertOfId}
                  </a>
                  .{" "}
                </>
              )}
              {c.revertedById !== null && (
                <>
                  Reverted by{" "}
                  <a href={`/changes#change-${c.revertedById}`} className="underline">
                    change #{c.revertedById}
                  </a>
                  .
                </>
              )}
            </p>
          )}
          {actions?.(c)}
        </li>
      ))}
    </ol>
  );
}
