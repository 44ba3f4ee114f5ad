import type pg from 'pg';

/** A Custos table as the backup sees it: its writable columns and the order that makes
 * its COPY output deterministic. */
export interface TableInfo {
  name: string;
  columns: string[];
  orderBy: string[];
}

const SCHEMAS = ['public', 'archive'];
/** Written by the migrator on restore, not copied. */
const SKIPPED = new Set(['public.mikro_orm_migrations']);

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
export const quoteTable = (qualified: string) => qualified.split('.').map(quoteIdent).join('.');

/**
 * Every table in the Custos schemas, parents before children (foreign keys), each with
 * its non-generated columns and its primary key (or all columns) as the sort order.
 */
export async function listTables(client: pg.ClientBase): Promise<TableInfo[]> {
  const { rows } = await client.query<{ name: string; columns: string[]; pk: string[] | null }>(
    `select n.nspname || '.' || c.relname as name,
            array(select a.attname from pg_attribute a
                   where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                   order by a.attnum)::text[] as columns,
            (select array(select a.attname from unnest(i.indkey) with ordinality k(attnum, pos)
                            join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum order by k.pos)::text[]
               from pg_index i where i.indrelid = c.oid and i.indisprimary) as pk
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and n.nspname = any($1::text[]) and not c.relispartition
      order by 1`,
    [SCHEMAS],
  );
  const { rows: fks } = await client.query<{ child: string; parent: string }>(
    `select cn.nspname || '.' || cc.relname as child, pn.nspname || '.' || pc.relname as parent
       from pg_constraint k
       join pg_class cc on cc.oid = k.conrelid join pg_namespace cn on cn.oid = cc.relnamespace
       join pg_class pc on pc.oid = k.confrelid join pg_namespace pn on pn.oid = pc.relnamespace
      where k.contype = 'f' and k.conrelid <> k.confrelid`,
  );
  const tables = rows
    .filter((t) => !SKIPPED.has(t.name))
    .map((t) => ({ name: t.name, columns: t.columns, orderBy: t.pk?.length ? t.pk : t.columns }));
  return parentsFirst(tables, fks);
}

function parentsFirst(tables: TableInfo[], fks: { child: string; parent: string }[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const out: TableInfo[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string) => {
    if (state.get(name) === 'done' || !byName.has(name)) return;
    if (state.get(name) === 'visiting') return; // a cycle: load order cannot help, FK checks are off during restore
    state.set(name, 'visiting');
    for (const fk of fks) if (fk.child === name) visit(fk.parent);
    state.set(name, 'done');
    out.push(byName.get(name)!);
  };
  for (const table of tables) visit(table.name);
  return out;
}

/** Session settings that fix how COPY renders and parses values, so a dump is
 * byte-for-byte repeatable and a restore reads exactly what was written. */
export const COPY_SETTINGS = `set local time zone 'UTC'; set local datestyle = 'ISO, YMD'; set local intervalstyle = 'postgres';
  set local extra_float_digits = 1; set local bytea_output = 'hex'`;

/** `COPY (select … order by …) TO STDOUT`: the same bytes for the same rows, every time. */
export function copyOutSql(table: TableInfo): string {
  const columns = table.columns.map(quoteIdent).join(', ');
  return `copy (select ${columns} from ${quoteTable(table.name)} order by ${table.orderBy.map(quoteIdent).join(', ')}) to stdout`;
}

export function copyInSql(name: string, columns: string[]): string {
  return `copy ${quoteTable(name)} (${columns.map(quoteIdent).join(', ')}) from stdin`;
}

export async function listSequences(client: pg.ClientBase): Promise<{ name: string; value: string | null }[]> {
  const { rows } = await client.query<{ name: string; value: string | null }>(
    `select schemaname || '.' || sequencename as name, last_value::text as value
       from pg_sequences where schemaname = any($1::text[]) order by 1`,
    [SCHEMAS],
  );
  return rows;
}

export async function appliedMigrations(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(`select name from mikro_orm_migrations order by id`);
  return rows.map((r) => r.name);
}
