import { Suspense } from "react";
import Link from "next/link";
import { connection } from "next/server";
import { AliasList } from "@/components/evidence/alias-list";
import { EventLine } from "@/components/evidence/event-line";
import { PageSkeleton } from "@/components/ui/page-skeleton";
import { getCompanyBySlug } from "@/lib/data/companies";

export default function CompanyPage({ params }: PageProps<"/companies/[slug]">) {
  return (
    <Suspense fallback={<PageSkeleton label="Loading the company" />}>
      <CompanyView params={params} />
    </Suspense>
  );
}

async function CompanyView({ params }: { params: PageProps<"/companies/[slug]">["params"] }) {
  await connection();
  const company = await getCompanyBySlug(decodeURIComponent((await params).slug));
  const current = company.positions.filter((p) => !p.endText);
  const former = company.positions.filter((p) => p.endText);
  return (
    <article className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold">{company.name}</h1>
        <AliasList name={company.name} aliases={company.aliases} />
        <p className="text-sm text-stone-600">
          {company.kind}
          {company.foundedAt && <> · founded {company.foundedAt}</>} ·{" "}
          <Link href={`/companies/${company.slug}/org`} className="underline">org chart</Link>
        </p>
      </header>
      <section aria-labelledby="events-heading">
        <h2 id="events-heading" className="mb-2 font-semibold">Movements ({company.events.length})</h2>
        <ol className="space-y-1">
          {company.events.map((e) => (
            <li key={e.id}><EventLine event={e} show="no-company" /></li>
          ))}
        </ol>
      </section>
      {company.arrivals.length > 0 && (
        <section aria-labelledby="arrivals-heading">
          <h2 id="arrivals-heading" className="mb-2 font-semibold">Arrivals from elsewhere ({company.arrivals.length})</h2>
          <ol className="space-y-1">
            {company.arrivals.map((e) => (
              <li key={e.id}><EventLine event={e} /></li>
            ))}
          </ol>
        </section>
      )}
      <section aria-labelledby="people-heading" className="grid gap-4 sm:grid-cols-2">
        <h2 id="people-heading" className="sr-only">People</h2>
        <PeopleList title="Current (no departure on record)" positions={current} />
        <PeopleList title="Former" positions={former} />
      </section>
    </article>
  );
}

function PeopleList({ title, positions }: { title: string; positions: { id: number; title: string | null; person: { name: string; slug: string } }[] }) {
  return (
    <div>
      <h3 className="mb-1 font-medium">{title}</h3>
      <ul className="text-sm">
        {positions.map((p) => (
          <li key={p.id}>
            <Link href={`/people/${p.person.slug}`} className="underline">{p.person.name}</Link>
            {p.title && <span className="text-stone-600"> · {p.title}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
