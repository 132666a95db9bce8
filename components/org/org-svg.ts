/**
 * The org chart as one self-contained SVG document string: the page inlines it (so it renders with no
 * JavaScript) and the download route serves the very same bytes. Presentation attributes only, no CSS
 * classes, so the file looks the same outside the app. Every piece of text is escaped here.
 */
import { xmlText } from "@/lib/xml/escape";
import type { OrgLayout } from "@/lib/domain/org-layout";
import type { ChartNodeView, ChangeTone } from "./chart-model";
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

/** Cut to roughly `max` characters (CJK counts double); the full text stays in a <title> tooltip. */
function fit(text: string, max: number): string {
  let width = 0;
  let out = "";
  for (const ch of text) {
    width += cjkLang(ch) ? 2 : 1;
    if (width > max) return `${out.trimEnd()}…`;
    out += ch;
  }
  return out;
}

const TONES: Record<ChangeTone, { bar: string; label: string }> = {
  joined: { bar: "#059669", label: "joined or returned" },
  departed: { bar: "#dc2626", label: "left" },
  changed: { bar: "#2563eb", label: "new title or manager" },
  leave: { bar: "#d97706", label: "leave started or ended" },
};

const FONT = `ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK JP', sans-serif`;

function text(x: number, y: number, content: string, attrs: string, max: number, full = content) {
  const lang = cjkLang(content);
  const shown = fit(content, max);
  const tooltip = shown !== content || full !== content ? `<title>${esc(full)}</title>` : "";
  return `<text x="${x}" y="${y}"${lang ? ` lang="${lang}"` : ""} ${attrs}>${tooltip}${esc(shown)}</text>`;
}

function nodeSvg(v: ChartNodeView, x: number, y: number, w: number, h: number, origin: string): string {
  const uncertain = v.startUncertain || v.endUncertain;
  const parts: string[] = [];
  const stroke = v.ghost ? "#dc2626" : uncertain ? "#78716c" : "#44403c";
  parts.push(
    `<rect width="${w}" height="${h}" rx="6" fill="${v.ghost ? "#fef2f2" : "#ffffff"}" stroke="${stroke}" stroke-width="1.25"${
      uncertain || v.ghost ? ` stroke-dasharray="5 3"` : ""
    }/>`,
  );
  // hatched strips: left for an uncertain start, right for an uncertain end
  if (v.startUncertain) parts.push(`<rect x="1" y="1" width="7" height="${h - 2}" fill="url(#org-hatch)"/>`);
  if (v.endUncertain) parts.push(`<rect x="${w - 8}" y="1" width="7" height="${h - 2}" fill="url(#org-hatch)"/>`);
  if (v.change)
    parts.push(`<rect x="0" y="0" width="5" height="${h}" rx="2" fill="${TONES[v.change].bar}"><title>${TONES[v.change].label}</title></rect>`);

  const badgeWidth = v.badge ? 64 : 0;
  const nameAttrs = `font-size="14" font-weight="600" fill="#1c1917"${v.ghost ? ` text-decoration="line-through"` : ""}`;
  parts.push(
    `<a href="${esc(`${origin}/people/${encodeURIComponent(v.slug)}`)}">${text(14, 20, v.name, nameAttrs, Math.floor((w - 24 - badgeWidth) / 7.6))}</a>`,
  );
  parts.push(text(14, 38, v.title, `font-size="12.5" fill="#292524"`, Math.floor((w - 24) / 6.6)));
  v.lines.slice(0, 2).forEach((line, i) => {
    const room = i === 1 && v.evidenceEventId ? w - 90 : w - 24;
    parts.push(text(14, 56 + i * 16, line, `font-size="11" fill="${v.ghost ? "#991b1b" : "#57534e"}"`, Math.floor(room / 5.7)));
  });
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
      `<a href="${esc(`${origin}/events/${v.evidenceEventId}`)}"><text x="${w - 10}" y="${h - 9}" font-size="11" text-anchor="end" fill="#075985" text-decoration="underline"><title>Evidence for ${esc(v.name)}</title>${label}</text></a>`,
    );
  }
  const change = v.change ? ` data-change="${v.change}"` : "";
  return `<g transform="translate(${x},${y})" data-person="${esc(v.slug)}" data-title="${esc(v.title)}"${change}${v.ghost ? ` data-ghost="true"` : ""}${
    uncertain ? ` data-uncertain="true"` : ""
  }>${parts.join("")}</g>`;
}

export function renderOrgSvg(layout: OrgLayout<ChartNodeView>, options: SvgOptions): string {
  const origin = options.origin ?? "";
  const { width, height, nodeWidth: w, nodeHeight: h } = layout;
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
  for (const box of layout.boxes) {
    if (box.data) {
      out.push(nodeSvg(box.data, box.x, box.y, w, h, origin));
      continue;
    }
    out.push(
      `<g transform="translate(${box.x},${box.y})" data-company="${esc(options.company.slug)}">`,
      `<rect width="${w}" height="${h}" rx="6" fill="#f5f5f4" stroke="#44403c" stroke-width="1.5"/>`,
      `<a href="${esc(`${origin}/companies/${encodeURIComponent(options.company.slug)}`)}">${text(14, 24, options.company.name, `font-size="15" font-weight="700" fill="#1c1917"`, 30)}</a>`,
      text(14, 44, "the company", `font-size="12" fill="#57534e"`, 34),
      text(14, 60, "people with no known manager", `font-size="11.5" fill="#57534e"`, 38),
      `</g>`,
    );
  }
  out.push(`</svg>`);
  return out.join("\n");
}
