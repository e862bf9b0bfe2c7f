import { composeIdNumber, idCheckChar } from '../../src/core/idNumber.js';
import type { FieldDefinition } from '../../src/ingest/datasetDefinition.js';
import type { StoredValue } from '../../src/ingest/fieldKinds.js';
import { fifteenDigitForm, newIdNumber, newIdNumberEndingInX } from './people.js';
import type { TestCell } from './templateFiles.js';
import type { TemplateRow } from './templateRows.js';

/**
 * Every accepted and every rejected form of the value rules (docs/reference/datasets.md),
 * applied to one field of a valid row: what a clerk may type, and what the import must make of it.
 */
export interface Variant {
  label: string;
  value: TestCell;
  expect: { stored: StoredValue } | { code: string };
  /** Only an XLSX file can hold it (a number or date cell). */
  xlsxOnly?: boolean;
}

const fullWidth = (text: string): string =>
  text.replace(/[0-9.]/g, (c) => (c === '.' ? '．' : String.fromCharCode(0xff10 + Number(c))));

function truncatedId(): string {
  for (;;) {
    const id = newIdNumber();
    const zeroed = `${id.slice(0, 15)}000`;
    if (idCheckChar(zeroed.slice(0, 17)) !== '0') return zeroed;
  }
}

function idVariants(): Variant[] {
  const x = newIdNumberEndingInX();
  const spaced = newIdNumber();
  const wide = newIdNumber();
  const old = newIdNumber({ year: 1962 });
  const wrong = newIdNumber();
  let numeric = newIdNumber();
  while (numeric.endsWith('X')) numeric = newIdNumber();
  return [
    { label: 'lowercase x', value: x.toLowerCase(), expect: { stored: x } },
    { label: 'surrounding spaces', value: `  ${spaced} `, expect: { stored: spaced } },
    { label: 'full-width digits', value: fullWidth(wide), expect: { stored: wide } },
    { label: '15-digit first generation', value: fifteenDigitForm(old), expect: { stored: old } },
    {
      label: 'wrong check digit',
      value: wrong.slice(0, 17) + (wrong[17] === '1' ? '2' : '1'),
      expect: { code: 'id.checkDigit' },
    },
    {
      label: 'impossible birth date',
      value: composeIdNumber('431226', '1970-02-30', 11),
      expect: { code: 'id.birthDate' },
    },
    { label: 'wrong length', value: wrong.slice(0, 17), expect: { code: 'id.length' } },
    { label: 'Excel scientific notation', value: '4.31226E+17', expect: { code: 'id.scientific' } },
    { label: 'last digits lost to Excel', value: truncatedId(), expect: { code: 'id.truncated' } },
    {
      label: 'number cell in Excel',
      value: Number(numeric),
      expect: { code: 'id.truncated' },
      xlsxOnly: true,
    },
  ];
}

function dateVariants(historical: boolean): Variant[] {
  const day = { stored: '2024-03-05' };
  return [
    { label: 'slashes', value: '2024/3/5', expect: day },
    { label: 'dots', value: '2024.3.5', expect: day },
    { label: 'compact', value: '20240305', expect: day },
    { label: 'Chinese', value: '2024年3月5日', expect: day },
    { label: 'Excel date serial', value: 45356, expect: day, xlsxOnly: true },
    {
      label: 'Excel date cell',
      value: new Date(Date.UTC(2024, 2, 5)),
      expect: day,
      xlsxOnly: true,
    },
    { label: 'impossible date', value: '2023-02-29', expect: { code: 'date.impossible' } },
    { label: 'not a date', value: '上个月', expect: { code: 'date.format' } },
    ...(historical
      ? [{ label: 'in the future', value: '2099-01-01', expect: { code: 'date.future' } }]
      : []),
  ];
}

