/**
 * The org chart as one self-contained SVG document string: the page inlines it (so it renders with no
 * JavaScript) and the download route serves the very same bytes. Presentation attributes only, no CSS
 * classes, so the file looks the same outside the app. Every piece of text is escaped here.
 */
import { xmlText } from "@/lib/xml/escape";
import type { OrgLayout } from "@/lib/domain/org-layout";
import type { ChartNodeView, ChangeTone } from "./chart-model";
import { wrapText } from "@/lib/domain/text-wrap";
import { cjkLang } from "./chart-text";

export interface SvgOptions {
  /** accessible name and the file's <title> */
  title: string;
  description: string;
  company: { name: string; slug: string };
  /** prefix for links: "" in the page, the site's origin in a downloaded file */
  origin?: string;
}

/** Escaped, and without what XML 1.0 cannot carry (controls, lone surrogates), so one bad row cannot break the file. */
const esc = xmlText;

/** The lines a box holds, wrapped to its width: nothing is cut, so a long title shows in full. */
export function boxText(v: ChartNodeView, w: number) {
  const badgeWidth = v.badge ? 64 : 0;
  return {
    name: wrapText(v.name, (w - 24 - badgeWidth) / 8),
    title: wrapText(v.title, (w - 24) / 7),
    lines: v.lines.flatMap((line) => wrapText(line, (w - 24) / 6)),
  };
}

const NAME_LH = 17;
const TITLE_LH = 15;
const LINE_LH = 14;
/** Room under the text for the "N claims" link. */
const FOOT = 20;

/** The height a box needs for its wrapped text. */
export function boxHeight(v: ChartNodeView, w: number): number {
  const t = boxText(v, w);
  return 8 + t.name.length * NAME_LH + t.title.length * TITLE_LH + t.lines.length * LINE_LH + FOOT;
}

const TONES: Record<ChangeTone, { bar: string; label: string }> = {
  joined: { bar: "#059669", label: "joined or returned" },
  departed: { bar: "#dc2626", label: "left" },
  changed: { bar: "#2563eb", label: "new title or manager" },
  leave: { bar: "#d97706", label: "leave started or ended" },
};

const FONT = `ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK JP', sans-serif`;

/** One <text> of wrapped lines, each a <tspan>; a space ends every line but the last, so the text reads whole. */
function lines(x: number, y: number, content: string[], lineHeight: number, attrs: string, full: string) {
  const lang = cjkLang(full);
  const spans = content.map((line, i) => `<tspan x="${x}" y="${y + i * lineHeight}">${esc(i < content.length - 1 ? `${line} ` : line)}</tspan>`);
  return `<text${lang ? ` lang="${lang}"` : ""} ${attrs}>${spans.join("")}</text>`;
}

