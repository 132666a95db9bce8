import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { buildOrgChart, buildOrgChartOnce } from "@/components/org/build-chart";
import { compareViews, diffItems, snapshotItems } from "@/components/org/chart-model";
import { stepSummary } from "@/components/org/step-summary";
import { diffJson, nodeJson, queryOrgChart, readOrgSources } from "@/lib/data/org";
import { queryOrgView } from "@/lib/data/org-view";
import { changedBetween, peopleChangedBetween, readChangeIndex, readTenureTable, rosterFrom, rosterOf } from "@/lib/data/org-roster";
import type { OrgChartQuery } from "@/lib/domain/org-chart";
import { isChiefExecutiveTitle, orgTree } from "@/lib/domain/org-tree";
import { systemActor } from "@/lib/ingest/actor";
import { ingestClaim } from "@/lib/ingest/ingest-claim";
import { mergeEntities } from "@/lib/ingest/merge-entities";
import { changeClaimState } from "@/lib/ingest/retract-claim";
import { claimInput } from "../factories/claims";
import { useTestDb } from "../helpers/test-db";

const { db, url } = useTestDb();
const company = { name: "Tallgrass Systems", aliases: [] };
const SLUG = "tallgrass-systems";
/** Drawn by group from the first person on, three people a page: every path of a large chart on a small company. */
const SMALL = { largeFrom: 0, pageSize: 3 };

type Say = NonNullable<Parameters<typeof claimInput>[0]>;
const person = (name: string) => ({ name, aliases: [] });

/** A company with a chief executive, reporting lines, role groups, leaves, title changes, departures and vague dates. */
async function seed() {
  const say = (o: Say) =>
    ingestClaim(db, claimInput({ company, roleCategory: "engineering", excerpt: `${o.person?.name} ${o.kind} ${o.date}`, ...o }));
  await say({ person: person("Ada Vale"), kind: "joined", role: "CEO", roleCategory: "executive", date: "2019-03" });
  await say({ person: person("Bo Lind"), kind: "joined", role: "CTO", roleCategory: "executive", date: "2019-06-01" });
  await say({ person: person("Cy Rho"), kind: "joined", role: "VP Engineering", date: "2020-01-15", reportsTo: person("Bo Lind") });
  for (const [i, name] of ["Dee Orr", "Eli Pike", "Fay Quill", "Gus Hale", "Hana Ito", "Ivo Ness", "Jun Ode"].entries())
    await say({ person: person(name), kind: "joined", role: "Engineer", date: `2020-0${(i % 6) + 2}` });
  for (const name of ["Kai Moss", "Lea Tan", "Max Yu", "Noa Bell"])
    await say({ person: person(name), kind: "joined", role: "Researcher", roleCategory: "research", date: "2021" });
  await say({ person: person("Oto Ray"), kind: "joined", role: "Operations lead", roleCategory: "operations", date: "2021-04-01" });
  await say({
    person: person("Eli Pike"),
    kind: "departed",
    role: "Engineer",
    date: "2022-05-20",
    destination: { name: "Nimbus Analytics", aliases: [], relation: "joined" },
  });
  await say({ person: person("Fay Quill"), kind: "role_changed", role: "Staff Engineer", date: "2022-05" });
  await say({ person: person("Bo Lind"), kind: "departed", role: "CTO", roleCategory: "executive", date: "2022-05-20", manner: "fired" });
  await say({ person: person("Kai Moss"), kind: "leave_started", role: "Researcher", roleCategory: "research", date: "2022-05-20" });
  await say({ person: person("Lea Tan"), kind: "departed", role: "Researcher", roleCategory: "research", date: "2022" });
  await say({ person: person("Pia Lux"), kind: "joined", role: "Engineer", date: "2022-05-20" });
}

const DAYS = ["2019-04-01", "2020-03-01", "2021-06-30", "2022-05-20", "2022-06-01", "2023-01-01"];

/** Everyone the whole chart counts in each role group (its roots: what the labels count). */
function wholeGroups(items: ReturnType<typeof snapshotItems>) {
  const tree = orgTree(items, {
    compare: compareViews,
    isTop: (v) => !v.ghost && isChiefExecutiveTitle(v.title),
    groupOf: (v) => v.roleCategory ?? "",
  });
  return new Map(tree.groups.map((g) => [g.group, g.roots.map((r) => r.data.slug)]));
}

async function whole(query: OrgChartQuery) {
  const data = (await queryOrgChart(db, SLUG, query))!;
  return { data, chart: buildOrgChart(data, query) };
}

