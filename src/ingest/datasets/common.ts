import type { FieldDefinition } from '../datasetDefinition.js';
import type { FieldKind } from '../fieldKinds.js';

/** Field helpers shared by the templates. */
export const idNumber: FieldKind = { kind: 'idNumber' };
export const personName: FieldKind = { kind: 'name' };
export const divisionCode: FieldKind = { kind: 'divisionCode' };
export const pastDate: FieldKind = { kind: 'date', historical: true };
export const anyDate: FieldKind = { kind: 'date', historical: false };
export const month: FieldKind = { kind: 'month' };
export const amount: FieldKind = { kind: 'amount' };
export const yesNo: FieldKind = { kind: 'yesNo' };
export const text = (maxLength = 200): FieldKind => ({ kind: 'text', maxLength });

export function field(
  key: string,
  header: string,
  type: FieldKind,
  options: { required?: boolean; aliases?: readonly string[]; column?: string } = {},
): FieldDefinition {
  return {
    key,
    header,
    type,
    required: options.required ?? false,
    ...(options.aliases ? { aliases: options.aliases } : {}),
    ...(options.column ? { column: options.column } : {}),
  };
}

export const required = { required: true } as const;

/** The sex digit (17th) of an ID number: odd for men. */
export function sexOfId(id: string): '男' | '女' {
  return Number(id[16]) % 2 === 1 ? '男' : '女';
}
