/**
 * Where each node and band of the flows leads: the timeline, filtered to exactly the departures it
 * counts (the flows' filters, with the company left and the destination narrowed to the node's or
 * band's). A group of more companies than the timeline takes in one filter links to the table instead.
 */
import { flowFilters } from "@/lib/data/flows";
import type { FlowNode } from "@/lib/domain/flow-layout";
import { DESTINATION_UNKNOWN, queryString, type EventFilters } from "@/lib/validation/event-filters";

/** The most companies one timeline filter takes (event-filters.ts: company and destination). */
const MAX_FILTER_SLUGS = 20;

/** The destination filter a right-hand node stands for, or null when it holds too many companies. */
function destinationOf(node: FlowNode): string[] | null {
  if (node.kind === "unknown") return [DESTINATION_UNKNOWN];
  return node.companies.length <= MAX_FILTER_SLUGS ? node.companies.map((c) => c.slug) : null;
}

const companiesOf = (node: FlowNode): string[] | null => (node.companies.length <= MAX_FILTER_SLUGS ? node.companies.map((c) => c.slug) : null);

export const TABLE_ANCHOR = "#flows-table";

/** The timeline of one band's departures (or the table, for a band between groups too large to filter). */
export function bandHref(filters: EventFilters, from: FlowNode, to: FlowNode): string {
  const company = companiesOf(from);
  const destination = destinationOf(to);
  if (!company || !destination) return TABLE_ANCHOR;
  return `/${queryString({ ...flowFilters(filters), company, destination })}`;
}

/** The timeline of every departure through one node. */
export function nodeHref(filters: EventFilters, node: FlowNode): string {
  const narrowed = node.side === "from" ? companiesOf(node) : destinationOf(node);
  if (!narrowed) return TABLE_ANCHOR;
  return `/${queryString({ ...flowFilters(filters), ...(node.side === "from" ? { company: narrowed } : { destination: narrowed }) })}`;
}

/** The timeline of one (company left, destination) pair of the table. */
export function pairHref(filters: EventFilters, from: string, to: string | null): string {
  return `/${queryString({ ...flowFilters(filters), company: [from], destination: [to ?? DESTINATION_UNKNOWN] })}`;
}

/** The flows page for the same filters (kind is fixed there, so it is left out). */
export const flowsHref = (filters: Partial<EventFilters>): string => `/flows${queryString({ ...filters, kind: [] })}`;
