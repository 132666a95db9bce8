/**
 * POST /api/claims: the form's payload as JSON, parsed with the same schema and stored through the same
 * ingestClaim. Needs an account (session cookie or `Authorization: Bearer <API key>`): 401 without one.
 * An editor's claim is published: 201 with the event when a claim is stored (new event or added to one),
 * 200 with the existing claim when the same source and excerpt were already recorded. A contributor's
 * waits for review: 202 with { submissionId }. 400 with { error, fieldErrors } when anything is invalid
 * (nothing is stored), 413 when the body is too large, 429 over the rate limit.
 */
import { db } from "@/lib/db";
import { eventJsonInclude, eventToJson } from "@/lib/data/event-json";
import { requireAccess } from "@/lib/auth/require";
import { can } from "@/lib/auth/roles";
import { accountActor } from "@/lib/ingest/actor";
import { ingestClaim } from "@/lib/ingest/ingest-claim";
import { createSubmission } from "@/lib/ingest/submissions";
import { IngestError } from "@/lib/ingest/ingest-error";
import { readJsonBody } from "@/lib/ingest/read-json-body";
import { claimSubmissionSchema } from "@/lib/validation/claim";
import { fieldErrorsOf } from "@/lib/validation/field-errors";

/** Far above any honest claim (an excerpt and a translation at their limits are ~30 KB of CJK), far below harm. */
const MAX_BODY_BYTES = 256 * 1024;

const json = (status: number, body: unknown) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

export async function POST(request: Request) {
  const access = await requireAccess(request, "submit");
  if (!access.ok) return access.response;
  const { account } = access;
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  if (!body.ok) return json(body.status, { error: body.error, fieldErrors: {} });

  const parsed = claimSubmissionSchema.safeParse(body.json);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    return json(400, { error: `Invalid claim: see fieldErrors for ${Object.keys(fieldErrors).join(", ")}. Nothing was stored.`, fieldErrors });
  }

  let result;
  try {
    if (!can(account.role, "publish")) {
      const submission = await createSubmission(db, parsed.data, account);
      return json(202, { submissionId: submission.id, status: "pending", message: "Your claim waits for an editor's review." });
    }
    result = await ingestClaim(db, parsed.data, accountActor(account));
  } catch (error) {
    if (error instanceof IngestError) return json(400, { error: `${error.message}; nothing was stored`, fieldErrors: error.fieldErrors });
    console.error(error);
    return json(500, { error: "The claim could not be stored; nothing was saved. Try again.", fieldErrors: {} });
  }

  const event = eventToJson(await db.event.findUniqueOrThrow({ where: { id: result.eventId }, include: eventJsonInclude }));
  const claim = event.claims.find((c) => c.id === result.claimId) ?? null;
  return json(result.outcome === "duplicate" ? 200 : 201, { outcome: result.outcome, claimId: result.claimId, claim, event });
}
