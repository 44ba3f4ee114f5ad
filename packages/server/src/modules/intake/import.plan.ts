import type { CandidateKeys } from '../cleanup/duplicate.batch.js';
import { EXACT_SCORE } from '../cleanup/duplicate.batch.js';
import { combinedScore } from '../cleanup/duplicate.groups.js';
import type { CustomerMatch } from '../cleanup/duplicate.reader.js';
import type { MatchKind } from '../cleanup/duplicate.rules.js';
import type { CreateCustomerInput } from '../customer/customer.inputs.js';
import { DuplicateRuleAction } from './duplicate-gate.types.js';
import type { RowProblem } from './import.rows.js';
import type { DuplicateAction, FileEntry, RowOutcome, StagedRow } from './import.store.js';

/**
 * What each row of an import's batch does, decided in row order before anything is
 * written, the same way in a dry run and in a run:
 *
 * - matches are the existing customers the duplicate reader found for the batch (one
 *   statement; a run leaves out the customers this import created, which it meets here
 *   as earlier rows instead, like its dry run), plus the earlier rows of the same file
 *   that share an exact key with it (normalized email, phone key, tax id blind index,
 *   name key in the same region), from the file's index (earlier batches) and from the
 *   rows before it in this batch;
 * - a customer is named by an identity: `c:<id>`, or `r:<row>` for the customer row
 *   <row> creates (a run turns the batch's own into ids once it has reserved them);
 * - a row that (would) write puts its keys in the index for the rows after it.
 *
 * Similar names are compared with existing customers only, not between rows of the file.
 */

export interface RowMatch {
  identity: string;
  ownerId: string | null;
  score: number;
  reasons: { kind: MatchKind; score: number }[];
}

export interface PlannedRow {
  row: StagedRow;
  values: CreateCustomerInput | null;
  problems: RowProblem[] | null;
  matches: RowMatch[];
  outcome: RowOutcome;
  /** The customer the row writes (or skips in favour of). */
  target: string | null;
  /** What the file's index keeps of a row that writes. */
  keys: string[] | null;
  owner: string | null;
}

export interface BatchInput {
  rows: readonly StagedRow[];
  mapped: readonly { values: CreateCustomerInput; problems: RowProblem[] }[];
  keys: readonly (CandidateKeys | null)[];
  existing: readonly CustomerMatch[][];
  earlier: readonly FileEntry[];
  rules: Map<MatchKind, DuplicateRuleAction>;
  fallback: DuplicateAction;
  /** The caller's own rows only (SALES), or undefined. */
  rowOwner: string | undefined;
  /** Owner of the customers this import creates. */
  creates: string | null;
  takenCodes: ReadonlySet<string>;
  limit: number;
}

const KIND_OF: Record<string, Exclude<MatchKind, 'SIMILAR_NAME'>> = { E: 'EMAIL', P: 'PHONE', T: 'TAX_ID', N: 'NAME' };

const nameKey = (k: CandidateKeys) => `N:${k.region ?? ''}\t${k.nameKey}`;

/** The keys a row that writes leaves in the file's index. */
export function storedKeys(k: CandidateKeys, code: string | undefined): string[] {
  return [
    ...(k.email ? [`E:${k.email}`] : []),
    ...(k.phone ? [`P:${k.phone}`] : []),
    ...(k.taxStored ? [`T:${k.taxStored}`] : []),
    ...(k.nameKey != null ? [nameKey(k)] : []),
    ...(code ? [`K:${code}`] : []),
  ];
}

/** The keys a row looks up: its tax id under every key of the ring, and its code. */
export function lookupKeys(k: CandidateKeys, code: string | undefined): string[] {
  return [
    ...(k.email ? [`E:${k.email}`] : []),
    ...(k.phone ? [`P:${k.phone}`] : []),
    ...k.taxLookup.map((h) => `T:${h}`),
    ...(k.nameKey != null ? [nameKey(k)] : []),
    ...(code ? [`K:${code}`] : []),
  ];
}

/** `c:` before `r:`, then by number: the order ids will have (reserved in row order). */
export function compareIdentity(a: string, b: string): number {
  if (a[0] !== b[0]) return a[0] === 'c' ? -1 : 1;
  const [x, y] = [BigInt(a.slice(2)), BigInt(b.slice(2))];
  return x < y ? -1 : x > y ? 1 : 0;
}

