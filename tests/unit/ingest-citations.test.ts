/**
 * An ingest file where a tracker cites an article (by its ref in the file, or by URL) and both claim one
 * new departure: one event, two claims, one independent source, so `reported`, not `corroborated`.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { systemActor } from "@/lib/ingest/actor";
import { ingestFiles } from "@/lib/ingest/ingest-file";
import { useTestDb } from "../helpers/test-db";

const { db } = useTestDb();

function write(json: unknown): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cites-")), "f.json");
  fs.writeFileSync(file, JSON.stringify(json));
  return file;
}

const claim = (source: string, excerpt: string, name: string) => ({
  source,
  excerpt,
  person: { name, aliases: [] },
  company: { name: "Citadel Robotics", aliases: [] },
  kind: "departed",
  date: "2024-03",
});

describe("citations in ingest files", () => {
  it("a tracker citing an article by ref: one event, reported, the citation stored", async () => {
    const file = write({
      sources: [
        {
          ref: "article",
          title: "Voss leaves Citadel",
          publisher: "The Ledger",
          language: "en",
          kind: "article",
          text: "Imre Voss has left Citadel Robotics.",
        },
        { ref: "tracker", title: "Exit tracker: Imre Voss", publisher: "Exit Tracker", language: "en", kind: "post", cites: ["article"] },
      ],
      claims: [
        claim("article", "Imre Voss has left Citadel Robotics.", "Imre Voss"),
        claim("tracker", "Voss departed Citadel (per The Ledger)", "Imre Voss"),
      ],
    });
    const r = await ingestFiles(db, [file], systemActor("test"));
    expect(r).toMatchObject({ ok: true, counts: { claims: 2, created: 1, merged: 1 } });
    const event = await db.event.findFirstOrThrow({ where: { person: { name: "Imre Voss" } } });
    expect(event).toMatchObject({ status: "reported", claimCount: 2, sourceCount: 1 });
    const tracker = await db.source.findFirstOrThrow({
      where: { title: "Exit tracker: Imre Voss" },
      include: { cites: { include: { cited: true } } },
    });
    expect(tracker.cites.map((c) => c.cited.title)).toEqual(["Voss leaves Citadel"]);
  });

  it("a tracker citing an address the file does not describe records that address as a source of its own", async () => {
    const file = write({
      sources: [
        {
          ref: "tracker",
          title: "Exit tracker: Ada Lorne",
          publisher: "Exit Tracker",
          language: "en",
          kind: "post",
          cites: ["https://news.example/lorne"],
        },
      ],
      claims: [claim("tracker", "Lorne departed Citadel", "Ada Lorne")],
    });
    expect(await ingestFiles(db, [file], systemActor("test"))).toMatchObject({ ok: true });
    const cited = await db.source.findUniqueOrThrow({ where: { url: "https://news.example/lorne" }, include: { claims: true } });
    expect(cited).toMatchObject({ title: "https://news.example/lorne", language: "und" });
    expect(cited.claims).toHaveLength(0);
  });
});