export function variantsFor(field: FieldDefinition, base: TemplateRow): Variant[] {
  const variants: Variant[] = [];
  if (field.required)
    variants.push({ label: 'empty required', value: '', expect: { code: 'required' } });
  const type = field.type;
  switch (type.kind) {
    case 'idNumber':
      variants.push(...idVariants());
      break;
    case 'name': {
      const name = base[field.key] ?? '测甲';
      variants.push(
        {
          label: 'spaces inside',
          value: ` ${name.slice(0, 1)} ${name.slice(1)} `,
          expect: { stored: name },
        },
        {
          label: 'full-width spaces',
          value: `${name.slice(0, 1)}\u3000${name.slice(1)}`,
          expect: { stored: name },
        },
      );
      break;
    }
    case 'divisionCode':
      variants.push(
        { label: 'county prefix', value: '431226', expect: { stored: '431226000000' } },
        { label: 'township prefix', value: '431226101', expect: { stored: '431226101000' } },
        { label: 'another province', value: '110101001001', expect: { stored: '110101001001' } },
        {
          label: 'not in the national table',
          value: '431226101999',
          expect: { code: 'division.unknown' },
        },
        { label: 'wrong length', value: '4312261', expect: { code: 'division.format' } },
      );
      break;
    case 'date':
      variants.push(...dateVariants(type.historical));
      break;
    case 'month':
      variants.push(
        { label: 'slash', value: '2024/3', expect: { stored: '2024-03' } },
        { label: 'compact', value: '202403', expect: { stored: '2024-03' } },
        { label: 'Chinese', value: '2024年3月', expect: { stored: '2024-03' } },
        { label: 'month 13', value: '2024-13', expect: { code: 'month.impossible' } },
        { label: 'not a month', value: '三月', expect: { code: 'month.format' } },
      );
      break;
    case 'amount':
      variants.push(
        { label: 'thousands separator', value: '1,234.50', expect: { stored: 123450 } },
        { label: 'yuan suffix', value: '1234.50元', expect: { stored: 123450 } },
        { label: 'yen sign', value: '¥1234.5', expect: { stored: 123450 } },
        { label: 'full-width digits', value: '１２３４．５', expect: { stored: 123450 } },
        { label: 'number cell', value: 1234.5, expect: { stored: 123450 }, xlsxOnly: true },
        { label: 'negative', value: '-5', expect: { code: 'amount.negative' } },
        { label: 'not a number', value: '五百元', expect: { code: 'amount.format' } },
      );
      break;
    case 'enum':
      for (const value of type.values)
        variants.push({ label: `value ${value}`, value, expect: { stored: value } });
      for (const [alias, target] of Object.entries(type.aliases ?? {}).slice(0, 2)) {
        variants.push({ label: `alias ${alias}`, value: alias, expect: { stored: target } });
      }
      variants.push({ label: 'not allowed', value: '不知道', expect: { code: 'enum.unknown' } });
      break;
    case 'yesNo':
      variants.push(
        { label: 'yes', value: '是', expect: { stored: 1 } },
        { label: 'no', value: '否', expect: { stored: 0 } },
        { label: 'Y', value: 'Y', expect: { stored: 1 } },
        { label: 'neither', value: '也许', expect: { code: 'yesno.unknown' } },
      );
      break;
    case 'integer':
      variants.push(
        {
          label: 'full-width',
          value: fullWidth(String(Math.max(type.min, 1))),
          expect: { stored: Math.max(type.min, 1) },
        },
        { label: 'not an integer', value: '两个', expect: { code: 'integer.format' } },
        { label: 'out of range', value: String(type.max + 1), expect: { code: 'integer.range' } },
      );
      break;
    case 'decimal':
      variants.push(
        { label: 'with separator', value: '1,200.5', expect: { stored: 1200.5 } },
        { label: 'not a number', value: '约一百', expect: { code: 'decimal.format' } },
      );
      break;
    case 'creditCode': {
      const code = base[field.key]!;
      variants.push(
        { label: 'lower case', value: code.toLowerCase(), expect: { stored: code } },
        {
          label: 'wrong check character',
          value: code.slice(0, 17) + (code[17] === '0' ? '1' : '0'),
          expect: { code: 'credit.checkChar' },
        },
        { label: 'wrong length', value: code.slice(0, 17), expect: { code: 'credit.length' } },
      );
      break;
    }
    case 'idNumberList': {
      const [a, b] = [newIdNumber(), newIdNumber()];
      const bad = newIdNumber();
      variants.push(
        { label: 'full-width semicolon', value: `${a}；${b}`, expect: { stored: `${a};${b}` } },
        { label: 'enumeration comma', value: `${a}、${b}`, expect: { stored: `${a};${b}` } },
        {
          label: 'one invalid',
          value: `${a};${bad.slice(0, 17)}${bad[17] === '1' ? '2' : '1'}`,
          expect: { code: 'id.checkDigit' },
        },
      );
      break;
    }
    case 'codeList':
      variants.push(
        { label: 'enumeration comma', value: 'tk、LS', expect: { stored: 'TK;LS' } },
        { label: 'bad code', value: 'T K!', expect: { code: 'codes.format' } },
      );
      break;
    case 'programCode':
      variants.push(
        { label: 'lower case with spaces', value: ' db ', expect: { stored: 'DB' } },
        { label: 'Chinese', value: '低保', expect: { code: 'program.format' } },
      );
      break;
    case 'text':
      variants.push({
        label: 'too long',
        value: '长'.repeat(type.maxLength + 1),
        expect: { code: 'text.long' },
      });
      break;
  }
  return variants;
}
