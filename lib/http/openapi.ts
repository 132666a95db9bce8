/**
 * The OpenAPI 3.1 document served at /api/openapi.json, generated from the very zod schemas the route
 * handlers parse with (zod 4's z.toJSONSchema), so the document cannot drift from what is accepted.
 * Every route file under app/api is listed here (tests/unit/openapi.test.ts checks). Responses are
 * described in words beside the one error shape every handler answers with (lib/http/respond.ts).
 */
import { z } from "zod";
import { candidatesQuerySchema } from "@/lib/validation/candidates-query";
import { importRequestSchema } from "@/lib/validation/import";
import { changeListSchema } from "@/lib/validation/changes";
import { claimSubmissionSchema } from "@/lib/validation/claim";
import { eventQuerySchema, lookupQuerySchema } from "@/lib/validation/event-filters";
import { orgApiParams, orgDiffParams } from "@/lib/validation/org-params";
import { searchQuerySchema } from "@/lib/validation/search-query";
import { acceptSubmissionSchema, rejectSubmissionSchema, submissionListSchema } from "@/lib/validation/submission";
import { suggestQuerySchema } from "@/lib/validation/suggest-query";

type Method = "get" | "post";
type Access = "public" | "editor" | "contributor";

interface Endpoint {
  path: string;
  method: Method;
  summary: string;
  access: Access;
  query?: z.ZodType;
  body?: z.ZodType;
  /** what a 200 holds, in words */
  returns: string;
  /** path parameters, each a string */
  pathParams?: Record<string, string>;
}

const SLUG = { slug: "the company's slug, as in its page's URL" };
const ID = { id: "the record's numeric id" };

export const ENDPOINTS: Endpoint[] = [
  {
    path: "/api/events",
    method: "get",
    access: "public",
    summary: "Events matching the timeline's filters, a keyset page at a time",
    query: eventQuerySchema,
    returns: "{ events, nextCursor, total }",
  },
  {
    path: "/api/search",
    method: "get",
    access: "public",
    summary: "People and companies by any spelling, forgiving typos, word order and kana variants",
    query: searchQuerySchema,
    returns: "{ results: [{ type, name, slug, url, matched, reason, distance }] }",
  },
  {
    path: "/api/people",
    method: "get",
    access: "public",
    summary: "People recorded under a spelling the query matches",
    query: lookupQuerySchema,
    returns: "{ people: [{ name, slug, aliases, matched, reason, eventCount, url }] }",
  },
  {
    path: "/api/companies",
    method: "get",
    access: "public",
    summary: "Companies recorded under a spelling the query matches",
    query: lookupQuerySchema,
    returns: "{ companies: [{ name, slug, aliases, matched, reason, eventCount, url }] }",
  },
  {
    path: "/api/companies/{slug}/org",
    method: "get",
    access: "public",
    summary:
      "A company's org chart on a day (today when omitted); with group=, by role group: the reporting structure, each group's count, and one page of the group",
    query: orgApiParams,
    pathParams: SLUG,
    returns:
      "the chart's positions and reporting lines on that day; with group=: { total, structure: [node], groups: [{ group, label, people }], open: { group, page, pages, pageSize, people: [node] } }",
  },
  {
    path: "/api/companies/{slug}/org/diff",
    method: "get",
    access: "public",
    summary: "What changed in a company's org chart between two days",
    query: orgDiffParams,
    pathParams: SLUG,
    returns: "who joined, left, changed title or manager",
  },
  {
    path: "/api/suggest",
    method: "get",
    access: "public",
    summary: "Name suggestions for the claim form",
    query: suggestQuerySchema,
    returns: "{ suggestions: [{ id, name, slug, matched, aliases }] }",
  },
  {
    path: "/api/claims",
    method: "post",
    access: "contributor",
    summary: "Record a claim (source + verbatim excerpt; an editor's is recorded, a contributor's awaits review)",
    body: claimSubmissionSchema,
    returns: "the claim and the event it supports",
  },
  {
    path: "/api/claims/candidates",
    method: "get",
    access: "public",
    summary: "Recorded events a new claim may be about",
    query: candidatesQuerySchema,
    returns: "{ candidates }",
  },
  {
    path: "/api/changes",
    method: "get",
    access: "public",
    summary: "The change log, newest first; since= gives every change after an instant",
    query: changeListSchema,
    returns: "{ changes, nextBefore }",
  },
  {
    path: "/api/changes/{id}/revert",
    method: "post",
    access: "editor",
    summary: "Revert one change",
    pathParams: ID,
    returns: "the change that reverted it",
  },
  {
    path: "/api/submissions",
    method: "get",
    access: "contributor",
    summary: "Submissions awaiting review (or reviewed): an editor sees all, a contributor their own",
    query: submissionListSchema,
    returns: "{ submissions }",
  },
  {
    path: "/api/submissions/{id}/accept",
    method: "post",
    access: "editor",
    summary: "Accept a submission, optionally as corrected",
    body: acceptSubmissionSchema,
    pathParams: ID,
    returns: "the claim recorded",
  },
  {
    path: "/api/submissions/{id}/reject",
    method: "post",
    access: "editor",
    summary: "Reject a submission with a reason the contributor sees",
    body: rejectSubmissionSchema,
    pathParams: ID,
    returns: "the submission, rejected",
  },
  {
    path: "/api/import",
    method: "get",
    access: "editor",
    summary: "Recent import batches with their provenance and counts",
    returns: "{ batches: [{ id, dataset, datasetVersion, format, editor, createdAt, status, recordCount, claimsAdded, … }] }",
  },
  {
    path: "/api/import",
    method: "post",
    access: "editor",
    summary: "Import a dataset (its text inline) as one batch, or with dryRun only report what would happen",
    body: importRequestSchema,
    returns:
      "the import report: people and companies matched or created, events created, merged, disputed and changed, claims, missing and rejected records (201 when stored)",
  },
  {
    path: "/api/import/{id}/undo",
    method: "post",
    access: "editor",
    summary: "Undo an import batch: retract every claim it added, restore what it superseded",
    pathParams: ID,
    returns: "{ batchId, retracted, restored }",
  },
  {
    path: "/api/health",
    method: "get",
    access: "public",
    summary: "Whether the database answers and its migrations are current",
    returns: "{ ok, database, migrations, provider } (503 when not ok)",
  },
  { path: "/api/openapi.json", method: "get", access: "public", summary: "This document", returns: "OpenAPI 3.1" },
  {
    path: "/api/auth/{path}",
    method: "get",
    access: "public",
    summary: "Accounts and sessions (better-auth): sign-in, sign-up, session",
    pathParams: { path: "the auth action, e.g. get-session" },
    returns: "better-auth's responses",
  },
  {
    path: "/api/auth/{path}",
    method: "post",
    access: "public",
    summary: "Accounts and sessions (better-auth): sign-in, sign-up, sign-out, API keys",
    pathParams: { path: "the auth action, e.g. sign-in/email" },
    returns: "better-auth's responses",
  },
];

