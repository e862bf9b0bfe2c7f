import crypto from 'node:crypto';

/** SHA-256 of an ID number (upper case): users.id_number_hash, compared with a network's people. */
export function idNumberHash(idNumber: string): string {
  return crypto.createHash('sha256').update(idNumber.trim().toUpperCase()).digest('hex');
}
