import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { NetworkEdge } from '../api/warnings.js';
import { isLive } from '../ingest/liveRows.js';

/** A person of the network by full ID number: for the server only (the API masks it). */
export interface NetworkPerson {
  id: string;
  name: string;
  village: string | null;
  official: boolean;
  depth: number;
}

/** The network by full ID numbers; the route gives the people opaque references. */
export interface RawNetwork {
  center: string;
  nodes: NetworkPerson[];
  edges: NetworkEdge[];
}

interface EdgeRow {
  a: string;
  b: string;
  b_name: string | null;
  detail: string | null;
}

/**
 * The relationship network around one person, from the live data: household (户籍), declared
 * relations either way (亲属关系申报), bank accounts (payments into another's account, or
 * others' payments into this person's), shared phone numbers and addresses in the registry,
 * and the households of declared relatives (the second hop the rules also use). Each edge
 * names its source, so an inspector can see why two people are linked.
 */
export async function personNetwork(
  db: Kysely<Database>,
  id: string,
  options: { limit?: number } = {},
): Promise<RawNetwork> {
  const limit = options.limit ?? 200;
  const edges: NetworkEdge[] = [];
  const names = new Map<string, string>();
  const add = (
    rows: EdgeRow[],
    kind: NetworkEdge['kind'],
    source: string,
    detail: (row: EdgeRow) => string,
  ): void => {
    for (const row of rows) {
      if (row.a === row.b) continue;
      if (row.b_name) names.set(row.b, row.b_name);
      edges.push({ from: row.a, to: row.b, kind, source, detail: detail(row) });
    }
  };
  const households = async (people: string[]): Promise<EdgeRow[]> =>
    people.length === 0
      ? []
      : (
          await sql<EdgeRow>`select r.id_number as a, m.id_number as b, m.name as b_name, m.relation_to_head as detail
            from ds_residents r join ds_residents m on ${isLive('m')} and m.status = '正常' and m.household_id = r.household_id
            where ${isLive('r')} and r.status = '正常' and r.id_number in (${sql.join(people)})
            limit ${limit}`.execute(db)
        ).rows;

  add(
    await households([id]),
    'household',
    '户籍人口（同户）',
    (r) => `同户，与户主关系：${r.detail ?? ''}`,
  );
  const declared = (
    await sql<EdgeRow>`select official_id_number as a, relative_id_number as b, relative_name as b_name, relation as detail
      from ds_relations where ${isLive()} and (official_id_number = ${id} or relative_id_number = ${id}) limit ${limit}`.execute(
      db,
    )
  ).rows;
  add(declared, 'declared', '亲属关系申报', (r) => `申报关系：${r.detail ?? ''}`);
  const accounts = (
    await sql<EdgeRow>`select distinct id_number as a, account_holder_id_number as b, account_holder as b_name, bank_account as detail
      from ds_disbursements where ${isLive()} and account_holder_id_number is not null and account_holder_id_number <> id_number
        and (id_number = ${id} or account_holder_id_number = ${id}) limit ${limit}`.execute(db)
  ).rows;
  add(
    accounts,
    'account',
    '民生资金发放明细（收款账户）',
    (r) => `发放款打入对方账户 ${maskAccount(r.detail)}`,
  );
  const handled = (
    await sql<EdgeRow>`select distinct handler_id_number as a, id_number as b, name as b_name, program_code as detail
      from ds_disbursements where ${isLive()} and handler_id_number is not null and (handler_id_number = ${id} or id_number = ${id})
      limit ${limit}`.execute(db)
  ).rows;
  add(handled, 'handler', '民生资金发放明细（经办人）', (r) => `经办 ${r.detail ?? ''} 项目发放`);
  for (const [column, kind, label] of [
    ['phone', 'phone', '联系电话'],
    ['address', 'address', '住址'],
  ] as const) {
    const rows = (
      await sql<EdgeRow>`select r.id_number as a, o.id_number as b, o.name as b_name, o.${sql.ref(column)} as detail
        from ds_residents r join ds_residents o on ${isLive('o')} and o.${sql.ref(column)} = r.${sql.ref(column)}
          and o.household_id <> r.household_id
        where ${isLive('r')} and r.id_number = ${id} and r.${sql.ref(column)} is not null and r.${sql.ref(column)} <> ''
        limit ${limit}`.execute(db)
    ).rows;
    add(rows, kind, `户籍人口（相同${label}）`, () => `相同${label}`);
  }
  // Second hop: the households of the declared relatives.
  const relatives = declared.map((r) => (r.a === id ? r.b : r.a));
  add(
    await households(relatives),
    'household',
    '户籍人口（亲属的同户人员）',
    (r) => `亲属的同户人员，与户主关系：${r.detail ?? ''}`,
  );

  const people = new Set<string>([id, ...edges.flatMap((e) => [e.from, e.to])]);
  const list = [...people];
  const info = list.length
    ? (
        await sql<{ id_number: string; name: string; village_code: string | null }>`
          select r.id_number, r.name, r.village_code from ds_residents r
          where ${isLive('r')} and r.id_number in (${sql.join(list)})`.execute(db)
      ).rows
    : [];
  const byId = new Map(info.map((r) => [r.id_number, r]));
  const officials = list.length
    ? new Set(
        (
          await sql<{
            id_number: string;
          }>`select distinct id_number from ds_officials where ${isLive()} and id_number in (${sql.join(list)})`.execute(
            db,
          )
        ).rows.map((r) => r.id_number),
      )
    : new Set<string>();
  const direct = new Set(
    edges.filter((e) => e.from === id || e.to === id).flatMap((e) => [e.from, e.to]),
  );
  return {
    center: id,
    nodes: list.map((person) => ({
      id: person,
      name: byId.get(person)?.name ?? names.get(person) ?? person,
      village: byId.get(person)?.village_code ?? null,
      official: officials.has(person),
      depth: person === id ? 0 : direct.has(person) ? 1 : 2,
    })),
    edges,
  };
}

function maskAccount(account: string | null): string {
  if (!account) return '';
  return account.length > 8 ? `${account.slice(0, 4)}****${account.slice(-4)}` : account;
}
