/**
 * The case ids an index pass has met, kept in a fixed amount of memory: a
 * Bloom filter (Bloom 1970) of 2^25 bits (4 MB), 8 probes per id, by double
 * hashing of two 32-bit hashes of the id's UTF-8 bytes (Kirsch and
 * Mitzenmacher 2006).
 *
 * `add` never says "new" for an id added before: an answer of "maybe met
 * before" is the only one that can be wrong. The index pass takes that answer
 * as "the rows are not grouped by case", and the file is then read the way a
 * file whose rows are not grouped is read (sorted by case through temporary
 * files), which gives the same output. A wrong "maybe" costs time, never a
 * different figure. The expected number of wrong answers over a whole file,
 * the sum over its ids of (1 - e^(-8i/2^25))^8, grows with the number of
 * cases: about 1e-9 for 100,000 cases, 1.5e-3 for 500,000, 0.5 for a million
 * (so such a file is often sorted, and correctly).
 */
const LOG2_BITS = 25;
const PROBES = 8;

export class IdFilter {
  private readonly words: Int32Array;
  private readonly mask: number;

  constructor(log2Bits: number = LOG2_BITS) {
    this.words = new Int32Array(2 ** (log2Bits - 5));
    this.mask = 2 ** log2Bits - 1;
  }

  /**
   * Adds the id `bytes[from, to)`. False: it was certainly not added before;
   * true: it may have been.
   * @example
   * const f = new IdFilter();
   * f.add(Buffer.from('C1'), 0, 2); // false
   * f.add(Buffer.from('C1'), 0, 2); // true
   */
  add(bytes: Uint8Array, from: number, to: number): boolean {
    // FNV-1a, and a second hash over the same bytes with another multiplier; both finished by murmur3's mixer.
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c;
    for (let i = from; i < to; i++) {
      const b = bytes[i]!;
      h1 = Math.imul(h1 ^ b, 0x01000193);
      h2 = Math.imul(h2 ^ b, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    h1 = mix(h1 ^ (to - from));
    h2 = mix(h2) | 1;
    const words = this.words;
    const mask = this.mask;
    let met = true;
    for (let k = 0; k < PROBES; k++) {
      const bit = (h1 + Math.imul(k, h2)) & mask;
      const w = bit >>> 5;
      const m = 1 << (bit & 31);
      if ((words[w]! & m) === 0) {
        met = false;
        words[w] = words[w]! | m;
      }
    }
    return met;
  }
}

/** murmur3's 32-bit finaliser. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
