import { beforeAll, describe, expect, it } from 'vitest';
import { divisionLevel, divisionPrefix } from '../core/divisionCode.js';
import { parseIdNumber } from '../core/idNumber.js';
import { parseAmount } from '../core/money.js';
import { parseDate, parseMonth } from '../core/dates.js';
import { datasetKeys } from '../ingest/datasetDefinition.js';
import { datasets } from '../ingest/datasets/index.js';
import { sexOfId } from '../ingest/datasets/common.js';
import { matchHeader } from '../ingest/headerMatching.js';
import { rowValidator } from '../ingest/validateRow.js';
import { isNationalDivision } from '../jurisdiction/nationalDivisions.js';
import { type DemoCounty, type DemoOptions, hitKey } from './demoCounty.js';
import { generateCounty } from './generateCounty.js';
import { referenceWarnings } from './referenceRules.js';

const options: DemoOptions = { region: '431226000000', people: 3000, seed: 1, year: 2024 };
const rules = Array.from({ length: 16 }, (_, i) => `R${String(i + 1).padStart(2, '0')}`);

let county: DemoCounty;
beforeAll(() => {
  county = generateCounty(options);
});

describe('generateCounty', () => {
  it('gives the same county for the same seed and another for another seed', () => {
    const again = generateCounty(options);
    expect(JSON.stringify(again)).toBe(JSON.stringify(county));
    const other = generateCounty({ ...options, seed: 2 });
    expect(JSON.stringify(other.rows.residents)).not.toBe(JSON.stringify(county.rows.residents));
  });

  it('has the requested number of residents and rows for all twelve templates', () => {
    expect(Object.keys(county.rows).sort()).toEqual([...datasetKeys].sort());
    expect(county.rows.residents).toHaveLength(3000);
    for (const key of datasetKeys) expect(county.rows[key]!.length, key).toBeGreaterThan(0);
    expect(county.today).toBe('2025-01-15');
  });

  it('writes exactly the template keys, in template order', () => {
    for (const key of datasetKeys) {
      const keys = datasets[key].fields.map((f) => f.key);
      for (const row of county.rows[key]!) expect(Object.keys(row)).toEqual(keys);
    }
  });

  it('passes the import validation of every template: no rejection, no warning, unique keys', () => {
    for (const key of datasetKeys) {
      const definition = datasets[key];
      const headers = definition.fields.map((f) => f.header);
      const validate = rowValidator(definition, matchHeader(definition, headers), headers, {
        today: county.today,
        source: 'demo',
      });
      const keys = new Set<string>();
      for (const row of county.rows[key]!) {
        const outcome = validate(definition.fields.map((f) => row[f.key] ?? ''));
        if (!outcome.accepted) throw new Error(`${key}: ${JSON.stringify(outcome.problems)}`);
        expect(outcome.notes, `${key} ${JSON.stringify(row)}`).toEqual([]);
        expect(keys.has(outcome.nk), `${key} natural key ${outcome.nk}`).toBe(false);
        keys.add(outcome.nk);
      }
    }
  });

  it('gives valid ID numbers, with sex and birth date as in the number', () => {
    const idFields: Record<string, string[]> = {};
    for (const key of datasetKeys)
      idFields[key] = datasets[key].fields
        .filter((f) => f.type.kind === 'idNumber')
        .map((f) => f.key);
    for (const key of datasetKeys)
      for (const row of county.rows[key]!)
        for (const field of idFields[key]!) {
          const value = row[field]!;
          if (value === '') continue;
          expect(parseIdNumber(value, county.today), `${key}.${field}`).toMatchObject({
            ok: true,
            value,
          });
        }
    for (const row of county.rows.residents!) {
      expect(row.gender).toBe(sexOfId(row.id_number!));
      expect(row.birth_date).toBe(parseIdNumber(row.id_number!, county.today).ok && row.birth_date);
      expect(
        `${row.id_number!.slice(6, 10)}-${row.id_number!.slice(10, 12)}-${row.id_number!.slice(12, 14)}`,
      ).toBe(row.birth_date);
    }
  });

  it('builds households with one head and ages that fit the relations', () => {
    const households = new Map<string, Record<string, string>[]>();
    for (const row of county.rows.residents!) {
      const list = households.get(row.household_id!) ?? [];
      list.push(row);
      households.set(row.household_id!, list);
    }
    const age = (row: Record<string, string>): number => 2024 - Number(row.birth_date!.slice(0, 4));
    for (const [id, members] of households) {
      expect(members.length, id).toBeLessThanOrEqual(6);
      const heads = members.filter((m) => m.relation_to_head === '户主');
      expect(heads, id).toHaveLength(1);
      const head = heads[0]!;
      for (const m of members) {
        if (['子', '女', '儿媳', '女婿'].includes(m.relation_to_head!))
          expect(age(head) - age(m)).toBeGreaterThanOrEqual(15);
        if (['孙子', '孙女'].includes(m.relation_to_head!))
          expect(age(head) - age(m)).toBeGreaterThanOrEqual(30);
        if (['父', '母'].includes(m.relation_to_head!))
          expect(age(m) - age(head)).toBeGreaterThanOrEqual(15);
        expect(new Set(members.map((x) => x.village_code)).size).toBe(1);
      }
      expect(new Set(members.map((m) => m.name)).size, id).toBe(members.length);
    }
  });

  it('places people, payments and complaints in real villages of the region', () => {
    const prefix = divisionPrefix(options.region);
    const codes = new Set([
      ...county.rows.residents!.map((r) => r.village_code!),
      ...county.rows.disbursements!.map((r) => r.village_code!),
      ...county.complaints.map((c) => c.village_code),
    ]);
    for (const code of codes) {
      expect(code.startsWith(prefix), code).toBe(true);
      expect(divisionLevel(code), code).toBe(5);
      expect(isNationalDivision(code), code).toBe(true);
    }
    for (const row of county.rows.officials!)
      expect(isNationalDivision(row.jurisdiction_code!)).toBe(true);
  });

  it('writes amounts, dates and months in their plain forms', () => {
    for (const key of datasetKeys)
      for (const field of datasets[key].fields)
        for (const row of county.rows[key]!) {
          const value = row[field.key]!;
          if (value === '') continue;
          if (field.type.kind === 'amount') {
            expect(value).toMatch(/^\d+\.\d\d$/);
            expect(parseAmount(value).ok).toBe(true);
          }
          if (field.type.kind === 'date')
            expect(
              parseDate(value, { historical: field.type.historical, today: county.today }),
            ).toEqual({
              ok: true,
              value,
            });
          if (field.type.kind === 'month') expect(parseMonth(value)).toEqual({ ok: true, value });
        }
    for (const c of county.complaints)
      expect(parseDate(c.received_date, { historical: true, today: county.today }).ok).toBe(true);
  });

  it('pays about twelve months per beneficiary of the monthly programmes', () => {
    const perBeneficiary = new Map<string, number>();
    for (const p of county.rows.disbursements!) {
      if (!['DB', 'TK', 'GL', 'CJ', 'YL'].includes(p.program_code!)) continue;
      const key = `${p.program_code}|${p.id_number}`;
      perBeneficiary.set(key, (perBeneficiary.get(key) ?? 0) + 1);
    }
    const counts = [...perBeneficiary.values()];
    const average = counts.reduce((a, b) => a + b, 0) / counts.length;
    expect(average).toBeGreaterThan(10);
    expect(new Set(county.rows.disbursements!.map((p) => p.record_id)).size).toBe(
      county.rows.disbursements!.length,
    );
  });

  it('injects every rule at least three times, each warning listed once', () => {
    const keys = county.expected.map(hitKey);
    expect(new Set(keys).size).toBe(keys.length);
    for (const rule of rules)
      expect(county.expected.filter((e) => e.rule === rule).length, rule).toBeGreaterThanOrEqual(3);
    for (const e of county.expected) {
      const payment = !['R13', 'R14', 'R15'].includes(e.rule);
      expect(e.program_code === null, e.rule).toBe(!payment);
      expect(e.note).not.toBe('');
    }
    const near = new Set(county.nearMisses.map(hitKey));
    for (const key of keys) expect(near.has(key), key).toBe(false);
    expect(new Set(county.nearMisses.map((n) => n.rule)).size).toBeGreaterThanOrEqual(15);
  });

  it('lists exactly the warnings a plain reading of docs/reference/rules.md raises', () => {
    const raised = referenceWarnings(county);
    expect([...raised.keys()].sort()).toEqual(county.expected.map(hitKey).sort());
    for (const near of county.nearMisses) expect(raised.has(hitKey(near)), near.note).toBe(false);
  });

  it.each([
    ['a township', '431226102000'],
    ['a village', '431226101203'],
  ])('works for %s as the region', (_, region) => {
    const small = generateCounty({ ...options, region, people: 1500 });
    const prefix = divisionPrefix(region);
    for (const row of small.rows.residents!)
      expect(row.village_code!.startsWith(prefix)).toBe(true);
    const raised = referenceWarnings(small);
    expect([...raised.keys()].sort()).toEqual(small.expected.map(hitKey).sort());
    expect(new Set(small.expected.map((e) => e.rule)).size).toBe(16);
  });
});
