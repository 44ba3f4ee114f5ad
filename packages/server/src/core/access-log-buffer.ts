import { GUARDED_FIELDS, type GuardedFieldRule } from '../policy/policy.js';

/**
 * The fields of one entity type as bits, so a request keeps one number per record read
 * instead of one set of ids per field. The policy's personal fields come first, in its
 * order (a request's reads are written in that order); fields logged elsewhere (an
 * archived record's `record`, a subject request's fields) are added when first read.
 */
export class FieldBits {
  readonly names: string[] = [];
  readonly #bits = new Map<string, number>();

  bitOf(field: string): number {
    let bit = this.#bits.get(field);
    if (bit === undefined) {
      if (this.names.length === 31) throw new Error(`access log: more than 31 fields of one entity type (${field})`);
      bit = 1 << this.names.length;
      this.names.push(field);
      this.#bits.set(field, bit);
    }
    return bit;
  }

  /** The names of a bit set's fields, joined by commas. */
  namesOf(bits: number): string {
    const names: string[] = [];
    for (let at = 0; at < this.names.length; at += 1) if (bits & (1 << at)) names.push(this.names[at]!);
    return names.join(',');
  }
}

const BY_TYPE = new Map<string, FieldBits>();

export function fieldBits(entityType: string): FieldBits {
  let bits = BY_TYPE.get(entityType);
  if (!bits) BY_TYPE.set(entityType, (bits = new FieldBits()));
  return bits;
}

for (const [key, rule] of Object.entries(GUARDED_FIELDS) as [string, GuardedFieldRule][]) {
  if (!rule.personal) continue;
  const [entityType, field] = key.split('.') as [string, string];
  fieldBits(entityType).bitOf(field);
}

/** [entity type, fields joined by commas, the ids of the records each of them read]. */
export type AccessLogRead = [string, string, string];

/** Full reads of personal data in one request, written as one batch when it ends. */
export class AccessLogBuffer {
  /** Entity type → record id → the fields read of it (FieldBits), in the order first read. */
  readonly #reads = new Map<string, Map<string, number>>();

  record(entityType: string, field: string, id: string): void {
    const reads = this.of(entityType);
    reads.set(id, (reads.get(id) ?? 0) | fieldBits(entityType).bitOf(field));
  }

  /** The reads of one entity type, to add a list's at once (`record`'s bits, fieldBits). */
  of(entityType: string): Map<string, number> {
    let reads = this.#reads.get(entityType);
    if (!reads) this.#reads.set(entityType, (reads = new Map()));
    return reads;
  }

  /**
   * Takes the reads out: per entity type, the fields that read the same records share one
   * read (a page's ids once, not once per field); and the distinct ids of every record read.
   */
  drain(): { reads: AccessLogRead[]; recordIds: string[] } {
    const reads: AccessLogRead[] = [];
    let recordIds: string[] = [];
    let types = 0;
    for (const [entityType, byId] of this.#reads) {
      if (byId.size === 0) continue;
      types += 1;
      const bits = fieldBits(entityType);
      let every = -1;
      let some = 0;
      for (const read of byId.values()) {
        every &= read;
        some |= read;
      }
      const ids = [...byId.keys()];
      if (every === some) reads.push([entityType, bits.namesOf(some), ids.join(',')]);
      else reads.push(...sharedReads(entityType, bits, byId, some));
      recordIds = types === 1 ? ids : recordIds.concat(ids);
    }
    this.#reads.clear();
    // Ids of different entity types may be the same number.
    return { reads, recordIds: types > 1 ? [...new Set(recordIds)] : recordIds };
  }
}

/** Reads of records that were not all read in the same fields: a read per distinct id list. */
function sharedReads(entityType: string, bits: FieldBits, byId: ReadonlyMap<string, number>, some: number): AccessLogRead[] {
  const fieldsByIds = new Map<string, number>();
  for (let at = 0; at < bits.names.length; at += 1) {
    const bit = 1 << at;
    if (!(some & bit)) continue;
    const ids: string[] = [];
    for (const [id, read] of byId) if (read & bit) ids.push(id);
    const text = ids.join(',');
    fieldsByIds.set(text, (fieldsByIds.get(text) ?? 0) | bit);
  }
  return [...fieldsByIds].map(([ids, fields]) => [entityType, bits.namesOf(fields), ids]);
}
