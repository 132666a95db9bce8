/**
 * The flows as SVG drawn on the server: companies left on the left, destinations on the right, one band
 * per pair as thick as its departures. Every band and every node is a link to the timeline filtered to
 * its departures, so it works without JavaScript and from the keyboard (each link is named with its
 * count); bands into "destination unknown" are grey; the numbers are also printed and repeated in the table beside it (ADR 0014).
 */
import type { FlowLayout, LaidOutNode } from "@/lib/domain/flow-layout";
import type { EventFilters } from "@/lib/validation/event-filters";
import { bandHref, nodeHref } from "./flow-links";

const COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#7F3C8D", "#F0E442"];
const GREY = "#A8A29E";
const LABEL_CHARS = 28;

const departures = (n: number) => `${n} ${n === 1 ? "departure" : "departures"}`;
const short = (text: string) => (text.length > LABEL_CHARS ? `${text.slice(0, LABEL_CHARS - 1)}…` : text);

function colourOf(node: LaidOutNode, index: number) {
  return node.kind === "company" ? COLOURS[index % COLOURS.length] : GREY;
}

export function FlowSankey({ id, layout, filters, title }: { id: string; layout: FlowLayout; filters: EventFilters; title: string }) {
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));
  const sources = layout.nodes.filter((n) => n.side === "from");
  const colour = new Map(sources.map((n, i) => [n.id, colourOf(n, i)]));
  const description = layout.bands.map((b) => `${byId.get(b.source)!.label} to ${byId.get(b.target)!.label}: ${b.n}`).join("; ");
  return (
    // scales to the width, down to a size whose labels stay readable; narrower screens scroll it
    <div className="overflow-x-auto">
      <svg
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        className="h-auto w-full min-w-[560px] max-w-[760px] font-sans"
        data-testid="flow-sankey"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <g fill="none" strokeOpacity="0.45">
          {layout.bands.map((b) => {
            const from = byId.get(b.source)!;
            const to = byId.get(b.target)!;
            const name = `${from.label} → ${to.label}: ${departures(b.n)}${b.founded ? `, ${b.founded} to a company they founded` : ""}`;
            return (
              <a
                key={b.id}
                href={bandHref(filters, from, to)}
                aria-label={`${name}; show them`}
                data-band={b.id}
                data-count={b.n}
                className="flow-band"
              >
                <path
                  d={b.path}
                  stroke={colour.get(b.source) ?? GREY}
                  strokeWidth={b.width}
                  strokeDasharray={to.kind === "unknown" ? "6 3" : undefined}
                >
                  <title>{name}</title>
                </path>
              </a>
            );
          })}
        </g>
        {layout.nodes.map((n) => {
          const left = n.side === "from";
          const label = `${short(n.label)} (${n.n})`;
          return (
            <a key={n.id} href={nodeHref(filters, n)} aria-label={`${n.label}: ${departures(n.n)}; show them`} data-node={n.id}>
              <rect x={n.x0} y={n.y0} width={n.x1 - n.x0} height={Math.max(1, n.y1 - n.y0)} fill={left ? (colour.get(n.id) ?? GREY) : "#44403c"}>
                <title>{`${n.label}: ${departures(n.n)}`}</title>
              </rect>
              <text
                x={left ? n.x0 - 6 : n.x1 + 6}
                y={(n.y0 + n.y1) / 2}
                dy="0.35em"
                textAnchor={left ? "end" : "start"}
                fontSize="13"
                fill="#075985"
                textDecoration="underline"
                fontStyle={n.kind === "company" ? undefined : "italic"}
              >
                {label}
              </text>
            </a>
          );
        })}
      </svg>
    </div>
  );
}