describe("a large org chart, drawn by group", () => {
  it("counts every role group as the whole chart does, and draws the people it draws exactly as the whole chart", async () => {
    await seed();
    for (const at of DAYS) {
      const query: OrgChartQuery = { mode: "snapshot", at };
      const full = await whole(query);
      if (full.chart.mode !== "snapshot") throw new Error("snapshot expected");
      const groups = wholeGroups(snapshotItems(full.chart.snapshot));
      const view = (await queryOrgView(db, SLUG, query, null, SMALL))!;
      expect(view.large, at).not.toBeNull();
      const chart = buildOrgChart(view, query);
      if (chart.mode !== "snapshot") throw new Error("snapshot expected");
      const drawing = chart.large!;
      expect(Object.fromEntries(drawing.groups.filter((g) => g.count > 0).map((g) => [g.group, g.count])), at).toEqual(
        Object.fromEntries([...groups].map(([g, slugs]) => [g, slugs.length])),
      );
      expect(view.large!.total, at).toBe(full.chart.snapshot.nodes.length);
      // what it draws (the chief executive, the reporting lines) is the whole chart's, evidence included
      const byPerson = new Map(full.chart.snapshot.nodes.map((n) => [n.person.id, n]));
      const drawn = chart.snapshot.nodes.filter((n) => drawing.drawn.has(n.person.id));
      for (const n of drawn)
        expect(nodeJson(n, view.sources), `${at} ${n.person.name}`).toEqual(nodeJson(byPerson.get(n.person.id)!, full.data.sources));
      // the step summary reads only the people the step moved, and says what the whole chart's says
      expect(stepSummary(chart.index, at).text, at).toBe(stepSummary(full.chart.index, at).text);

      // opening each group, page by page, lists each of its people once, in the whole chart's set
      for (const [group, slugs] of groups) {
        const structuredHere = slugs.filter((s) => drawn.some((n) => n.person.slug === s));
        if (!view.large!.groups.get(group)) {
          expect(structuredHere.sort(), `${at} ${group}: everyone drawn with the structure`).toEqual([...slugs].sort());
          continue;
        }
        const seen: string[] = [];
        for (let page = 1; page <= Math.ceil(slugs.length / SMALL.pageSize) + 1; page++) {
          const opened = (await queryOrgView(db, SLUG, query, { group, page }, SMALL))!;
          const openChart = buildOrgChart(opened, query);
          if (openChart.mode !== "snapshot") throw new Error("snapshot expected");
          const open = openChart.large!.open!;
          expect(open.of).toBe(view.large!.groups.get(group) ?? 0);
          if (page > open.pages) {
            expect(open.page, "a page past the end shows the last").toBe(open.pages);
            continue;
          }
          const people = openChart.snapshot.nodes.filter((n) => opened.large!.page.includes(n.person.id));
          expect(people.length).toBeLessThanOrEqual(SMALL.pageSize);
          for (const n of people) expect(nodeJson(n, opened.sources)).toEqual(nodeJson(byPerson.get(n.person.id)!, full.data.sources));
          seen.push(...people.map((n) => n.person.slug));
        }
        expect([...seen, ...structuredHere].sort(), `${at} ${group}`).toEqual([...slugs].sort());
      }
    }
  });

  it("diffs two days with the whole chart's changes, and counts who changed in each group", async () => {
    await seed();
    const pairs = DAYS.flatMap((from, i) => DAYS.slice(i + 1).map((to) => [from, to] as const));
    for (const [from, to] of pairs) {
      const query: OrgChartQuery = { mode: "diff", from, to };
      const full = await whole(query);
      if (full.chart.mode !== "diff") throw new Error("diff expected");
      const view = (await queryOrgView(db, SLUG, query, null, SMALL))!;
      const chart = buildOrgChart(view, query);
      if (chart.mode !== "diff") throw new Error("diff expected");
      const label = `${from} → ${to}`;
      // the sources are read for the changes a page lists, not for all
      expect(view.sources.size, label).toBe(0);
      const sources = await readOrgSources(
        db,
        chart.diff.changes.flatMap((c) => c.claims),
      );
      expect(diffJson({ ...view, sources }, chart.diff), label).toEqual(diffJson(full.data, full.chart.diff));
      const groups = wholeGroups(diffItems(full.chart.diff, full.chart.from, full.chart.to));
      const changed = new Set(full.chart.diff.changes.map((c) => c.person.slug));
      for (const g of chart.large!.groups) {
        const slugs = groups.get(g.group) ?? [];
        expect(g.count, `${label} ${g.group}`).toBe(slugs.length);
        const structured = chart.large!.items.filter((i) => !i.data.box && i.data.roleCategory === (g.group || null)).map((i) => i.data.slug);
        expect(g.changed, `${label} ${g.group}`).toBe(slugs.filter((s) => changed.has(s) && !structured.includes(s)).length);
      }
    }
  });

  it("counts a day's roster in memory exactly as the roster's SQL does, also when more than ten titles may name the chief executive", async () => {
    await seed();
    const { id } = await db.company.findUniqueOrThrow({ where: { slug: SLUG } });
    const sameAsSql = async (days: string[], label: string) => {
      const tenures = await readTenureTable(db, id);
      for (const day of days) {
        const [mine, sql] = [rosterFrom(tenures, day), await rosterOf(db, id, day)];
        expect({ ...mine, structured: mine.structured.sort((a, b) => a - b) }, `${label} ${day}`).toEqual({
          ...sql,
          structured: sql.structured.sort((a, b) => a - b),
        });
      }
    };
    await sameAsSql(DAYS, "seeded");
    const ceos = ["Ana", "Ben", "Cal", "Dov", "Eva", "Fin", "Gil", "Hal", "Ida", "Jon", "Kim"].map((n) => `${n} Chief`);
    for (const [i, name] of ceos.entries())
      await ingestClaim(
        db,
        claimInput({
          company,
          person: person(name),
          kind: "joined",
          role: i % 2 ? "Co-CEO" : "Chief Executive of Labs",
          roleCategory: "executive",
          date: "2023-02",
        }),
      );
    const after = ["2023-01-01", "2023-03-01"];
    await sameAsSql(after, "eleven chiefs");
    // with eleven possible chiefs on a day, none is drawn on top: they are counted in their group
    const crowded = rosterFrom(await readTenureTable(db, id), "2023-03-01");
    expect(crowded.groups.get("executive")).toBeGreaterThanOrEqual(ceos.length);
  });

  it("remembers rosters and who changed when until the tenures change: after a write the view is the whole chart's again", async () => {
    await seed();
    const { id } = await db.company.findUniqueOrThrow({ where: { slug: SLUG } });
    const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);
    const pairs = DAYS.flatMap((from, i) => DAYS.slice(i + 1).map((to) => [from, to] as const));
    const sameAsSql = async (label: string) => {
      const index = await readChangeIndex(db, id);
      for (const [from, to] of pairs)
        expect(sorted(changedBetween(index, from, to)), `${label}: ${from} → ${to}`).toEqual(sorted(await peopleChangedBetween(db, id, from, to)));
    };
    await sameAsSql("seeded");
    const diff: OrgChartQuery = { mode: "diff", from: "2022-06-01", to: "2023-01-01" };
    const snap: OrgChartQuery = { mode: "snapshot", at: "2023-01-01" };
    const changes = async () => {
      const chart = buildOrgChart((await queryOrgView(db, SLUG, diff, null, SMALL))!, diff);
      if (chart.mode !== "diff") throw new Error("diff expected");
      return chart.diff.changes.map((c) => `${c.person.slug} ${c.kind}`);
    };
    const people = async () => (await queryOrgView(db, SLUG, snap, null, SMALL))!.large!.total;
    // read (and remembered) before the write
    const [changesBefore, peopleBefore] = [await changes(), await people()];
    await ingestClaim(
      db,
      claimInput({ company, person: person("Oto Ray"), kind: "departed", role: "Operations lead", roleCategory: "operations", date: "2022-09-01" }),
    );
    const full = await whole(diff);
    if (full.chart.mode !== "diff") throw new Error("diff expected");
    expect(await changes()).toEqual(full.chart.diff.changes.map((c) => `${c.person.slug} ${c.kind}`));
    expect((await changes()).length).toBe(changesBefore.length + 1);
    expect(await people()).toBe(peopleBefore - 1);
    await sameAsSql("after a departure");
  });

  it("remembers a large diff's rows and chart until the evidence under them changes: a destination merged away, a claim retracted", async () => {
    await seed();
    const query: OrgChartQuery = { mode: "diff", from: "2022-01-01", to: "2023-01-01" };
    const asked = async () => {
      const view = (await queryOrgView(db, SLUG, query, null, SMALL))!;
      const chart = buildOrgChartOnce(view, query);
      if (chart.mode !== "diff") throw new Error("diff expected");
      const sources = await readOrgSources(
        db,
        chart.diff.changes.flatMap((c) => c.claims),
      );
      return { chart, json: diffJson({ ...view, sources }, chart.diff) };
    };
    const wholeJson = async () => {
      const full = await whole(query);
      if (full.chart.mode !== "diff") throw new Error("diff expected");
      return diffJson(full.data, full.chart.diff);
    };
    const eli = (json: ReturnType<typeof diffJson>) => json.changes.find((c) => c.person.slug === "eli-pike");
    const first = await asked();
    expect(first.json).toEqual(await wholeJson());
    expect(eli(first.json)?.destination?.slug).toBe("nimbus-analytics");
    // asked again, or after a write elsewhere: the very chart built before
    expect((await asked()).chart).toBe(first.chart);
    await ingestClaim(
      db,
      claimInput({ company: { name: "Cumulus Data", aliases: [] }, person: person("Zed Quo"), kind: "joined", role: "Engineer", date: "2021" }),
    );
    expect((await asked()).chart).toBe(first.chart);
    // the destination merged into that company: its name and link are the kept one's
    await db.$transaction((tx) => mergeEntities(tx, "company", "nimbus-analytics", "cumulus-data", systemActor("test")));
    const merged = await asked();
    expect(eli(merged.json)?.destination?.slug).toBe("cumulus-data");
    expect(merged.json).toEqual(await wholeJson());
    // the departure's claim retracted: Eli Pike no longer leaves
    const claim = await db.claim.findFirstOrThrow({ where: { event: { kind: "departed", person: { slug: "eli-pike" } } } });
    await changeClaimState(db, { claimId: claim.id, state: "retracted", reason: "wrong person" }, systemActor("test"));
    const retracted = await asked();
    expect(eli(retracted.json)).toBeUndefined();
    expect(retracted.json).toEqual(await wholeJson());
  });

  it("draws a small company whole, and a group box links to its first page", async () => {
    await seed();
    const query: OrgChartQuery = { mode: "snapshot", at: "2023-01-01" };
    expect((await queryOrgView(db, SLUG, query, null))!.large, "under the threshold").toBeNull();
    const chart = buildOrgChart((await queryOrgView(db, SLUG, query, null, SMALL))!, query);
    expect(chart.svg).toMatch(/data-group="engineering"/);
    expect(chart.svg).toContain(`href="/companies/${SLUG}/org?at=2023-01-01&amp;group=engineering&amp;page=1#org-chart-heading"`);
    expect(await queryOrgView(db, "no-such-company", query, null)).toBeNull();
  });
});

