/**
 * The security rules proxy.ts applies to every request, as plain functions so unit tests can check them.
 */
import { requestOrigin } from "./origin";

/** The same limit as `serverActions.bodySizeLimit` in next.config.ts. */
export const PAGE_POST_MAX_BYTES = 1024 * 1024;
/** /import's upload form takes a dataset file (lib/validation/import.ts MAX_IMPORT_BYTES) plus its mapping. */
export const IMPORT_POST_MAX_BYTES = 21 * 1024 * 1024;

export const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function contentSecurityPolicy(nonce: string, opts: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts the nonce'd bootstrap loads are trusted; no 'unsafe-inline' for scripts
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    // React renders style attributes (chart swatches) and <noscript><style>; a nonce cannot cover attributes
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export const PERMISSIONS_POLICY =
  "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=(), browsing-topics=()";

/** The headers every response carries, whatever answered it. */
export function securityHeaders(csp: string, https: boolean): Record<string, string> {
  return {
    "Content-Security-Policy": csp,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** True when every path segment is valid percent-encoded UTF-8. */
export function isWellEncodedPath(pathname: string): boolean {
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/** Why a write must be refused before it reaches a route, or null. API routes keep their own checks (JSON 413s). */
export function refuseWrite(request: Request, pathname: string): { status: 403 | 413; error: string } | null {
  if (SAFE_METHODS.has(request.method)) return null;
  // Better Auth checks the Origin of its own endpoints against its trusted origins
  if (pathname.startsWith("/api/auth/")) return null;
  const origin = request.headers.get("origin");
  if (origin !== null) {
    let host: string | null = null;
    try {
      host = origin === "null" ? null : new URL(origin).host.toLowerCase();
    } catch {
      host = null;
    }
    const own = new URL(requestOrigin(request)).host;
    if (host !== own) return { status: 403, error: "This form was sent from another site: open the page on this site and send it again" };
  }
  if (pathname.startsWith("/api/")) return null;
  const declared = request.headers.get("content-length");
  const max = pathname === "/import" ? IMPORT_POST_MAX_BYTES : PAGE_POST_MAX_BYTES;
  if (declared !== null && Number(declared) > max) {
    return { status: 413, error: `The form is larger than ${max / 1024 / 1024} MB` };
  }
  return null;
}
