/** A pair of customers that matched, with the best score per reason. */
export interface ScoredPair {
  a: string;
  b: string;
  reasons: Record<string, number>;
}

export interface GroupReason {
  kind: string;
  score: number;
  pairs: number;
}

export interface CandidateGroup {
  region: string | null;
  score: number;
  reasons: GroupReason[];
  members: string[];
}

/** Independent evidence adds up: 1 − Π(1 − score) over a pair's reasons. */
export function combinedScore(reasons: Record<string, number>): number {
  const miss = Object.values(reasons).reduce((p, s) => p * (1 - Math.min(s, 0.99)), 1);
  return Math.round((1 - miss) * 1000) / 1000;
}

/** Union-find over the pairs: the members and pairs of each connected component. */
function components(pairs: ScoredPair[]): { members: Set<string>; pairs: ScoredPair[] }[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  for (const { a, b } of pairs) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent.set(ra, rb);
  }
  const byRoot = new Map<string, { members: Set<string>; pairs: ScoredPair[] }>();
  for (const pair of pairs) {
    const root = find(pair.a);
    let group = byRoot.get(root);
    if (!group) byRoot.set(root, (group = { members: new Set(), pairs: [] }));
    group.members.add(pair.a).add(pair.b);
    group.pairs.push(pair);
  }
  return [...byRoot.values()];
}

/** Evidence that names one customer rather than a name many companies may share. */
const STRONG = new Set(['EMAIL', 'PHONE', 'TAX_ID']);

/**
 * Connected components of the matched pairs. A group's score is its best pair's. A
 * component larger than `maxSize` (common names chaining many companies together) is
 * split along strong evidence only (email, phone, tax id); what is still too large to
 * merge in one go is left out and counted.
 */
export function groupPairs(pairs: ScoredPair[], regions: Map<string, string | null>, maxSize: number): { groups: CandidateGroup[]; oversized: number } {
  const groups: CandidateGroup[] = [];
  let oversized = 0;
  const accepted: { members: Set<string>; pairs: ScoredPair[] }[] = [];
  for (const component of components(pairs)) {
    if (component.members.size <= maxSize) {
      accepted.push(component);
      continue;
    }
    const strong = component.pairs.filter((p) => Object.keys(p.reasons).some((r) => STRONG.has(r)));
    for (const part of components(strong)) {
      if (part.members.size <= maxSize) accepted.push(part);
      else oversized += 1;
    }
    if (strong.length === 0) oversized += 1;
  }
  for (const group of accepted) {
    const reasons = new Map<string, GroupReason>();
    for (const pair of group.pairs) {
      for (const [kind, score] of Object.entries(pair.reasons)) {
        const r = reasons.get(kind) ?? { kind, score: 0, pairs: 0 };
        r.score = Math.max(r.score, Math.round(score * 1000) / 1000);
        r.pairs += 1;
        reasons.set(kind, r);
      }
    }
    const members = [...group.members].sort((x, y) => (BigInt(x) < BigInt(y) ? -1 : 1));
    const memberRegions = new Set(members.map((m) => regions.get(m) ?? null));
    groups.push({
      region: memberRegions.size === 1 ? [...memberRegions][0]! : null,
      score: Math.max(...group.pairs.map((p) => combinedScore(p.reasons))),
      reasons: [...reasons.values()].sort((x, y) => y.score - x.score),
      members,
    });
  }
  return { groups, oversized };
}
