/**
 * Review and undo through the real route handlers and write path: a contributor's claim waits, an editor
 * accepts it (as is or corrected) or rejects it with a reason; every change is attributed to an account
 * and can be reverted once; roles are checked on every endpoint.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { claimInput } from "../factories/claims";
import { createAccount } from "../helpers/accounts";
import { useTestDb } from "../helpers/test-db";

const { db, url } = useTestDb();
type Handler = (request: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>;
let postClaim: (request: Request) => Promise<Response>;
let listSubmissions: (request: Request) => Promise<Response>;
let accept: Handler;
let reject: Handler;
let revert: Handler;
let listChanges: (request: Request) => Promise<Response>;
const keys = { editor: "", contributor: "", other: "" };
let editorId = "";
let contributorId = "";

beforeAll(async () => {
  process.env.DATABASE_URL = url;
  delete (globalThis as { departuresDb?: unknown }).departuresDb;
  ({ POST: postClaim } = await import("@/app/api/claims/route"));
  ({ GET: listSubmissions } = await import("@/app/api/submissions/route"));
  ({ POST: accept } = (await import("@/app/api/submissions/[id]/accept/route")) as unknown as { POST: Handler });
  ({ POST: reject } = (await import("@/app/api/submissions/[id]/reject/route")) as unknown as { POST: Handler });
  ({ POST: revert } = (await import("@/app/api/changes/[id]/revert/route")) as unknown as { POST: Handler });
  ({ GET: listChanges } = await import("@/app/api/changes/route"));
  const editor = await createAccount(db, { email: "ed@review.test", role: "editor", name: "Edna Editor" });
  const contributor = await createAccount(db, { email: "co@review.test", role: "contributor", name: "Colin Contributor" });
  keys.editor = editor.apiKey;
  keys.contributor = contributor.apiKey;
  keys.other = (await createAccount(db, { email: "other@review.test", role: "contributor" })).apiKey;
  editorId = editor.user.id;
  contributorId = contributor.user.id;
});

const req = (path: string, key: string | null, body?: unknown) =>
  new Request(`http://localhost${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const ctx = (id: number | string) => ({ params: Promise.resolve({ id: String(id) }) });

async function submit(overrides: Parameters<typeof claimInput>[0]) {
  const res = await postClaim(req("/api/claims", keys.contributor, claimInput(overrides)));
  expect(res.status).toBe(202);
  return (await res.json()).submissionId as number;
}

describe("review queue", () => {
  it("a contributor's submission is pending, invisible, listed for editors; accepting publishes it attributed to both", async () => {
    const id = await submit({
      person: { name: "Perpetua Lune", aliases: [] },
      excerpt: "Lune left Orrery Labs",
      company: { name: "Orrery Labs", aliases: [] },
    });
    expect(await db.event.count({ where: { person: { name: "Perpetua Lune" } } })).toBe(0);

    const queue = await (await listSubmissions(req("/api/submissions", keys.editor))).json();
    const listed = queue.submissions.find((s: { id: number }) => s.id === id);
    expect(listed.plan.creates).toEqual(["person “Perpetua Lune”", "company “Orrery Labs”"]);
    expect(listed.plan.suggestedEventId).toBeNull();
    // a contributor sees only their own
    const others = await (await listSubmissions(req("/api/submissions", keys.other))).json();
    expect(others.submissions.map((s: { id: number }) => s.id)).not.toContain(id);

    expect((await accept(req(`/api/submissions/${id}/accept`, keys.contributor, {}), ctx(id))).status).toBe(403);
    expect((await accept(req(`/api/submissions/${id}/accept`, null, {}), ctx(id))).status).toBe(401);
    const ok = await accept(req(`/api/submissions/${id}/accept`, keys.editor, {}), ctx(id));
    expect(ok.status).toBe(201);
    const { claimId, eventId } = await ok.json();
    expect(await db.claim.findUniqueOrThrow({ where: { id: claimId } })).toMatchObject({
      accountId: contributorId,
      editor: "Colin Contributor",
      eventId,
    });
    const log = await db.change.findMany({ where: { eventId }, orderBy: { id: "asc" } });
    expect(log.map((c) => [c.action, c.accountId])).toEqual([
      ["create_event", contributorId],
      ["accept_submission", editorId],
    ]);
    // accepting twice is refused
    expect((await accept(req(`/api/submissions/${id}/accept`, keys.editor, {}), ctx(id))).status).toBe(400);
  });

  it("an editor can correct a submission before accepting; a rejection keeps its reason and stores no claim", async () => {
    const a = await submit({ person: { name: "Tobias Wren", aliases: [] }, excerpt: "Wren quit", date: "2023-01" });
    const corrected = claimInput({ person: { name: "Tobias Wren", aliases: [] }, excerpt: "Wren quit", date: "2023-02", manner: "resigned" });
    const res = await accept(req(`/api/submissions/${a}/accept`, keys.editor, { claim: corrected }), ctx(a));
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(await db.claim.findUniqueOrThrow({ where: { id: body.claimId } })).toMatchObject({ dateText: "2023-02", manner: "resigned" });

    const b = await submit({ person: { name: "Tobias Wren", aliases: [] }, excerpt: "Wren was pushed out" });
    expect((await reject(req(`/api/submissions/${b}/reject`, keys.editor, { reason: "" }), ctx(b))).status).toBe(400);
    expect((await reject(req(`/api/submissions/${b}/reject`, keys.editor, { reason: "The blog retracted this" }), ctx(b))).status).toBe(200);
    expect(await db.submission.findUniqueOrThrow({ where: { id: b } })).toMatchObject({
      status: "rejected",
      reason: "The blog retracted this",
      claimId: null,
    });
    const mine = await (await listSubmissions(req("/api/submissions?status=rejected", keys.contributor))).json();
    expect(mine.submissions.find((s: { id: number }) => s.id === b)).toMatchObject({ reason: "The blog retracted this" });
    expect((await accept(req(`/api/submissions/999999/accept`, keys.editor, {}), ctx(999999))).status).toBe(404);
  });

  it("the same submission twice, or concurrently, is stored once", async () => {
    const input = claimInput({ person: { name: "Ines Quarry", aliases: [] }, excerpt: "Quarry departed" });
    const responses = await Promise.all(Array.from({ length: 5 }, () => postClaim(req("/api/claims", keys.contributor, input))));
    const ids = new Set(await Promise.all(responses.map(async (r) => (await r.json()).submissionId)));
    expect(ids.size).toBe(1);
  });
});

describe("revert", () => {
  it("reverting an added claim retracts it; reverting that revert restores it; a change is reverted once", async () => {
    const res = await postClaim(req("/api/claims", keys.editor, claimInput({ person: { name: "Odalys Fenn", aliases: [] }, excerpt: "Fenn left" })));
    expect(res.status).toBe(201);
    const { event } = await res.json();
    const created = await db.change.findFirstOrThrow({ where: { eventId: event.id, action: "create_event" } });
    expect(created.accountId).toBe(editorId);

    expect((await revert(req(`/api/changes/${created.id}/revert`, keys.contributor, {}), ctx(created.id))).status).toBe(403);
    const r1 = await revert(req(`/api/changes/${created.id}/revert`, keys.editor, {}), ctx(created.id));
    expect(r1.status).toBe(201);
    expect(await db.event.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ status: "retracted", claimCount: 0 });
    const again = await revert(req(`/api/changes/${created.id}/revert`, keys.editor, {}), ctx(created.id));
    expect(again.status).toBe(400);
    expect((await again.json()).error).toMatch(/already reverted/);

    const { change: revertId } = await r1.json();
    const r2 = await revert(req(`/api/changes/${revertId}/revert`, keys.editor, {}), ctx(revertId));
    expect(r2.status).toBe(201);
    expect(await db.event.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ status: "reported", claimCount: 1 });
    const restore = await db.change.findFirstOrThrow({ where: { revertOfId: revertId } });
    expect(restore).toMatchObject({ action: "restore_claim", accountId: editorId });
    expect((await revert(req(`/api/changes/abc/revert`, keys.editor, {}), ctx("abc"))).status).toBe(404);
  });

  it("GET /api/changes lists changes with their account, filtered by account and paged by before", async () => {
    const all = await (await listChanges(req(`/api/changes?account=${editorId}&limit=2`, null))).json();
    expect(all.changes).toHaveLength(2);
    expect(all.changes.every((c: { by: { id: string } }) => c.by.id === editorId)).toBe(true);
    const older = await (await listChanges(req(`/api/changes?account=${editorId}&limit=2&before=${all.nextBefore}`, null))).json();
    expect(older.changes[0].id).toBeLessThan(all.changes[1].id + 1);
    expect((await listChanges(req(`/api/changes?since=yesterday`, null))).status).toBe(400);
  });
});
