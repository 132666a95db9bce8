/**
 * Which sources are independent of each other. A source that cites or republishes another adds no
 * independent confirmation: a tracker citing an article, both asserting a departure, is one source, not
 * two. Sources of one publisher count once too. Computed as connected components (union–find) over the
 * citation edges, so dependence is transitive: two trackers citing the same article are one source.
 */

export interface SourceNode {
  id: number;
  publisher: string | null;
}

/** A key per source; two sources share a key exactly when they are not independent of each other. */
export function independenceKeys(sources: SourceNode[], citations: readonly (readonly [number, number])[]): Map<number, string> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  const union = (a: string, b: string) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  };
  for (const s of sources) {
    find(`source:${s.id}`);
    if (s.publisher) union(`source:${s.id}`, `publisher:${s.publisher.trim().toLowerCase()}`);
  }
  for (const [citing, cited] of citations) union(`source:${citing}`, `source:${cited}`);
  return new Map(sources.map((s) => [s.id, find(`source:${s.id}`)]));
}
