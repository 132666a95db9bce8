/**
 * Does the record a page is about exist? Asked by proxy.ts before the page renders: with Cache Components
 * a page is resumed from its prerendered shell and its 200 is sent before the render reaches notFound(),
 * so a missing person, company, event or source would answer 200 (upstream: vercel/next.js#95380). Only
 * these four page families are checked; null means "not a record page".
 */
import { db } from "@/lib/db";
import { slugParam } from "@/lib/http/errors";

const PAGE = /^\/(people|companies|events|sources)\/([^/]+)(?:\/org)?\/?$/;

export async function pageRecordExists(pathname: string): Promise<boolean | null> {
  const m = PAGE.exec(pathname);
  if (!m) return null;
  const [, kind, raw] = m;
  if (kind === "events" && raw === "new") return null;
  if (kind === "events" || kind === "sources") {
    if (!/^[1-9]\d{0,14}$/.test(raw)) return false;
    const where = { id: Number(raw) };
    const found =
      kind === "events" ? await db.event.findUnique({ where, select: { id: true } }) : await db.source.findUnique({ where, select: { id: true } });
    return found !== null;
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return false;
  }
  const slug = slugParam(decoded);
  if (!slug) return false;
  const found =
    kind === "people"
      ? await db.person.findUnique({ where: { slug }, select: { id: true } })
      : await db.company.findUnique({ where: { slug }, select: { id: true } });
  return found !== null;
}

/** Where a merged person's or company's old page now lives (/people/old → /people/kept), or null. */
export async function redirectedPage(pathname: string): Promise<string | null> {
  const m = PAGE.exec(pathname);
  if (!m || (m[1] !== "people" && m[1] !== "companies")) return null;
  let slug: string | null;
  try {
    slug = slugParam(decodeURIComponent(m[2]));
  } catch {
    return null;
  }
  if (!slug) return null;
  const kind = m[1] === "people" ? "person" : "company";
  const redirect = await db.slugRedirect.findUnique({ where: { kind_fromSlug: { kind, fromSlug: slug } }, select: { toId: true } });
  if (!redirect) return null;
  const target =
    kind === "person"
      ? await db.person.findUnique({ where: { id: redirect.toId }, select: { slug: true } })
      : await db.company.findUnique({ where: { id: redirect.toId }, select: { slug: true } });
  if (!target) return null;
  return pathname.replace(m[2], encodeURIComponent(target.slug));
}
