import { composeIdNumber, idCheckChar } from '../../src/core/idNumber.js';

/**
 * Synthetic people for tests: valid ID numbers from a counter, obviously fake names. Never
 * copies of real people.
 */
const surnames = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜';
const given = ['测甲', '测乙', '试丙', '试丁', '样戊', '样己', '例庚', '例辛'];

let sequence = 0;

/** A new valid ID number of a person born in the given year (sex: odd sequence → man). */
export function newIdNumber(
  options: { region?: string; year?: number; female?: boolean } = {},
): string {
  sequence += 1;
  const year = options.year ?? 1950 + (sequence % 50);
  const month = 1 + (sequence % 12);
  const day = 1 + (sequence % 28);
  const birth = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  let order = (sequence * 7) % 1000;
  if (options.female !== undefined && order % 2 === (options.female ? 1 : 0))
    order = (order + 1) % 1000;
  return composeIdNumber(options.region ?? '431226', birth, order);
}

/** A new valid ID number whose check character is X. */
export function newIdNumberEndingInX(): string {
  for (;;) {
    const id = newIdNumber();
    if (idCheckChar(id.slice(0, 17)) === 'X') return id;
  }
}

export function fakeName(n: number): string {
  return surnames[n % surnames.length]! + given[n % given.length]!;
}

/** The first-generation (15-digit) form of an 18-digit number born in the 1900s. */
export function fifteenDigitForm(id18: string): string {
  return id18.slice(0, 6) + id18.slice(8, 17);
}
