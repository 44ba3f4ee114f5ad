import { Migration } from '@mikro-orm/migrations';

/** Buckets the similar-name index is split into; custos_region_bucket's modulus. */
export const REGION_BUCKETS = 32;

const bucketIndex = (b: number) => `customer_name_key_trgm_b${String(b).padStart(2, '0')}`;

/**
 * The duplicate gate's similar-name lookup reads the trigram posting lists of its own
 * region only (issue 22: the check on create ≤ 20 ms at p95 on a million customers;
 * docs/developers/benchmarks.md, "Region buckets").
 *
 * The one index `gin (region, name_key gin_trgm_ops)` keeps each trigram's posting list
 * across every region: a Latin name made of common words (`… Holdings Limited`) walked the
 * lists of all regions and intersected them with its region's, 400–1,300 index buffers
 * for one candidate at 1M customers, the tail of the gate's p95. It becomes one partial
 * index per region bucket (`custos_region_bucket(region)`, a hash of the region modulo
 * REGION_BUCKETS), so a lookup walks lists holding only its bucket's names. The
 * comparison is unchanged (the same `%` on the same stored key, the region still compared
 * exactly); a lookup names its bucket beside its region and the planner, planning for the
 * values (custom plans), picks that bucket's index. Several regions may share a bucket:
 * the region test then drops the others' candidates, as before.
 *
 * Each bucket keeps the short pending list of migration-2026120723 (256 kB). The import's
 * batch lookup (custos_similar_customers) names the bucket the same way.
 */
export class MigrationGateRegionBuckets extends Migration {
  override name = 'migration-2026120725-gate-region-buckets';

  override up(): void {
    // `& (n - 1)`, not abs(...) % n: abs of the smallest integer overflows.
    this.addSql(
      `create function custos_region_bucket(region text) returns integer language sql immutable parallel safe
       return hashtext(coalesce(region, '')) & ${REGION_BUCKETS - 1}`,
    );
    for (let b = 0; b < REGION_BUCKETS; b += 1) {
      this.addSql(
        `create index ${bucketIndex(b)} on customer using gin (name_key gin_trgm_ops) with (gin_pending_list_limit = 256)
          where status = 'ACTIVE' and custos_region_bucket(region) = ${b}`,
      );
    }
    this.addSql(`drop index if exists customer_name_key_trgm_idx`);
    this.addSql(similarCustomersFunction(`and custos_region_bucket(c.region) = custos_region_bucket(%2$L)`));
  }

  override down(): void {
    this.addSql(`create index customer_name_key_trgm_idx on customer using gin (region, name_key gin_trgm_ops) with (gin_pending_list_limit = 256) where status = 'ACTIVE'`);
    this.addSql(similarCustomersFunction(''));
    for (let b = 0; b < REGION_BUCKETS; b += 1) this.addSql(`drop index if exists ${bucketIndex(b)}`);
    this.addSql(`drop function if exists custos_region_bucket(text)`);
  }
}

/** custos_similar_customers (migration-2026120724) with `bucket` in its trigram match. */
function similarCustomersFunction(bucket: string): string {
  return `
    create or replace function custos_similar_customers(p_region text, p_key text, p_least real, p_limit integer)
    returns table (id bigint, owner_id bigint, score real) language plpgsql stable as $$
    begin
      return query execute format(
        'with near as materialized (
           select c.id, c.owner_id, c.region, c.name_key from customer c where c.status = ''ACTIVE'' and c.name_key %% %1$L ${bucket})
         select n.id, n.owner_id, similarity(n.name_key, %1$L) from near n
          where %3$s and n.name_key <> %1$L and similarity(n.name_key, %1$L) >= %4$L limit %5$s',
        p_key, p_region, case when p_region is null then 'n.region is null' else format('n.region = %L', p_region) end, p_least, p_limit);
    end $$`;
}
