/**
 * A company's alumni network: where the people who left went (joined or founded), with exact counts and
 * the newest few by name, each linked to the event that says so; the companies alumni founded; and links to the company's
 * talent flows out of it and into it.
 */
import Link from "next/link";
import { PartialDateText } from "@/components/evidence/partial-date-text";
import { alumniNetwork, type AlumniNetwork as Network } from "@/lib/data/companies";
import { db } from "@/lib/db";
import { DESTINATION_FOUNDED, DESTINATION_UNKNOWN, queryString } from "@/lib/validation/event-filters";
import { flowsHref } from "./flow-links";

type Move = Network["destinations"][number]["joined"][number];

/** The newest few by name, each linked to the event; the rest counted, linked to the timeline of them all. */
function People({ moves, count, allHref }: { moves: Move[]; count: number; allHref: string }) {
  return (
    <>
      {moves.map((m, i) => (
        <span key={m.id}>
          {i > 0 && ", "}
          <Link href={`/people/${m.person.slug}`} className="underline">
            {m.person.name}
          </Link>{" "}
          <Link href={`/events/${m.id}`} className="text-xs text-sky-800 underline">
            (left <PartialDateText text={m.dateText} />)
          </Link>
        </span>
      ))}
      {count > moves.length && (
        <>
          {" and "}
          <Link href={allHref} className="underline">
            {count - moves.length} more
          </Link>
        </>
      )}
    </>
  );
}

export async function AlumniNetwork({ company }: { company: { id: number; slug: string; name: string } }) {
  const network = await alumniNetwork(db, company.id);
  const count = (d: Network["destinations"][number]) => d.joinedCount + d.foundedCount;
  const departuresTo = (slug: string) => `/${queryString({ company: [company.slug], kind: ["departed"], destination: [slug] })}`;
  return (
    <section aria-labelledby="alumni-heading" className="space-y-3" data-testid="alumni-network">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="alumni-heading" className="font-semibold">
          Alumni network
        </h2>
        <p className="text-sm">
          Talent flows:{" "}
          <Link href={flowsHref({ company: [company.slug] })} className="underline">
            out of {company.name}
          </Link>{" "}
          ·{" "}
          <Link href={flowsHref({ destination: [company.slug] })} className="underline">
            into {company.name}
          </Link>
        </p>
      </div>
      <p className="text-sm text-stone-600">
        {network.withDestination} departures name where the person went, to {network.destinationCount}{" "}
        {network.destinationCount === 1 ? "company" : "companies"};{" "}
        <Link href={departuresTo(DESTINATION_UNKNOWN)} className="underline">
          {network.unknown}
        </Link>{" "}
        name none.
        {network.destinationCount > network.destinations.length && (
          <>
            {" "}
            The {network.destinations.length} destinations with the most departures are listed, the newest few people by name;{" "}
            <Link href={flowsHref({ company: [company.slug] })} className="underline">
              the talent flows
            </Link>{" "}
            show them all.
          </>
        )}
      </p>

      <section aria-labelledby="alumni-founded-heading">
        <h3 id="alumni-founded-heading" className="mb-1 font-medium">
          Companies founded by alumni ({network.foundedCount})
        </h3>
        {network.foundedCount > network.founded.length && (
          <p className="text-sm text-stone-600">
            The {network.founded.length} with the most founders;{" "}
            <Link href={departuresTo(DESTINATION_FOUNDED)} className="underline">
              every departure to found a company
            </Link>{" "}
            is on the timeline.
          </p>
        )}
        {network.founded.length === 0 ? (
          <p className="text-sm text-stone-600">No source on record says an alumnus founded a company.</p>
        ) : (
          <ul className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
            {network.founded.map(({ company: c, founded, foundedCount }) => (
              <li key={c.slug}>
                <Link href={`/companies/${c.slug}`} className="font-medium underline">
                  {c.name}
                </Link>
                {" — founded by "}
                <People moves={founded} count={foundedCount} allHref={departuresTo(c.slug)} />
              </li>
            ))}
          </ul>
        )}
      </section>

      {network.destinations.length > 0 && (
        <section aria-labelledby="alumni-went-heading">
          <h3 id="alumni-went-heading" className="mb-1 font-medium">
            Where they went
          </h3>
          <ul className="space-y-1 text-sm">
            {network.destinations.map((d) => (
              <li key={d.company.slug}>
                <Link href={`/companies/${d.company.slug}`} className="font-medium underline">
                  {d.company.name}
                </Link>{" "}
                <Link
                  href={departuresTo(d.company.slug)}
                  className="tabular-nums underline"
                  aria-label={`${count(d)} ${count(d) === 1 ? "departure" : "departures"} from ${company.name} to ${d.company.name}`}
                >
                  ({count(d)})
                </Link>
                {d.joined.length > 0 && (
                  <>
                    {": joined by "}
                    <People moves={d.joined} count={d.joinedCount} allHref={departuresTo(d.company.slug)} />
                  </>
                )}
                {d.founded.length > 0 && (
                  <>
                    {d.joined.length > 0 ? "; founded by " : ": founded by "}
                    <People moves={d.founded} count={d.foundedCount} allHref={departuresTo(d.company.slug)} />
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
