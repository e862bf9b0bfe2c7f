import { maskBankAccount, maskIdNumber, redactText } from '../core/redact.js';

// What redactText leaves: an ID number or a long digit run inside a longer token, such as a
// disability certificate number (the ID number and two more digits, 43122619550606035X42).
const embedded = /\d{13,}[Xx]?/g;

/**
 * Masks ID numbers and bank accounts in a warning's text (an explanation, a record
 * reference, a fact of its evidence), also where they are part of a longer token.
 */
export function maskNumbers(text: string): string {
  return redactText(text).replace(embedded, (found: string) =>
    found.length === 18 || /[Xx]$/.test(found) ? maskIdNumber(found) : maskBankAccount(found),
  );
}
