import { sql, type RawBuilder } from 'kysely';
import type { WriteTx } from '../audit/auditedWrite.js';
import { scopePattern, type Scope } from '../auth/scope.js';
import { jurisdictionCovers } from '../core/divisionCode.js';
import { formatYuan } from '../core/money.js';
import { columnOf, type DatasetDefinition, type FieldDefinition } from './datasetDefinition.js';
import type { StoredValue } from './fieldKinds.js';
import { insertQuarantine, type QuarantineEntry } from './quarantineRepository.js';
import { isLive } from './liveRows.js';

/**
 * Whose data a row is. A row names its division (a resident's or a payment's village, an
 * official's area), or it is about a person and belongs where that person is registered
 * (deaths, payroll, vehicles, properties, disabilities, an applicant's approvals, an
 * official's declared relatives, the people of a business), or it has no division at all
 * (the programme catalogue). A batch may only hold rows inside its jurisdiction (the
 * uploader's or the exchange credential's), and may only replace live records inside it.
 * Rows without a division, and rows about people not on the registry, only a jurisdiction of
 * county level or above may load: a township cannot tell whose they are.
 */

/** The column holding a row's division, or null for a dataset without one. */
export function divisionColumn(definition: DatasetDefinition): string | null {
  switch (definition.division.kind) {
    case 'column':
      return definition.division.column;
    case 'person':
    case 'businessPeople':
      return 'division_code';
    case 'none':
      return null;
  }
}

/** The field a clerk should look at when a row lies outside the jurisdiction. */
function divisionField(definition: DatasetDefinition): FieldDefinition | undefined {
  const division = definition.division;
  const column =
    division.kind === 'column' || division.kind === 'person'
      ? division.column
      : division.kind === 'businessPeople'
        ? 'legal_rep_id_number'
        : null;
  return definition.fields.find((f) => columnOf(f) === column);
}

/** County, city, province or the whole country: may load rows without a division. */
export function loadsUndividedRows(scope: Scope): boolean {
  return scope.prefix.length <= 6;
}

/**
 * Fills `division_code` of the batch's rows that are about a person: the village the person
 * is registered in (live registry), as it stands when the rows are imported.
 */
async function fillPersonDivisions(
  tx: WriteTx,
  definition: DatasetDefinition,
  batchId: number,
): Promise<void> {
  const division = definition.division;
  const table = sql.table(definition.table);
  if (division.kind === 'person') {
    const person = sql.ref(`${definition.table}.${division.column}`);
    await sql`update ${table} set division_code = (
        select min(r.village_code) from ds_residents r where r.id_number = ${person} and ${isLive('r')})
      where batch_id = ${batchId}`.execute(tx);
  } else if (division.kind === 'businessPeople') {
    // The legal representative's village, or else a shareholder's.
    await sql`update ds_businesses set division_code = (
        select r.village_code from ds_business_people p
        join ds_residents r on r.id_number = p.id_number and ${isLive('r')}
        where p.batch_id = ds_businesses.batch_id and p.row_number = ds_businesses.row_number
        order by case when p.role = 'legal_rep' then 0 else 1 end, r.village_code limit 1)
      where batch_id = ${batchId}`.execute(tx);
  }
}

/** `division inside the scope`, where a missing division is inside only at county level and above. */
function insideSql(division: RawBuilder<unknown>, scope: Scope): RawBuilder<unknown> {
  const missing = loadsUndividedRows(scope) ? scope.prefix : '';
  return sql`coalesce(${division}, ${missing}) like ${scopePattern(scope)}`;
}

/** A stored value as the template accepts it again (amounts in yuan, yes/no in words). */
function storedText(field: FieldDefinition, value: StoredValue): string {
  if (value === null) return '';
  if (field.type.kind === 'amount' && typeof value === 'number') return formatYuan(value);
  if (field.type.kind === 'yesNo') return value === 1 ? '是' : '否';
  return String(value);
}

type Reason = 'own' | 'unregistered' | 'replaces' | 'undivided';

const reasons: Record<Reason, { zh: string; en: string }> = {
  own: {
    zh: '不属于您的辖区：{header} {value} 不在您的辖区内',
    en: 'outside your jurisdiction: {header} {value} is not inside it',
  },
  unregistered: {
    zh: '不属于您的辖区：此人不在您辖区的户籍数据中（户籍数据审核通过后可重新提交；不在本地户籍的人员由县级用户导入）',
    en: 'outside your jurisdiction: the person is not on your jurisdiction’s registry (county-level users load people registered elsewhere)',
  },
  replaces: {
    zh: '不属于您的辖区：这条记录已由其他辖区登记，您不能修改',
    en: 'outside your jurisdiction: the record belongs to another jurisdiction and cannot be changed by you',
  },
  undivided: {
    zh: '不属于您的辖区：{dataset}只能由县级及以上用户导入',
    en: 'outside your jurisdiction: {dataset} is loaded at county level or above',
  },
};

