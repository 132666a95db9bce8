/**
 * POST /api/claims against the running server: idempotence and concurrency (twenty requests at once),
 * conflicts, and refusals. Checks the responses and the database the server writes to.
 */
import { expect, test } from "@playwright/test";
import { claimPayload, claimsOfEvent, count, eventById, eventsOfPerson, postClaim, storedCounts, unique } from "./form-helpers";

test("twenty concurrent identical POSTs store one claim: one 201 and nineteen 200 with the same claim", async ({ request }) => {
  const sfx = unique();
  const body = claimPayload(sfx);
  const results = await Promise.all(Array.from({ length: 20 }, () => postClaim(request, body)));
  expect(results.map((r) => r.status).sort((a, b) => a - b)).toEqual([...Array(19).fill(200), 201]);
  expect(new Set(results.map((r) => r.body.claimId)).size).toBe(1);
  expect(results.filter((r) => r.body.outcome === "duplicate")).toHaveLength(19);
  expect(await count(`"Claim" WHERE excerpt = ?`, body.excerpt)).toBe(1);
  expect(await count(`"Person" WHERE name = ?`, `Ysolde${sfx} Varnell${sfx}`)).toBe(1);
  expect(await count(`"Source" WHERE url = ?`, `https://news.example/${sfx}`)).toBe(1);
});

test("twenty concurrent different claims about one event are all kept on it", async ({ request }) => {
  const sfx = unique();
  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      postClaim(
        request,
        claimPayload(sfx, {
          source: {
            title: `Outlet ${i} ${sfx}`,
            url: `https://outlet${i}.example/${sfx}`,
            publisher: `Outlet ${i} ${sfx}`,
            language: "en",
            kind: "article",
          },
          excerpt: `Outlet ${i}: Varnell has left (${sfx}).`,
        }),
      ),
    ),
  );
  expect(results.every((r) => r.status === 201)).toBe(true);
  const events = await eventsOfPerson(`Ysolde${sfx} Varnell${sfx}`);
  expect(events).toHaveLength(1);
  expect(await claimsOfEvent(events[0].id)).toHaveLength(20);
  expect(events[0]).toMatchObject({ status: "corroborated", claimCount: 20, sourceCount: 20 });
});

test("a claim with a conflicting date is stored and marks the event disputed", async ({ request, page }) => {
  const sfx = unique();
  const first = await postClaim(request, claimPayload(sfx, { date: "2022-01" }));
  expect(first.status).toBe(201);
  expect(first.body.event.status).toBe("reported");
  const second = await postClaim(
    request,
    claimPayload(sfx, {
      source: { title: `Contrary ${sfx}`, url: `https://contrary.example/${sfx}`, language: "en", kind: "article" },
      excerpt: `Varnell actually left in March (${sfx}).`,
      date: "2022-03",
    }),
  );
  expect(second.status).toBe(201);
  expect(second.body).toMatchObject({ outcome: "merged", event: { id: first.body.event.id, status: "disputed" } });
  expect((await eventById(first.body.event.id))?.status).toBe("disputed");
  await page.goto(`/events/${first.body.event.id}`);
  await expect(page.getByRole("table", { name: "Sources disagree on when" })).toBeVisible();
});

test("invalid payloads get 400 with field errors and oversized bodies 413; nothing is stored", async ({ request }) => {
  const sfx = unique();
  const before = await storedCounts();
  const invalid = await postClaim(
    request,
    claimPayload(sfx, { excerpt: "", date: "2024-02-30", source: { title: "x", url: "javascript:alert(1)", language: "en", kind: "article" } }),
  );
  expect(invalid.status).toBe(400);
  expect(Object.keys(invalid.body.fieldErrors).sort()).toEqual(["date", "excerpt", "source.url"]);

  const longExcerpt = await postClaim(request, claimPayload(sfx, { excerpt: "z".repeat(100 * 1024) }));
  expect(longExcerpt.status).toBe(400);
  expect(longExcerpt.body.fieldErrors.excerpt[0]).toMatch(/at most 5000 characters/);

  const huge = await request.post("/api/claims", {
    headers: { "content-type": "application/json" },
    data: JSON.stringify(claimPayload(sfx, { note: "n".repeat(400 * 1024) })),
  });
  expect(huge.status()).toBe(413);
  expect((await huge.json()).error).toMatch(/larger than 256 KB/);

  const broken = await request.post("/api/claims", { headers: { "content-type": "application/json" }, data: "{ nope" });
  expect(broken.status()).toBe(400);
  expect(await storedCounts()).toEqual(before);
});
