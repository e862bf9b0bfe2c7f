import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { JianduError } from '../core/errors.js';

/** Argon2id with the library's defaults (19 MiB, 2 passes): the OWASP recommendation. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash of a random password, verified against when a user name is unknown, so timing tells nothing. */
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(crypto.randomBytes(16).toString('hex'));
  return decoy;
}

const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/** A one-time password: 16 characters without look-alikes (0/O, 1/l/I). */
export function generateOneTimePassword(): string {
  let out = '';
  for (let i = 0; i < 16; i += 1) out += alphabet.charAt(crypto.randomInt(alphabet.length));
  // Make sure it satisfies the policy it will be replaced under.
  return /\d/.test(out) && /[A-Za-z]/.test(out) ? out : generateOneTimePassword();
}

export const minPasswordLength = 10;

export function assertStrongPassword(password: string): void {
  if (password.length < minPasswordLength || !/\d/.test(password) || !/\p{L}/u.test(password)) {
    throw new JianduError('WEAK_PASSWORD', { min: minPasswordLength });
  }
}
