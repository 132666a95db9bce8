/** An import's report: what was (or would be) matched, created, merged, disputed, changed and rejected, each linked. */
import Link from "next/link";
import type { EntityLine, EventLine, ImportReport } from "@/lib/import/report";

const BY = { external_id: "external id", exact_alias: "exact alias", normalized_key: "normalized name" } as const;

function Section({ title, count, children }: { title: string; count: number; children?: React.ReactNode }) {
  return (
    <details open={count > 0 && count <= 50} className="rounded border border-stone-200 bg-white p-3">
      <summary className="cursor-pointer text-sm font-semibold">
        {title}: {count}
      </summary>
      {count > 0 && <ul className="mt-2 space-y-1 text-sm">{children}</ul>}
    </details>
  );
}

const person = (p: EntityLine) => (
  <Link href={`/people/${encodeURIComponent(p.slug)}`} className="underline">
    {p.name}
  </Link>
);
const event = (e: EventLine, live: boolean) =>
  live ? (
    <Link href={`/events/${e.id}`} className="underline">
      {e.person} · {e.kind} · {e.company}
    </Link>
  ) : (
    <span>
      {e.person} · {e.kind} · {e.company}
    </span>
  );

export function ReportView({ report }: { report: ImportReport }) {
  // a dry run's new rows were rolled back: only recorded entities can be linked
  const live = !report.dryRun;
  return (
    <section aria-label="Import report" className="space-y-2">
      <p className="text-sm">
        {report.records} records of <strong>{report.dataset}</strong>
        {report.version && ` ${report.version}`} ({report.format}
        {report.licence && `, ${report.licence}`}, sha256 <code className="text-xs">{report.fileSha256.slice(0, 16)}…</code>): {report.claims.added}{" "}
        claims {report.dryRun ? "would be" : ""} added, {report.claims.unchanged} unchanged, {report.claims.superseded.length} superseding an earlier
        version, {report.claims.alreadyRecorded} already recorded, {report.rejected.length} problems.
      </p>
      <Section title="People matched to recorded people" count={report.people.matched.length}>
        {report.people.matched.map((p) => (
          <li key={p.id}>
            “{p.as}” → {person(p)} <span className="text-stone-600">(by {p.by ? BY[p.by] : "name"})</span>
          </li>
        ))}
      </Section>
      <Section title="People created" count={report.people.created.length}>
        {report.people.created.map((p) => (
          <li key={p.id}>{live ? person(p) : p.name}</li>
        ))}
      </Section>
      <Section title="Companies matched" count={report.companies.matched.length}>
        {report.companies.matched.map((c) => (
          <li key={c.id}>
            “{c.as}” →{" "}
            <Link href={`/companies/${encodeURIComponent(c.slug)}`} className="underline">
              {c.name}
            </Link>{" "}
            <span className="text-stone-600">(by {c.by ? BY[c.by] : "name"})</span>
          </li>
        ))}
      </Section>
      <Section title="Companies created" count={report.companies.created.length}>
        {report.companies.created.map((c) => (
          <li key={c.id}>{c.name}</li>
        ))}
      </Section>
      <Section title="Events created" count={report.events.created.length}>
        {report.events.created.map((e) => (
          <li key={e.id}>{event(e, live)}</li>
        ))}
      </Section>
      <Section title="Merged into recorded events" count={report.events.merged.length}>
        {report.events.merged.map((e) => (
          <li key={e.id}>{event(e, true)}</li>
        ))}
      </Section>
      <Section title="Newly disputed" count={report.events.disputed.length}>
        {report.events.disputed.map((e) => (
          <li key={e.id}>
            {event(e, true)}: {e.fields.join(", ")} in conflict
          </li>
        ))}
      </Section>
      <Section title="Changed on recorded events" count={report.events.changed.length}>
        {report.events.changed.map((e) => (
          <li key={e.id}>
            {event(e, true)}:{" "}
            {e.changes.map((c) => (
              <span key={c.field} className="mr-2">
                {c.field} <del>{c.before ?? "—"}</del> → <ins>{c.after ?? "—"}</ins>
              </span>
            ))}
          </li>
        ))}
      </Section>
      <Section title="Records missing from this version" count={report.missing.length}>
        {report.missing.map((m) => (
          <li key={m.claimId}>
            {m.externalId} (claim {m.claimId}): {m.retracted ? "retracted" : "kept; tick “retract records…” to retract"}
          </li>
        ))}
      </Section>
      <Section title="Rejected records" count={report.rejected.length}>
        {report.rejected.map((r, i) => (
          <li key={i}>
            {r.line ? `Line ${r.line}` : `Record ${r.index}`}
            {r.externalId ? ` (${r.externalId})` : ""}, <code>{r.field}</code>: {r.message}
          </li>
        ))}
      </Section>
    </section>
  );
}