const ERROR = {
  type: "object",
  required: ["error"],
  properties: {
    error: { type: "string", description: "what went wrong, in words" },
    fieldErrors: {
      type: "object",
      additionalProperties: { type: "array", items: { type: "string" } },
      description: "messages by parameter or field",
    },
  },
};

const jsonSchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as Record<string, unknown>;

/**
 * Query parameters from an object schema's input JSON Schema, one per property. Required means what the
 * handler does: parsing no parameters at all reports that one missing (a list or a default is optional
 * however its preprocessing shows in the JSON Schema).
 */
function parameters(schema: z.ZodType) {
  const s = jsonSchema(schema) as { properties?: Record<string, Record<string, unknown>> };
  const parsed = schema.safeParse({});
  const missing = new Set(parsed.success ? [] : parsed.error.issues.map((i) => String(i.path[0])));
  return Object.entries(s.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return { name, in: "query", required: missing.has(name), schema: rest, ...(description ? { description } : {}) };
  });
}

const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });

function operation(e: Endpoint) {
  const responses: Record<string, unknown> = { "200": { description: e.returns, content: { "application/json": {} } } };
  if (e.query || e.body) responses["400"] = errorResponse("Invalid parameters: fieldErrors names each");
  if (e.access !== "public") {
    responses["401"] = errorResponse("Not signed in and no API key");
    responses["403"] = errorResponse("The account's role does not allow this");
  }
  if (e.pathParams) responses["404"] = errorResponse("No such record");
  if (e.access !== "public") responses["429"] = errorResponse("Too many writes: see Retry-After");
  return {
    summary: e.summary,
    ...(e.access !== "public" ? { security: [{ apiKey: [] }, { session: [] }] } : {}),
    parameters: [
      ...Object.entries(e.pathParams ?? {}).map(([name, description]) => ({
        name,
        in: "path",
        required: true,
        description,
        schema: { type: "string" },
      })),
      ...(e.query ? parameters(e.query) : []),
    ],
    ...(e.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(e.body) } } } } : {}),
    responses,
    ...(e.access !== "public" ? { "x-required-role": e.access } : {}),
  };
}

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of ENDPOINTS) (paths[e.path] ??= {})[e.method] = operation(e);
  return {
    openapi: "3.1.0",
    info: {
      title: "Departures API",
      version: "1",
      description: "Who left which organization, when, and where they went; every fact backed by a source. Errors are { error, fieldErrors? }.",
    },
    paths,
    components: {
      schemas: { Error: ERROR },
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: "an account's API key as Authorization: Bearer <key> (npm run user)" },
        session: { type: "apiKey", in: "cookie", name: "better-auth.session_token" },
      },
    },
  };
}
