/**
 * Fast non-cryptographic hashes (cyrb53's mixing) for rows and natural keys. They only
 * need to tell different records and different versions apart, a million times a file, at a
 * fraction of a cryptographic hash's cost. Where a collision would matter (two records
 * sharing a key hash), the natural key text is compared as well.
 */
function mix(text: string, seed: number, out: Uint32Array): void {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  out[0] = h1 >>> 0;
  out[1] = h2 >>> 0;
}

const scratch = new Uint32Array(2);

/** A 53-bit hash as a safe integer (what the database stores). */
export function rowHash(text: string): number {
  mix(text, 0, scratch);
  return 4294967296 * (2097151 & scratch[1]!) + scratch[0]!;
}

/** The 64 bits of a key's hash, in two halves, written into `out` (no allocation). */
export function keyHash(text: string, out: Uint32Array): void {
  mix(text, 0x9e3779b9, out);
}

/** The stored 53-bit form of a key hash. */
export function keyHash53(hash: Uint32Array): number {
  return 4294967296 * (2097151 & hash[1]!) + hash[0]!;
}

/** The same mixing fed value by value, so a row's hash needs no concatenated string. */
export class RowHasher {
  private h1 = 0;
  private h2 = 0;

  reset(): void {
    this.h1 = 0xdeadbeef;
    this.h2 = 0x41c6ce57;
  }

  add(text: string): void {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = 0; i < text.length; i += 1) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  /** Marks the end of a value (so "ab","c" and "a","bc" differ). */
  separate(): void {
    this.h1 = Math.imul(this.h1 ^ 31, 2654435761);
    this.h2 = Math.imul(this.h2 ^ 31, 1597334677);
  }

  /** The 53-bit result. */
  value(): number {
    let h1 = this.h1;
    let h2 = this.h2;
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return 4294967296 * (2097151 & (h2 >>> 0)) + (h1 >>> 0);
  }
}