const OUTCOME = { SKIP: 'SKIPPED', UPDATE: 'UPDATED', CREATE: 'CREATED', QUEUE_MERGE: 'QUEUED' } as const;

export function planBatch(input: BatchInput): PlannedRow[] {
  const index = new Map<string, FileEntry[]>();
  const remember = (entry: FileEntry) => {
    for (const key of entry.keys) index.set(key, [...(index.get(key) ?? []), entry]);
  };
  input.earlier.forEach(remember);
  const checked = (kind: MatchKind) => (input.rules.get(kind) ?? DuplicateRuleAction.WARN) !== DuplicateRuleAction.OFF;

  return input.rows.map((row, i): PlannedRow => {
    const { values, problems } = input.mapped[i]!;
    const base: PlannedRow = { row, values: null, problems: null, matches: [], outcome: 'ERRORED', target: null, keys: null, owner: null };
    // An erred row names no matches (it counts as an error, not as a duplicate).
    const fail = (p: RowProblem[]): PlannedRow => ({ ...base, problems: p });
    if (problems.length) return fail(problems);
    const keys = input.keys[i]!;
    const code = values.code?.trim() || undefined;

    const found = new Map<string, { ownerId: string | null; reasons: Map<MatchKind, number> }>();
    for (const m of input.existing[i]!) found.set(`c:${m.id}`, { ownerId: m.ownerId, reasons: new Map(m.reasons.map((r) => [r.kind, r.score])) });
    for (const key of lookupKeys(keys, undefined)) {
      const kind = KIND_OF[key[0]!]!;
      if (!checked(kind)) continue;
      for (const entry of index.get(key) ?? []) {
        const hit = found.get(entry.target) ?? { ownerId: entry.owner, reasons: new Map() };
        hit.reasons.set(kind, Math.max(hit.reasons.get(kind) ?? 0, EXACT_SCORE[kind]));
        found.set(entry.target, hit);
      }
    }
    const matches = [...found]
      .map(([identity, m]): RowMatch => ({
        identity,
        ownerId: m.ownerId,
        score: combinedScore(Object.fromEntries(m.reasons)),
        reasons: [...m.reasons].map(([kind, score]) => ({ kind, score })).sort((a, b) => b.score - a.score || a.kind.localeCompare(b.kind)),
      }))
      .sort((a, b) => b.score - a.score || compareIdentity(a.identity, b.identity))
      .slice(0, input.limit);

    const blocking = [...new Set(matches.flatMap((m) => m.reasons.map((r) => r.kind)))].filter((k) => input.rules.get(k) === DuplicateRuleAction.BLOCK);
    if (blocking.length) return fail([{ field: 'duplicate', message: `the duplicate rule for ${blocking.join(', ')} blocks it` }]);
    const best = matches[0];
    const action = best ? (row.action ?? input.fallback) : 'CREATE';
    if (action === 'UPDATE' && input.rowOwner !== undefined && best!.ownerId !== input.rowOwner) {
      return fail([{ field: 'duplicate', message: 'the matching customer is not yours to update' }]);
    }
    const outcome = OUTCOME[action];
    const creates = outcome === 'CREATED' || outcome === 'QUEUED';
    if (creates && code && (input.takenCodes.has(code) || index.has(`K:${code}`))) {
      return fail([{ field: 'code', message: 'already in use' }]);
    }
    const planned: PlannedRow = { ...base, values, matches, outcome, target: creates ? `r:${row.rowNo}` : best!.identity };
    if (outcome === 'SKIPPED') return planned;
    // The file gives new values; an update does not rename the customer's code.
    const written: PlannedRow = {
      ...planned,
      keys: storedKeys(keys, creates ? code : undefined),
      owner: creates ? input.creates : best!.ownerId,
    };
    remember({ rowNo: row.rowNo, keys: written.keys!, target: written.target!, owner: written.owner });
    return written;
  });
}

/** The batch's own `r:` identities as the ids the run reserved for them. */
export function withIds(plan: PlannedRow[], ids: ReadonlyMap<string, string>): PlannedRow[] {
  const as = (identity: string | null) => (identity && ids.has(identity) ? `c:${ids.get(identity)}` : identity);
  return plan.map((p) => ({
    ...p,
    target: as(p.target),
    matches: p.matches.map((m) => ({ ...m, identity: as(m.identity)! })),
  }));
}
