/**
 * Runs before every route (pages, route handlers, the feed, the SVG export):
 *
 * 1. Refuses what no route could answer well: a path with malformed percent-encoding (400, instead of
 *    a URIError deep in a page), and a write to a page (a form post or server action) that comes from a
 *    foreign or `null` Origin (403) or is larger than server actions accept (413). Next's own checks
 *    for those throw, which the client sees as a 500.
 * 2. Sets the security headers: a nonce-based Content-Security-Policy (Next reads the nonce from the
 *    request's CSP header and puts it on its own scripts; pages are rendered per request, see
 *    app/layout.tsx), nosniff, Referrer-Policy, frame protection, Permissions-Policy, and HSTS when the
 *    request came over https.
 *
 * See docs/decisions/0042-security-headers-and-hostile-input.md.
 */
import { NextResponse, type NextRequest } from "next/server";
import { pageRecordExists, redirectedPage } from "@/lib/data/page-records";
import { requestProtocol } from "@/lib/http/origin";
import {
  PAGE_POST_MAX_BYTES,
  SAFE_METHODS,
  contentSecurityPolicy,
  isWellEncodedPath,
  refuseWrite,
  newNonce,
  securityHeaders,
  IMPORT_POST_MAX_BYTES,
} from "@/lib/http/security";

/** For a body sent without Content-Length (chunked): read at most one byte past the limit. */
async function bodyTooLarge(request: NextRequest, max: number): Promise<boolean> {
  if (SAFE_METHODS.has(request.method) || request.headers.get("content-length") !== null || !request.body) return false;
  const reader = request.clone().body!.getReader();
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return false;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return true;
    }
  }
}

function refusal(status: number, error: string, api: boolean, headers: Record<string, string>): NextResponse {
  const init = { status, headers: { ...headers, "Cache-Control": "no-store" } };
  return api
    ? NextResponse.json({ error }, init)
    : new NextResponse(`${error}\n`, { ...init, headers: { ...init.headers, "Content-Type": "text/plain; charset=utf-8" } });
}

export async function proxy(request: NextRequest) {
  const pathname = request.nextUrl.pathname;
  const https = requestProtocol(request) === "https";
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https });
  const headers = securityHeaders(csp, https);
  const api = pathname.startsWith("/api/");

  if (!isWellEncodedPath(pathname)) {
    return refusal(400, "The address has malformed percent-encoding", api, headers);
  }
  const refused = refuseWrite(request, pathname);
  if (refused) return refusal(refused.status, refused.error, api, headers);
  const maxForm = pathname === "/import" ? IMPORT_POST_MAX_BYTES : PAGE_POST_MAX_BYTES;
  if (!api && (await bodyTooLarge(request, maxForm))) {
    return refusal(413, `The form is larger than ${maxForm / 1024 / 1024} MB`, api, headers);
  }

  // Next takes the nonce from the request's CSP header and puts it on the scripts it renders
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  // A page about a record that does not exist is a real 404 (see lib/data/page-records.ts): rendered by
  // app/not-found.tsx through an address no route matches.
  if (!api && (request.method === "GET" || request.method === "HEAD") && (await pageRecordExists(pathname)) === false) {
    // a merged record's old address goes to the record it was merged into
    const moved = await redirectedPage(pathname);
    if (moved) {
      const to = new URL(moved + request.nextUrl.search, request.url);
      const redirect = NextResponse.redirect(to, 308);
      for (const [name, value] of Object.entries(headers)) redirect.headers.set(name, value);
      return redirect;
    }
    const missing = NextResponse.rewrite(new URL("/_departures/missing", request.url), { request: { headers: requestHeaders } });
    for (const [name, value] of Object.entries(headers)) missing.headers.set(name, value);
    return missing;
  }
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    // everything but the hashed build assets (served with their own long-lived headers)
    "/((?!_next/static|_next/image).*)",
  ],
};
