/**
 * How many times each hash text was met, in bounded memory for a file of a million lines. The
 * app's fingerprints (32 lowercase hex digits) are kept as four 32-bit words in typed arrays:
 * 16 bytes a line plus its slot, where a string in an array costs about 120 (the 1M-line import
 * held 130 MB of them). Any other text (tests' short hashes, a different hash) goes to a Map, so
 * the counts are exact whatever `hash` returns.
 */
export class OccurrenceTable {
  private mask = (1 << 12) - 1;
  /** Open addressing: entry index + 1, 0 when free. */
  private slots = new Int32Array(this.mask + 1);
  private words = new Uint32Array(4 << 10);
  private repeats = new Uint32Array(1 << 10);
  private size = 0;
  private readonly others = new Map<string, number>();
  private readonly key = new Uint32Array(4);

  /** How many times `text` was met before this call (0 the first time); counts this one. */
  seen(text: string): number {
    if (!this.hexKey(text)) {
      const n = this.others.get(text) ?? 0;
      this.others.set(text, n + 1);
      return n;
    }
    const [k0 = 0, k1 = 0, k2 = 0, k3 = 0] = this.key;
    const w = this.words;
    let at = slotOf(k0, k1, k2, k3) & this.mask;
    for (let probe = this.slots[at] ?? 0; probe !== 0; probe = this.slots[at] ?? 0) {
      const e = (probe - 1) * 4;
      if (w[e] === k0 && w[e + 1] === k1 && w[e + 2] === k2 && w[e + 3] === k3) {
        // `repeats` holds the sightings after the first: this one is the (n + 1)-th.
        const n = (this.repeats[probe - 1] ?? 0) + 1;
        this.repeats[probe - 1] = n;
        return n;
      }
      at = (at + 1) & this.mask;
    }
    this.append(k0, k1, k2, k3);
    this.slots[at] = this.size;
    if (this.size * 2 > this.mask) this.grow();
    return 0;
  }

  /** Reads a 32-digit lowercase hex text into `key`; false for any other text. */
  private hexKey(text: string): boolean {
    if (text.length !== 32) return false;
    for (let word = 0; word < 4; word++) {
      let v = 0;
      for (let i = word * 8; i < word * 8 + 8; i++) {
        const c = text.charCodeAt(i);
        const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1;
        if (d < 0) return false;
        v = v * 16 + d;
      }
      this.key[word] = v;
    }
    return true;
  }

  private append(k0: number, k1: number, k2: number, k3: number): void {
    if (this.size === this.repeats.length) {
      const words = new Uint32Array(this.words.length * 2);
      words.set(this.words);
      this.words = words;
      const repeats = new Uint32Array(this.repeats.length * 2);
      repeats.set(this.repeats);
      this.repeats = repeats;
    }
    const e = this.size * 4;
    this.words[e] = k0;
    this.words[e + 1] = k1;
    this.words[e + 2] = k2;
    this.words[e + 3] = k3;
    this.size += 1;
  }

  private grow(): void {
    const size = (this.mask + 1) * 2;
    const next = new Int32Array(size);
    for (let k = 0; k < this.size; k++) {
      const w = this.words;
      let at = slotOf(w[k * 4] ?? 0, w[k * 4 + 1] ?? 0, w[k * 4 + 2] ?? 0, w[k * 4 + 3] ?? 0) & (size - 1);
      while ((next[at] ?? 0) !== 0) at = (at + 1) & (size - 1);
      next[at] = k + 1;
    }
    this.slots = next;
    this.mask = size - 1;
  }
}

/** A table slot from the four words, mixed: a hex text need not be uniformly random (zero-padded numbers). */
function slotOf(a: number, b: number, c: number, d: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ b ^ (h >>> 15), 0xc2b2ae35);
  h = Math.imul(h ^ c ^ (h >>> 13), 0x85ebca6b);
  h = Math.imul(h ^ d ^ (h >>> 16), 0xc2b2ae35);
  return (h ^ (h >>> 15)) >>> 0;
}
