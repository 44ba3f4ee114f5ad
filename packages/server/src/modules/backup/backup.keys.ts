import type pg from 'pg';
import { DomainError } from '../../common/domain-error.js';
import { keyCheck, type KeyRing } from '../../crypto/keyring.js';
import { EncryptionErrorCode, open, sealedKeyId, type SealedColumn } from '../../crypto/sealed.js';
import { SEALED_STORAGE } from '../../crypto/sensitive.js';
import { backupKeysMissing } from './backup.errors.js';
import { quoteTable } from './backup.tables.js';

/**
 * Which encryption keys a backup's values need. Ciphertext travels in a backup as it is,
 * so a restore is only useful under a key ring holding those keys; checking that before
 * anything is written turns "every read fails later" into one clear refusal now.
 */
export interface SealedKeyUse {
  id: string;
  /** `keyCheck` of the key as the backing-up process held it; null when it did not. */
  check: string | null;
  values: number;
}

/** Where sealed values sit in the backed-up tables: the plain columns of SEALED_STORAGE,
 * and the customer rows merges keep in `customer_merge.snapshot` (what rotation rewrites). */
interface SealedPlace {
  table: string;
  column: string;
  sealed: SealedColumn;
  /** Set for a jsonb column of `{ id: { <jsonKey>: value } }` entries. */
  jsonKey?: string;
}

const PLACES: SealedPlace[] = [
  ...SEALED_STORAGE.flatMap((s) => s.tables.map((t) => ({ table: t.includes('.') ? t : `public.${t}`, column: s.name, sealed: s.column }))),
  { table: 'public.customer_merge', column: 'snapshot', sealed: 'customer.tax_id', jsonKey: 'tax_id' },
];

/** Counted inside the backup's snapshot transaction, so it describes exactly the rows dumped. */
export async function sealedKeysInUse(client: pg.ClientBase, ring: KeyRing): Promise<SealedKeyUse[]> {
  const selects = PLACES.map((p) => {
    const col = `t.${quote(p.column)}`;
    return p.jsonKey
      ? `select e.value ->> ${literal(p.jsonKey)} as v from ${quoteTable(p.table)} t,
           jsonb_each(case when jsonb_typeof(${col}) = 'object' then ${col} else '{}' end) e`
      : `select ${col} as v from ${quoteTable(p.table)} t`;
  });
  const { rows } = await client.query<{ id: string; n: number }>(
    `select split_part(v, ':', 2) as id, count(*)::int as n from (${selects.join(' union all ')}) x
      where v like 'v1:%' group by 1 order by 1`,
  );
  return rows.map((r) => {
    const key = ring.keys.get(r.id);
    return { id: r.id, check: key ? keyCheck(key) : null, values: r.n };
  });
}

/** What a ring lacks to read values under `uses`: ids it does not hold, and ids it holds
 * under a different key. */
export function keyProblems(uses: readonly SealedKeyUse[], ring: KeyRing): { missing: string[]; mismatched: string[] } {
  const missing: string[] = [];
  const mismatched: string[] = [];
  for (const use of uses) {
    const key = ring.keys.get(use.id);
    if (!key) missing.push(use.id);
    else if (use.check !== null && keyCheck(key) !== use.check) mismatched.push(use.id);
  }
  return { missing, mismatched };
}

export function assertKeysAvailable(uses: readonly SealedKeyUse[], ring: KeyRing, hint?: string): void {
  const { missing, mismatched } = keyProblems(uses, ring);
  if (missing.length || mismatched.length) throw backupKeysMissing(missing, mismatched, hint);
}

const JSON_VALUE = (key: string) => new RegExp(`"${key}":\\s*"(v1:[^"\\\\]+)"`, 'g');

/**
 * The same check for backups written before the manifest recorded their keys (format 1):
 * one value per key id found in the rows is decrypted with the target's ring. Fed the COPY
 * lines as they are read, so it costs no extra pass over the file.
 */
export class SealedValueScan {
  readonly #ids = new Map<string, 'ok' | 'missing' | 'mismatched'>();

  constructor(private readonly ring: KeyRing) {}

  /** A per-row observer for a table's COPY lines; null when the table holds no sealed values. */
  observer(table: string, columns: string[]): ((line: string) => void) | null {
    const places = PLACES.filter((p) => p.table === table)
      .map((p) => ({ ...p, index: columns.indexOf(p.column) }))
      .filter((p) => p.index >= 0);
    if (!places.length) return null;
    return (line) => {
      const fields = line.replace(/\n$/, '').split('\t');
      for (const place of places) {
        const field = fields[place.index];
        if (field === undefined || field === '\\N') continue;
        if (!place.jsonKey) this.#observe(place.sealed, field);
        else for (const match of field.matchAll(JSON_VALUE(place.jsonKey))) this.#observe(place.sealed, match[1]!);
      }
    };
  }

  #observe(column: SealedColumn, value: string): void {
    const id = sealedKeyId(value);
    if (id === null || this.#ids.has(id)) return;
    try {
      open(column, value, 'a backed-up row', this.ring);
      this.#ids.set(id, 'ok');
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.#ids.set(id, error.reason === EncryptionErrorCode.UNKNOWN_KEY ? 'missing' : 'mismatched');
    }
  }

  assertAvailable(hint?: string): void {
    const of = (state: string) => [...this.#ids].filter(([, s]) => s === state).map(([id]) => id);
    const [missing, mismatched] = [of('missing'), of('mismatched')];
    if (missing.length || mismatched.length) throw backupKeysMissing(missing, mismatched, hint);
  }
}

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