function reasonOf(
  definition: DatasetDefinition,
  reason: Reason,
  field: FieldDefinition | undefined,
  value: string,
): { zh: string; en: string } {
  const fill = (text: string): string =>
    text
      .replace('{header}', field?.header ?? '')
      .replace('{value}', value)
      .replace('{dataset}', definition.name.zh);
  return { zh: fill(reasons[reason].zh), en: fill(reasons[reason].en) };
}

const page = 5_000;

export interface HeldRows {
  /** Rows moved to quarantine. */
  quarantined: number;
  /** Template fields those rows had filled (they no longer count towards completeness). */
  filled: number;
}

/**
 * Holds a batch that is being imported to its jurisdiction: every row outside it, or
 * replacing a live record outside it, leaves the batch for the quarantine with a plain
 * reason ("不属于您的辖区"), whatever channel brought it. Set-based: the rows outside are found
 * by one query and moved a page at a time. `root` is the deployment's jurisdiction, when
 * known: live records all lie inside it, so a batch covering it replaces nothing outside.
 */
export async function holdRowsToJurisdiction(
  tx: WriteTx,
  definition: DatasetDefinition,
  batchId: number,
  scope: Scope,
  root: string | undefined,
): Promise<HeldRows> {
  await fillPersonDivisions(tx, definition, batchId);
  const column = divisionColumn(definition);
  const table = sql.table(definition.table);
  const own = column === null ? sql`null` : sql.ref(`t.${column}`);
  const other = column === null ? sql`null` : sql.ref(`o.${column}`);
  const coversRoot = root !== undefined && jurisdictionCovers(scope.code, root);
  const replacesOutside = coversRoot
    ? sql`0`
    : sql`case when exists (select 1 from ${table} o
          where o.nk_hash = t.nk_hash and o.nk = t.nk and ${isLive('o')}
            and not (${insideSql(other, scope)})) then 1 else 0 end`;
  const outsideOwn = sql`case when ${insideSql(own, scope)} then 0 else 1 end`;
  const field = divisionField(definition);
  const held: HeldRows = { quarantined: 0, filled: 0 };
  let after = 0;
  for (;;) {
    const found = await sql<Record<string, StoredValue> & { own_out: number; replaces: number }>`
      select * from (
        select t.*, ${outsideOwn} as own_out, ${replacesOutside} as replaces
        from ${table} t where t.batch_id = ${batchId} and t.row_id > ${after}) c
      where c.own_out = 1 or c.replaces = 1
      order by c.row_id limit ${page}`.execute(tx);
    const rows = found.rows;
    if (rows.length === 0) break;
    after = Number(rows[rows.length - 1]!.row_id);
    const entries: QuarantineEntry[] = rows.map((row) => {
      const raw: Record<string, string> = {};
      let filled = 0;
      for (const f of definition.fields) {
        const value = row[columnOf(f)] ?? null;
        raw[f.header] = storedText(f, value);
        if (value !== null && value !== '') filled += 1;
      }
      held.filled += filled;
      if (typeof row.extra === 'string')
        Object.assign(raw, JSON.parse(row.extra) as Record<string, string>);
      const reason: Reason =
        column === null
          ? 'undivided'
          : row.own_out !== 1
            ? 'replaces'
            : definition.division.kind === 'column'
              ? 'own'
              : 'unregistered';
      const shown = definition.division.kind === 'column' ? (row[column ?? ''] ?? '') : '';
      const value = field ? (raw[field.header] ?? '') : '';
      const text = reasonOf(definition, reason, field, String(shown));
      return {
        rowNumber: Number(row.row_number),
        raw,
        problems: [
          {
            field: field?.key ?? null,
            header: field?.header ?? null,
            value,
            code: 'jurisdiction',
            zh: text.zh,
            en: text.en,
          },
        ],
      };
    });
    await insertQuarantine(tx, batchId, entries);
    const ids = rows.map((r) => Number(r.row_id));
    await sql`delete from ${table} where row_id in (${sql.join(ids)})`.execute(tx);
    if (definition.key === 'businesses') {
      const lines = rows.map((r) => Number(r.row_number));
      await sql`delete from ds_business_people where batch_id = ${batchId}
        and row_number in (${sql.join(lines)})`.execute(tx);
    }
    held.quarantined += rows.length;
  }
  return held;
}

/** Records the divisions the batch's rows lie in (after its rows are final). */
export async function recordBatchDivisions(
  tx: WriteTx,
  definition: DatasetDefinition,
  batchId: number,
): Promise<void> {
  await tx.deleteFrom('ingest_batch_divisions').where('batch_id', '=', batchId).execute();
  const column = divisionColumn(definition);
  if (column === null) return;
  await sql`insert into ingest_batch_divisions (batch_id, division_code)
    select distinct batch_id, ${sql.ref(column)} from ${sql.table(definition.table)}
    where batch_id = ${batchId} and ${sql.ref(column)} is not null`.execute(tx);
}
