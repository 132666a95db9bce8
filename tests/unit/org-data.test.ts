import { describe, expect, it } from "vitest";
import { diffJson, queryOrgChart, snapshotJson } from "@/lib/data/org";
import { changeDates, diff, indexOrg, snapshot } from "@/lib/domain/org-chart";
import { ingestClaim } from "@/lib/ingest/ingest-claim";
import { claimInput } from "../factories/claims";
import { useTestDb } from "../helpers/test-db";

const { db } = useTestDb();
const company = { name: "Quillwork Labs", aliases: [] };

/** Claims through the one write path, so the chart is computed from real derived positions. */
async function seed() {
  const say = (overrides: Parameters<typeof claimInput>[0]) => ingestClaim(db, claimInput({ company, roleCategory: "executive", ...overrides }));
  await say({
    person: { name: "Ada Vale", aliases: [] },
    kind: "joined",
    role: "CEO",
    date: "2019-03",
    excerpt: "Ada Vale became CEO in March 2019",
  });
  await say({ person: { name: "Bo Lind", aliases: [] }, kind: "joined", role: "CTO", date: "2020", excerpt: "Bo Lind joined as CTO in 2020" });
  await say({
    person: { name: "Cy Rho", aliases: [] },
    kind: "joined",
    role: "VP Research",
    date: "2021-05-10",
    excerpt: "Cy Rho, reporting to CTO Bo Lind, joined",
    reportsTo: { name: "Bo Lind", aliases: [] },
  });
  await say({
    person: { name: "Bo Lind", aliases: [] },
    kind: "departed",
    role: "CTO",
    date: "2024-09-25",
    excerpt: "Bo Lind left for Nimbus Analytics",
    destination: { name: "Nimbus Analytics", aliases: [], relation: "joined" },
  });
  await say({
    person: { name: "Ada Vale", aliases: [] },
    kind: "leave_started",
    role: "CEO",
    date: "2024-07",
    excerpt: "Ada Vale is on a long leave",
  });
}

describe("the org chart of a stored company", () => {
  it("reads positions and events as ingested, and the JSON carries the evidence links", async () => {
    await seed();
    const data = (await queryOrgChart(db, "quillwork-labs"))!;
    expect(data.company.name).toBe("Quillwork Labs");
    const at2023 = snapshotJson(data, snapshot(data.positions, data.events, "2023-01-01"));
    expect(at2023.nodes.map((n) => [n.person.name, n.title, n.reportsTo?.name ?? null])).toEqual([
      ["Ada Vale", "CEO", null],
      ["Bo Lind", "CTO", null],
      ["Cy Rho", "VP Research", "Bo Lind"],
    ]);
    const claim = at2023.nodes[2].claims[0];
    expect(claim.event.url).toMatch(/^\/events\/\d+$/);
    expect(claim.source).toMatchObject({ url: expect.stringMatching(/^\/sources\/\d+$/), title: "Test article" });

    const index = indexOrg(data.positions, data.events);
    const d = diffJson(data, diff(snapshot(index, null, "2023-01-01"), snapshot(index, null, "2024-10-15")));
    expect(d.changes.map((c) => `${c.kind}:${c.person.name}`)).toEqual(["departed:Bo Lind", "manager_changed:Cy Rho", "leave_started:Ada Vale"]);
    expect(d.changes[0]).toMatchObject({ date: { text: "2024-09-25", precision: "day" }, destination: { name: "Nimbus Analytics" } });
    expect(d.changes[0].claims[0].event.url).toBe(d.changes[0].events[0].url);
  });

  it("reads only the tenures of the days drawn, and draws exactly what the whole history draws", async () => {
    await seed();
    const all = (await queryOrgChart(db, "quillwork-labs", { mode: "all" }))!;
    const full = indexOrg(all.positions, all.events);
    // the change days read apart are the bounds of every tenure, leave and return
    expect(all.changeDays).toEqual(changeDates(all.positions, all.events));
    const days = ["2019-01-01", "2019-03-15", "2020-06-30", "2021-05-10", "2023-01-01", "2024-07-15", "2024-09-25", "2024-10-15"];
    for (const at of days) {
      const read = (await queryOrgChart(db, "quillwork-labs", { mode: "snapshot", at }))!;
      const windowed = indexOrg(read.positions, read.events, read.changeDays);
      expect(snapshotJson(read, snapshot(windowed, null, at))).toEqual(snapshotJson(all, snapshot(full, null, at)));
    }
    const early = (await queryOrgChart(db, "quillwork-labs", { mode: "snapshot", at: "2019-06-01" }))!;
    expect(early.positions.map((p) => p.person.name)).toEqual(["Ada Vale"]);
    for (const [from, to] of [
      ["2019-01-01", "2024-10-15"],
      ["2023-01-01", "2024-10-15"],
      ["2020-06-30", "2021-06-01"],
    ]) {
      const read = (await queryOrgChart(db, "quillwork-labs", { mode: "diff", from, to }))!;
      const windowed = indexOrg(read.positions, read.events, read.changeDays);
      expect(diffJson(read, diff(snapshot(windowed, null, from), snapshot(windowed, null, to)))).toEqual(
        diffJson(all, diff(snapshot(full, null, from), snapshot(full, null, to))),
      );
    }
    const timelineOnly = (await queryOrgChart(db, "quillwork-labs", { mode: "days" }))!;
    expect(timelineOnly.positions).toEqual([]);
    expect(timelineOnly.changeDays).toEqual(all.changeDays);
  });

  it("is null for an unknown company", async () => {
    expect(await queryOrgChart(db, "no-such-company")).toBeNull();
  });
});
