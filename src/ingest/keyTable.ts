/**
 * The natural keys seen so far in one file, by their 64-bit hash, with the content hash and
 * row number of the first row that had each: an open-addressing table on typed arrays, so a
 * key costs a few dozen bytes, a fraction of what a Map of strings would take.
 */
export class KeyTable {
  private capacity = 1 << 16;
  private size = 0;
  private lo = new Uint32Array(this.capacity);
  private hi = new Uint32Array(this.capacity);
  private used = new Uint8Array(this.capacity);
  private contents = new Float64Array(this.capacity);
  private rows = new Float64Array(this.capacity);

  /** The slot of the key, or -1 when it is new (and is then added with these values). */
  findOrAdd(hash: Uint32Array, content: number, rowNumber: number): number {
    if (this.size * 2 >= this.capacity) this.grow();
    const lo = hash[0]!;
    const hi = hash[1]!;
    const mask = this.capacity - 1;
    let slot = (lo ^ Math.imul(hi, 0x9e3779b1)) & mask;
    while (this.used[slot] === 1) {
      if (this.lo[slot] === lo && this.hi[slot] === hi) return slot;
      slot = (slot + 1) & mask;
    }
    this.used[slot] = 1;
    this.lo[slot] = lo;
    this.hi[slot] = hi;
    this.contents[slot] = content;
    this.rows[slot] = rowNumber;
    this.size += 1;
    return -1;
  }

  contentAt(slot: number): number {
    return this.contents[slot]!;
  }

  rowNumberAt(slot: number): number {
    return this.rows[slot]!;
  }

  private grow(): void {
    const old = {
      lo: this.lo,
      hi: this.hi,
      used: this.used,
      contents: this.contents,
      rows: this.rows,
      capacity: this.capacity,
    };
    this.capacity *= 2;
    this.size = 0;
    this.lo = new Uint32Array(this.capacity);
    this.hi = new Uint32Array(this.capacity);
    this.used = new Uint8Array(this.capacity);
    this.contents = new Float64Array(this.capacity);
    this.rows = new Float64Array(this.capacity);
    const hash = new Uint32Array(2);
    for (let i = 0; i < old.capacity; i += 1) {
      if (old.used[i] !== 1) continue;
      hash[0] = old.lo[i]!;
      hash[1] = old.hi[i]!;
      this.findOrAdd(hash, old.contents[i]!, old.rows[i]!);
    }
  }
}
