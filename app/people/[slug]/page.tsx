import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { AliasList } from "@/components/evidence/alias-list";
import { ClaimCard } from "@/components/evidence/claim-card";
import { EventLine } from "@/components/evidence/event-line";
import { PartialDateText } from "@/components/evidence/partial-date-text";
import { EntityAdmin } from "@/components/entities/entity-admin";
import { ExternalIds } from "@/components/entities/external-ids";
import { can } from "@/lib/auth/roles";
import { currentAccount } from "@/lib/auth/server";
import { WatchBar } from "@/components/watch/watch-bar";
import { personTitle } from "@/lib/data/page-titles";
import { getPersonBySlug } from "@/lib/data/people";
import { excerptsInContext } from "@/lib/data/sources";
import { compareDates, fromColumns } from "@/lib/domain/partial-date";

// Rendered whole rather than streamed, so the page and its Follow button work without JavaScript
// (docs/decisions/0021-forms-without-javascript.md).
export const instant = false;
export async function generateMetadata({ params }: PageProps<"/people/[slug]">): Promise<Metadata> {
  return personTitle((await params).slug);
}

export default function PersonPage({ params }: PageProps<"/people/[slug]">) {
  return <PersonView params={params} />;
}

async function PersonView({ params }: { params: PageProps<"/people/[slug]">["params"] }) {
  await connection();
  const person = await getPersonBySlug(decodeURIComponent((await params).slug));
  // In order of when they happened: dated events by first possible day, then the undated ones.
  const events = [...person.events].sort((a, b) => compareDates(fromColumns(a.dateText), fromColumns(b.dateText)) || a.id - b.id);
  const claimCount = events.reduce((n, e) => n + e.claims.length, 0);
  const inContext = await excerptsInContext(events.flatMap((e) => e.claims));
  const account = await currentAccount();
  return (
    <article className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold">{person.name}</h1>
        <AliasList name={person.name} aliases={person.aliases} />
        <ExternalIds ids={person.externalIds} />
        <WatchBar kind="person" slug={person.slug} label={person.name} returnTo={`/people/${person.slug}`} />
      </header>

      <section aria-labelledby="positions-heading">
        <h2 id="positions-heading" className="mb-2 font-semibold">
          Positions
        </h2>
        {person.positions.length === 0 ? (
          <p className="text-sm text-stone-600">No positions on record.</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {person.positions.map((p) => (
              <li key={p.id}>
                <span className="font-medium">{p.title ?? "Role unknown"}</span> at{" "}
                <Link href={`/companies/${p.company.slug}`} className="underline">
                  {p.company.name}
                </Link>
                {", "}
                {p.startText ? <PartialDateText text={p.startText} /> : <span className="text-stone-500">start unknown</span>}
                {" – "}
                {p.endText ? <PartialDateText text={p.endText} /> : <span className="text-stone-500">{p.endEarliest ? "" : "no end on record"}</span>}
                {p.reportsTo && (
                  <>
                    {", reporting to "}
                    <Link href={`/people/${p.reportsTo.slug}`} className="underline">
                      {p.reportsTo.name}
                    </Link>
                  </>
                )}
                {" · "}
                <span className="text-xs">
                  evidence:{" "}
                  {p.events.map(({ eventId: id }, i) => (
                    <span key={id}>
                      {i > 0 && ", "}
                      <Link href={`/events/${id}`} className="text-sky-800 underline">
                        event {id}
                      </Link>
                    </span>
                  ))}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="events-heading" className="space-y-4">
        <h2 id="events-heading" className="font-semibold">
          Events and evidence ({events.length} {events.length === 1 ? "event" : "events"}, {claimCount} {claimCount === 1 ? "claim" : "claims"})
        </h2>
        <p className="text-sm text-stone-600">
          Oldest first; events whose date no source gives come last. Every claim is listed, withdrawn ones struck through.{" "}
          <Link href={`/?q=${encodeURIComponent(person.name)}&view=table`} className="underline">
            Show on the timeline
          </Link>
        </p>
        <ol className="space-y-5">
          {events.map((e) => (
            <li key={e.id} className="space-y-2">
              <h3>
                <EventLine event={e} show="no-person" />
              </h3>
              <div className="space-y-2 pl-4">
                {e.claims.map((c) => (
                  <ClaimCard key={c.id} claim={c} inContext={inContext.get(c.id)} />
                ))}
              </div>
            </li>
          ))}
        </ol>
      </section>
      {account && can(account.role, "correct") && (
        <EntityAdmin
          kind="person"
          slug={person.slug}
          name={person.name}
          aliases={person.aliases}
          events={events.map((e) => ({ id: e.id, label: `${e.kind} ${e.company.name}${e.dateText ? `, ${e.dateText}` : ""} (event ${e.id})` }))}
        />
      )}
    </article>
  );
}
