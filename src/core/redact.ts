/**
 * Masking of personal identifiers. A full ID number or bank account must never reach a
 * public page, a log line or an error message; these functions are the only way such
 * values are shown outside the database.
 */

// Bounded by anything but digits: an ID glued to letters ("ID4312…", "…001Xabc") is still one,
// and masking a digit run inside some hash costs nothing.
const idLike = /(?<!\d)(\d{6})(\d{8,11})([\dXx])(?!\d)/g;
// An 18-character ID number with the check letter X, whatever follows it (a certificate
// number adds digits to it).
const idWithX = /(?<!\d)\d{17}[Xx]/g;
// 13 digits or more: bank accounts. Twelve-digit division codes are not personal and stay.
const longDigits = /(?<!\d)\d{13,}(?!\d)/g;

/** 431226193803120015 → 431226********0015 (keeps the region and the last four). */
export function maskIdNumber(id: string): string {
  const value = id.trim();
  if (value.length <= 8) return '*'.repeat(value.length);
  return value.slice(0, 6) + '*'.repeat(value.length - 10) + value.slice(-4);
}

/** 6222021234567890123 → 6222 **** **** 0123 style: first four and last four. */
export function maskBankAccount(account: string): string {
  const value = account.replace(/\s+/g, '');
  if (value.length <= 8) return '*'.repeat(value.length);
  return value.slice(0, 4) + '*'.repeat(value.length - 8) + value.slice(-4);
}

/** 张三丰 → 张*丰, 张三 → 张*, and for other names the first letter only. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  if (chars.length === 1) return chars[0]!;
  if (chars.length === 2) return `${chars[0]!}*`;
  return chars[0]! + '*'.repeat(chars.length - 2) + chars[chars.length - 1]!;
}

/** 13812345678 → 138****5678 */
export function maskPhone(phone: string): string {
  const value = phone.trim();
  if (value.length < 7) return '*'.repeat(value.length);
  return value.slice(0, 3) + '*'.repeat(value.length - 7) + value.slice(-4);
}

/**
 * Masks anything in free text that looks like an ID number (15 or 18 characters) or a long
 * digit run such as a bank account. Used on every error message and log line.
 */
export function redactText(text: string): string {
  return text
    .replace(idWithX, (id: string) => maskIdNumber(id))
    .replace(idLike, (_whole, head: string, middle: string, last: string) => {
      const full = head + middle + last;
      return full.length === 15 || full.length === 18 ? maskIdNumber(full) : full;
    })
    .replace(longDigits, (whole: string) => maskBankAccount(whole));
}
