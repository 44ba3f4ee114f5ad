import type { RequestContext } from '../../core/context.js';
import { JobKind } from '../job/job.enums.js';
import type { JobHandler } from '../job/job.handler.js';
import { groupPairs, type ScoredPair } from './duplicate.groups.js';
import { CJK_ALLOWANCE, EXACT_RULES as EXACT, NOT_PLACEHOLDER, SIMILAR_NAME_MIN_LENGTH } from './duplicate.rules.js';

/**
 * Duplicate detection as set-based SQL, blocked so that it stays near-linear on a million
 * customers: exact matches group by one normalized key (an index-ordered GROUP BY), and
 * similar names are compared only within a region and only through trigrams that few
 * names of that region share. Each phase is one step (one transaction); pairs wait in an
 * unlogged work table until the last step joins them into groups.
 */

export const MAX_GROUP_SIZE = 10;

export interface DetectParams extends Record<string, unknown> {
  /** Fixed at queue time, so a resumed run scores like the first attempt. */
  similarity: number;
  trigramBlockMax: number;
}

interface Checkpoint {
  phase: number;
  regions: (string | null)[];
  pairs: number;
  groups: number;
  oversized: number;
}

async function exactPairs(tx: RequestContext, jobId: string, e: (typeof EXACT)[number]): Promise<number> {
  const group = e.partition ? `${e.partition}, ${e.key}` : e.key;
  const rows = await tx.sql.query<{ n: number }>(
    `with g as (
       select array_agg(c.id order by c.id) as ids
         from customer c
        where c.status = 'ACTIVE' and ${e.key} is not null${e.blind ? '' : ` and ${NOT_PLACEHOLDER(e.key)}`}
        group by ${group}
       having count(*) between 2 and ${MAX_GROUP_SIZE}
     ), ins as (
       insert into duplicate_pair_work (job_id, a, b, reason, score)
       select $1::bigint, x.id, y.id, $2, $3::real from g, unnest(g.ids) x(id), unnest(g.ids) y(id) where x.id < y.id
       returning 1
     ) select count(*)::int as n from ins`,
    [jobId, e.reason, e.score],
  );
  return rows[0]!.n;
}

/** Similar (not equal) names in one region, compared only through trigrams at most
 * `blockMax` names of that region share, and kept from `similarity` on. */
async function similarNamePairs(tx: RequestContext, jobId: string, region: string | null, params: DetectParams): Promise<number> {
  // `=` (not IS NOT DISTINCT FROM) so the (region, name key) index serves the block.
  const row = await tx.sql.one<{ n: number }>(
    `with k as materialized (
       select c.id, c.name_key as nk from customer c
        where c.status = 'ACTIVE' and ${region === null ? 'c.region is null and $2::text is null' : 'c.region = $2::text'}
          and length(c.name_key) >= ${SIMILAR_NAME_MIN_LENGTH}
     ), t as materialized (
       select k.id, g from k, unnest(show_trgm(k.nk)) g
     ), rare as (
       select t.id, t.g from t join (select g from t group by g having count(*) <= $3::int) r using (g)
     ), p as (
       select r1.id as a, r2.id as b from rare r1 join rare r2 on r1.g = r2.g and r1.id < r2.id group by 1, 2 having count(*) >= 2
     ), ins as (
       insert into duplicate_pair_work (job_id, a, b, reason, score)
       select $1::bigint, p.a, p.b, 'SIMILAR_NAME', similarity(ka.nk, kb.nk)
         from p join k ka on ka.id = p.a join k kb on kb.id = p.b
        where ka.nk <> kb.nk
          and similarity(ka.nk, kb.nk) >= $4::real - case when ka.nk ~ '[\u3400-\u9fff]' then ${CJK_ALLOWANCE} else 0 end
       returning 1
     ) select count(*)::int as n from ins`,
    [jobId, region, params.trigramBlockMax, params.similarity],
  );
  return row!.n;
}

/** Joins the pairs into groups (dismissed pairs left out) and replaces the previous run's groups. */
async function writeGroups(tx: RequestContext, jobId: string): Promise<{ groups: number; oversized: number }> {
  const pairs = await tx.sql.query<ScoredPair>(
    `select w.a::text as a, w.b::text as b, jsonb_object_agg(w.reason, w.score) as reasons
       from duplicate_pair_work w
      where w.job_id = $1::bigint
        and not exists (select 1 from duplicate_dismissal d where d.a = w.a and d.b = w.b)
      group by w.a, w.b`,
    [jobId],
  );
  const regions = new Map(
    (await tx.sql.query<{ id: string; region: string | null }>(
      `select c.id::text as id, c.region from customer c
        where c.id in (select a from duplicate_pair_work where job_id = $1::bigint union select b from duplicate_pair_work where job_id = $1::bigint)`,
      [jobId],
    )).map((r) => [r.id, r.region]),
  );
  const { groups, oversized } = groupPairs(pairs, regions, MAX_GROUP_SIZE);
  await tx.sql.query(`delete from duplicate_group`);
  if (groups.length) {
    await tx.sql.query(
      `insert into duplicate_group (job_id, region, score, reasons, member_ids)
       select $1::bigint, g.region, g.score, g.reasons, g.members
         from jsonb_to_recordset($2::jsonb) as g(region text, score real, reasons jsonb, members bigint[])`,
      [jobId, JSON.stringify(groups)],
    );
  }
  await tx.sql.query(`delete from duplicate_pair_work where job_id = $1::bigint`, [jobId]);
  return { groups: groups.length, oversized };
}

export const detectDuplicatesHandler: JobHandler<DetectParams, Checkpoint> = {
  kind: JobKind.DETECT_DUPLICATES,

  async begin(tx, job) {
    await tx.sql.query(`delete from duplicate_pair_work where job_id = $1::bigint`, [job.id]);
    const regions = (await tx.sql.query<{ region: string | null }>(
      `select distinct c.region from customer c where c.status = 'ACTIVE' order by 1 nulls first`,
    )).map((r) => r.region);
    // One unit of progress per step: the exact keys, each region, and the grouping.
    return { total: EXACT.length + regions.length + 1, checkpoint: { phase: 0, regions, pairs: 0, groups: 0, oversized: 0 } };
  },

  async step(tx, job, cp) {
    const next = { ...cp, phase: cp.phase + 1 };
    if (cp.phase < EXACT.length) {
      next.pairs += await exactPairs(tx, job.id, EXACT[cp.phase]!);
    } else if (cp.phase < EXACT.length + cp.regions.length) {
      next.pairs += await similarNamePairs(tx, job.id, cp.regions[cp.phase - EXACT.length]!, job.params);
    } else {
      const written = await writeGroups(tx, job.id);
      return { checkpoint: { ...next, ...written }, done: 1, finished: true };
    }
    return { checkpoint: next, done: 1, finished: false };
  },

  result(_job, cp) {
    return { pairs: cp.pairs, groups: cp.groups, oversizedGroups: cp.oversized, regions: cp.regions.length };
  },
};
