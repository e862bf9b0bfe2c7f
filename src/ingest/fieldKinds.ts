import { parseCreditCode } from '../core/creditCode.js';
import { parseDate, parseMonth, dateRejectionText } from '../core/dates.js';
import { normaliseDivisionCode } from '../core/divisionCode.js';
import { idRejectionText, parseIdNumber } from '../core/idNumber.js';
import { amountRejectionText, parseAmount } from '../core/money.js';
import { containsHan, foldFullWidth, removeSpaces, trimAll } from '../core/text.js';
import { isNationalDivision } from '../jurisdiction/nationalDivisions.js';
import type { Cell } from './readers/tableReader.js';
import { rejection, type Rejection } from './rejection.js';

/**
 * The kinds of values the templates hold (docs/reference/datasets.md, "Common value rules"),
 * each with its parser: the accepted forms become one stored form, the rest a Rejection in plain
 * Chinese. Parsers never guess a value that is not there.
 */
export type FieldKind =
  | { kind: 'idNumber' }
  | { kind: 'name' }
  | { kind: 'divisionCode' }
  | { kind: 'date'; historical: boolean }
  | { kind: 'month' }
  | { kind: 'amount' }
  | { kind: 'enum'; values: readonly string[]; aliases?: Readonly<Record<string, string>> }
  | { kind: 'yesNo' }
  | { kind: 'text'; maxLength: number }
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'decimal'; min: number; max: number }
  | { kind: 'creditCode' }
  | { kind: 'idNumberList' }
  | { kind: 'codeList' }
  | { kind: 'programCode' };

export type StoredValue = string | number | null;
/** The stored value, or why the value was refused (no wrapper object: this runs per cell). */
export type FieldResult = StoredValue | Rejection;

export interface ParseContext {
  /** ISO date of today in China, the bound of historical dates and birth dates. */
  today: string;
}

const ok = (value: StoredValue): FieldResult => value;
const fail = (reason: Rejection): FieldResult => reason;

// Refusals whose words never change are made once.
const idRejections = Object.fromEntries(
  Object.entries(idRejectionText).map(([reason, text]) => [
    reason,
    rejection(`id.${reason}`, text.zh, text.en),
  ]),
) as Record<keyof typeof idRejectionText, Rejection>;
const dateRejections = Object.fromEntries(
  Object.entries(dateRejectionText).map(([reason, text]) => [
    reason,
    rejection(`date.${reason}`, text.zh, text.en),
  ]),
) as Record<keyof typeof dateRejectionText, Rejection>;
const amountRejections = Object.fromEntries(
  Object.entries(amountRejectionText).map(([reason, text]) => [
    reason,
    rejection(`amount.${reason}`, text.zh, text.en),
  ]),
) as Record<keyof typeof amountRejectionText, Rejection>;

/** Cell → text as a clerk typed it (numbers from XLSX without float noise). */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && Math.abs(cell) < 1e21) return cell.toFixed(0);
    return String(Number(cell.toPrecision(15)));
  }
  return cell.toISOString().slice(0, 10);
}

export function isEmptyCell(cell: Cell): boolean {
  return cell === null || (typeof cell === 'string' && trimAll(cell) === '');
}

function dateOfCell(cell: Cell): string | number {
  // Excel date cells: exceljs gives a Date at UTC midnight of the calendar day.
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') return cell;
  return cellText(cell);
}

function excelNumberIdNumber(cell: Cell): boolean {
  // An ID stored as an Excel number has lost its digits past the 15th (or its X).
  return typeof cell === 'number' && cell >= 1e16;
}