function nodeSvg(v: ChartNodeView, box: { x: number; y: number; width: number; height: number }, managerSlug: string | null, origin: string): string {
  const { x, y, width: w, height: h } = box;
  const uncertain = v.startUncertain || v.endUncertain;
  const parts: string[] = [];
  const stroke = v.ghost ? "#dc2626" : uncertain ? "#78716c" : "#44403c";
  parts.push(
    `<rect width="${w}" height="${h}" rx="6" fill="${v.ghost ? "#fef2f2" : v.box ? "#f5f5f4" : "#ffffff"}" stroke="${stroke}" stroke-width="1.25"${
      uncertain || v.ghost ? ` stroke-dasharray="5 3"` : ""
    }/>`,
  );
  // hatched strips: left for an uncertain start, right for an uncertain end
  if (v.startUncertain) parts.push(`<rect x="1" y="1" width="7" height="${h - 2}" fill="url(#org-hatch)"/>`);
  if (v.endUncertain) parts.push(`<rect x="${w - 8}" y="1" width="7" height="${h - 2}" fill="url(#org-hatch)"/>`);
  if (v.change)
    parts.push(`<rect x="0" y="0" width="5" height="${h}" rx="2" fill="${TONES[v.change].bar}"><title>${TONES[v.change].label}</title></rect>`);

  const t = boxText(v, w);
  const badgeWidth = v.badge ? 64 : 0;
  const nameAttrs = `font-size="14" font-weight="600" fill="#1c1917"${v.ghost ? ` text-decoration="line-through"` : ""}`;
  let cursor = 20;
  const href = v.href ? `${origin}${v.href}` : `${origin}/people/${encodeURIComponent(v.slug)}`;
  parts.push(
    `<a href="${esc(href)}">${lines(14, cursor, t.name, NAME_LH, v.href ? `${nameAttrs} text-decoration="underline"` : nameAttrs, v.name)}</a>`,
  );
  cursor += t.name.length * NAME_LH;
  parts.push(lines(14, cursor, t.title, TITLE_LH, `font-size="12.5" fill="#292524"`, v.title));
  cursor += t.title.length * TITLE_LH;
  if (t.lines.length)
    parts.push(lines(14, cursor - 1, t.lines, LINE_LH, `font-size="11" fill="${v.ghost ? "#991b1b" : "#57534e"}"`, v.lines.join(" ")));
  if (v.badge) {
    parts.push(
      `<g transform="translate(${w - badgeWidth - 8},7)"><rect width="${badgeWidth}" height="18" rx="9" fill="#fef3c7" stroke="#d97706"${
        v.badge.certain ? "" : ` stroke-dasharray="3 2"`
      }/><text x="${badgeWidth / 2}" y="13" font-size="11" text-anchor="middle" fill="#78350f">${esc(v.badge.text)}</text></g>`,
    );
  }
  if (v.evidenceEventId) {
    const label = `${v.claimCount} ${v.claimCount === 1 ? "claim" : "claims"}`;
    parts.push(
      `<a href="${esc(`${origin}/events/${v.evidenceEventId}`)}"><text x="${w - 10}" y="${h - 8}" font-size="11" text-anchor="end" fill="#075985" text-decoration="underline"><title>Evidence for ${esc(v.name)}</title>${label}</text></a>`,
    );
  }
  if (v.box) return `<g transform="translate(${x},${y})" data-group="${esc(v.roleCategory ?? "none")}">${parts.join("")}</g>`;
  const change = v.change ? ` data-change="${v.change}"` : "";
  const manager = managerSlug ? ` data-reports-to="${esc(managerSlug)}"` : "";
  return `<g transform="translate(${x},${y})" data-person="${esc(v.slug)}" data-title="${esc(v.title)}"${manager}${change}${v.ghost ? ` data-ghost="true"` : ""}${
    uncertain ? ` data-uncertain="true"` : ""
  }>${parts.join("")}</g>`;
}

/** Room kept above the boxes for the chart's heading (the company, linked). */
export const SVG_HEADER = 34;

export function renderOrgSvg(layout: OrgLayout<ChartNodeView>, options: SvgOptions): string {
  const origin = options.origin ?? "";
  const { width, height } = layout;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="group" aria-labelledby="org-svg-title org-svg-desc" font-family="${esc(FONT)}">`,
    `<title id="org-svg-title">${esc(options.title)}</title>`,
    `<desc id="org-svg-desc">${esc(options.description)}</desc>`,
    `<defs><pattern id="org-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#a8a29e" stroke-width="2.5"/></pattern></defs>`,
    `<rect width="${width}" height="${height}" fill="#fafaf9"/>`,
    `<g fill="none" stroke="#a8a29e" stroke-width="1.25">`,
    ...layout.links.map((l) => `<path d="${l.path}"/>`),
    `</g>`,
  );
  out.push(
    `<g data-company="${esc(options.company.slug)}"><a href="${esc(`${origin}/companies/${encodeURIComponent(options.company.slug)}`)}"><text x="16" y="34" font-size="16" font-weight="700" fill="#1c1917">${esc(options.company.name)}</text></a></g>`,
  );
  for (const label of layout.labels)
    out.push(
      label.kind === "section"
        ? `<text x="${label.x}" y="${label.y}" font-size="13" font-weight="700" fill="#44403c">${esc(label.text)}</text>`
        : `<text x="${label.x}" y="${label.y}" font-size="12" font-weight="600" fill="#57534e">${esc(label.text)}</text>`,
    );
  const slugOf = new Map(layout.boxes.map((b) => [b.key, b.data.slug]));
  for (const box of layout.boxes) out.push(nodeSvg(box.data, box, box.parentKey ? (slugOf.get(box.parentKey) ?? null) : null, origin));
  out.push(`</svg>`);
  return out.join("\n");
}
