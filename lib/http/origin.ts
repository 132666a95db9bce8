/**
 * The origin to print in absolute links (Atom feed, SVG export): DEPARTURES_PUBLIC_URL when configured,
 * else the host and protocol the request was served under, as a reverse proxy reports them
 * (x-forwarded-host / x-forwarded-proto) or as the Host header says. A header value that is not a plain
 * host[:port] is ignored, so a crafted header cannot put markup into a link.
 */
import { env } from "@/lib/env";

const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

const first = (value: string | null) => value?.split(",")[0]?.trim() || null;

/** The protocol the client used: x-forwarded-proto when a proxy says so, else the request URL's. */
export function requestProtocol(request: Request): "http" | "https" {
  const forwarded = first(request.headers.get("x-forwarded-proto"))?.toLowerCase();
  if (forwarded === "https" || forwarded === "http") return forwarded;
  return new URL(request.url).protocol === "https:" ? "https" : "http";
}

/** The request's own origin, from forwarded headers, the Host header or its URL. */
export function requestOrigin(request: Request): string {
  const url = new URL(request.url);
  const candidates = [first(request.headers.get("x-forwarded-host")), first(request.headers.get("host")), url.host];
  const host = candidates.find((h): h is string => !!h && HOST.test(h)) ?? url.host;
  return `${requestProtocol(request)}://${host.toLowerCase()}`;
}

/** Where absolute links point: the configured public URL, else the request's origin. */
export function publicOrigin(request: Request): string {
  return env().DEPARTURES_PUBLIC_URL ?? requestOrigin(request);
}