function splitList(text: string): string[] {
  return foldFullWidth(text)
    .split(/[;；,，、\s]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

const yes = new Set(['是', 'Y', 'YES', 'TRUE', '1', '√']);
const no = new Set(['否', 'N', 'NO', 'FALSE', '0', '×']);

export function parseField(kind: FieldKind, cell: Cell, context: ParseContext): FieldResult {
  switch (kind.kind) {
    case 'idNumber': {
      if (excelNumberIdNumber(cell)) return fail(idRejections.truncated);
      const parsed = parseIdNumber(cellText(cell), context.today);
      return parsed.ok ? ok(parsed.value) : fail(idRejections[parsed.reason]);
    }
    case 'name': {
      const text = trimAll(foldFullWidth(cellText(cell)));
      const value = containsHan(text) ? removeSpaces(text) : text.replace(/\s+/g, ' ');
      if (value === '') return fail(rejection('name.empty', '姓名为空', 'empty name'));
      if (value.length > 60)
        return fail(rejection('name.long', '姓名过长（超过 60 个字符）', 'name too long'));
      return ok(value);
    }
    case 'divisionCode': {
      const text = cellText(cell);
      const code = normaliseDivisionCode(text);
      if (!code) {
        return fail(
          rejection(
            'division.format',
            '区划代码应为 12 位数字（或 6 位县级、9 位乡级代码）',
            'division code must have 6, 9 or 12 digits',
          ),
        );
      }
      if (!isNationalDivision(code)) {
        return fail(
          rejection(
            'division.unknown',
            `区划代码 ${trimAll(text)} 不在全国统计用区划代码表中`,
            'division code not in the national table',
          ),
        );
      }
      return ok(code);
    }
    case 'date': {
      const parsed = parseDate(dateOfCell(cell), {
        historical: kind.historical,
        today: context.today,
      });
      return parsed.ok ? ok(parsed.value) : fail(dateRejections[parsed.reason]);
    }
    case 'month': {
      const raw = cell instanceof Date ? cell.toISOString().slice(0, 7) : cellText(cell);
      const parsed = parseMonth(raw);
      if (parsed.ok) return ok(parsed.value);
      return fail(
        parsed.reason === 'format'
          ? rejection(
              'month.format',
              '期间格式无法识别（可用 2024-03、2024/3、202403、2024年3月）',
              'unrecognised month',
            )
          : rejection('month.impossible', '期间不存在', 'impossible month'),
      );
    }
    case 'amount': {
      const raw = typeof cell === 'number' ? Number(cell.toFixed(6)) : cellText(cell);
      const parsed = parseAmount(raw);
      return parsed.ok ? ok(parsed.fen) : fail(amountRejections[parsed.reason]);
    }
    case 'enum': {
      const text = removeSpaces(foldFullWidth(cellText(cell)));
      const value = kind.aliases?.[text] ?? text;
      if (kind.values.includes(value)) return ok(value);
      return fail(
        rejection(
          'enum.unknown',
          `“${text}”不是允许的取值（可选：${kind.values.join('、')}）`,
          `not one of ${kind.values.join(', ')}`,
        ),
      );
    }
    case 'yesNo': {
      const text = removeSpaces(foldFullWidth(cellText(cell))).toUpperCase();
      if (yes.has(text)) return ok(1);
      if (no.has(text)) return ok(0);
      return fail(rejection('yesno.unknown', `“${text}”应填“是”或“否”`, 'expected 是 or 否'));
    }
    case 'text': {
      const value = trimAll(cellText(cell));
      if (value.length > kind.maxLength) {
        return fail(
          rejection(
            'text.long',
            `内容过长（超过 ${kind.maxLength} 个字符）`,
            `longer than ${kind.maxLength}`,
          ),
        );
      }
      return ok(value);
    }
    case 'integer': {
      const text = removeSpaces(foldFullWidth(cellText(cell))).replace(/人$/, '');
      if (!/^-?\d+$/.test(text))
        return fail(rejection('integer.format', '应为整数', 'not an integer'));
      const value = Number(text);
      if (value < kind.min || value > kind.max) {
        return fail(
          rejection(
            'integer.range',
            `应在 ${kind.min} 到 ${kind.max} 之间`,
            `out of range ${kind.min}–${kind.max}`,
          ),
        );
      }
      return ok(value);
    }
    case 'decimal': {
      const text =
        typeof cell === 'number'
          ? String(cell)
          : removeSpaces(foldFullWidth(cellText(cell))).replace(/,/g, '');
      if (!/^-?\d+(\.\d+)?$/.test(text))
        return fail(rejection('decimal.format', '应为数字', 'not a number'));
      const value = Number(text);
      if (value < kind.min || value > kind.max) {
        return fail(
          rejection(
            'decimal.range',
            `应在 ${kind.min} 到 ${kind.max} 之间`,
            `out of range ${kind.min}–${kind.max}`,
          ),
        );
      }
      return ok(value);
    }
    case 'creditCode': {
      const parsed = parseCreditCode(cellText(cell));
      if (parsed.ok) return ok(parsed.value);
      const texts = {
        length: ['统一社会信用代码应为 18 位', 'credit code must have 18 characters'],
        characters: [
          '统一社会信用代码含有非法字符（不使用 I、O、Z、S、V）',
          'credit code has invalid characters',
        ],
        checkChar: ['统一社会信用代码校验位错误', 'credit code check character is wrong'],
      } as const;
      const [zh, en] = texts[parsed.reason];
      return fail(rejection(`credit.${parsed.reason}`, zh, en));
    }
    case 'idNumberList': {
      const values: string[] = [];
      for (const part of splitList(cellText(cell))) {
        const parsed = parseIdNumber(part, context.today);
        if (!parsed.ok) {
          const text = idRejectionText[parsed.reason];
          return fail(
            rejection(`id.${parsed.reason}`, `其中一个${text.zh}`, `one entry: ${text.en}`),
          );
        }
        if (!values.includes(parsed.value)) values.push(parsed.value);
      }
      return ok(values.length === 0 ? null : values.join(';'));
    }
    case 'codeList': {
      const values = splitList(cellText(cell)).map((p) => p.toUpperCase());
      if (values.some((v) => !/^[A-Z0-9_-]{1,20}$/.test(v))) {
        return fail(
          rejection('codes.format', '项目代码列表格式不对（用分号或顿号分隔）', 'bad code list'),
        );
      }
      return ok(values.length === 0 ? null : values.join(';'));
    }
    case 'programCode': {
      const value = removeSpaces(foldFullWidth(cellText(cell))).toUpperCase();
      if (!/^[A-Z0-9_-]{1,20}$/.test(value)) {
        return fail(
          rejection(
            'program.format',
            '项目代码只能由字母、数字组成（如 DB）',
            'bad programme code',
          ),
        );
      }
      return ok(value);
    }
    default: {
      const never: never = kind;
      return never;
    }
  }
}