describe("a large chart's open group in the timeline and the SVG download", () => {
  beforeAll(() => {
    // the route handlers read the app's client: this file's database
    process.env.DATABASE_URL = url;
    delete (globalThis as { departuresDb?: unknown }).departuresDb;
  });
  type Route = (request: NextRequest, ctx: { params: Promise<{ slug: string }> }) => Promise<Response>;
  const call = async (route: Promise<{ GET: unknown }>, path: string) =>
    ((await route).GET as Route)(new NextRequest(new URL(path, "http://localhost:3000")), { params: Promise.resolve({ slug: SLUG }) });

  it("stepping the timeline without JavaScript keeps the open group; a malformed group is dropped; the SVG refuses an unknown one", async () => {
    await seed();
    const go = import("@/app/companies/[slug]/org/go/route");
    const kept = await call(go, `/companies/${SLUG}/org/go?i=1&group=research`);
    expect(kept.status).toBe(303);
    expect(kept.headers.get("location")).toMatch(new RegExp(`^/companies/${SLUG}/org\\?at=\\d{4}-\\d{2}-\\d{2}&group=research$`));
    const dropped = await call(go, `/companies/${SLUG}/org/go?i=1&group=%3Cb%3E`);
    expect(dropped.headers.get("location")).not.toContain("group");
    const svg = await call(import("@/app/companies/[slug]/org/svg/route"), `/companies/${SLUG}/org/svg?at=2023-01-01&group=bogus`);
    expect(svg.status).toBe(400);
    expect((await svg.json()).fieldErrors.group[0]).toMatch(/No role group "bogus"/);
  });

  it("the JSON API draws by group on request: the structure, each group's count, one page of the group, with evidence", async () => {
    await seed();
    const api = import("@/app/api/companies/[slug]/org/route");
    const whole = await (await call(api, `/api/companies/${SLUG}/org?at=2023-01-01`)).json();
    const res = await call(api, `/api/companies/${SLUG}/org?at=2023-01-01&group=engineering&page=1`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.total).toBe(whole.nodes.length);
    expect(body.structure.map((n: { person: { name: string } }) => n.person.name)).toContain("Ada Vale");
    const outside = body.groups.reduce((k: number, g: { people: number }) => k + g.people, 0);
    expect(outside + body.structure.length).toBe(whole.nodes.length);
    const engineering = whole.nodes.filter((n: { roleCategory: string; person: { slug: string } }) => n.roleCategory === "engineering");
    expect(body.open).toMatchObject({ group: "engineering", page: 1, pageSize: 50 });
    // each person of the page exactly as in the whole snapshot, evidence included
    for (const n of body.open.people) expect(n).toEqual(engineering.find((w: { person: { slug: string } }) => w.person.slug === n.person.slug));
    expect(body.open.people.length).toBe(body.groups.find((g: { group: string }) => g.group === "engineering").people);
    for (const bad of ["group=bogus", "group=engineering&page=0", "group=engineering&page=x"]) {
      const r = await call(api, `/api/companies/${SLUG}/org?at=2023-01-01&${bad}`);
      expect(r.status, bad).toBe(400);
      expect(Object.keys((await r.json()).fieldErrors), bad).toEqual([bad.includes("page") ? "page" : "group"]);
    }
  });
});
