// Candidate ids, sorted, in one flat character array: a million 25-character ids take 25 MB here
// instead of ~56 MB as strings in an array (and ~28 MB more for a Map from id to position). The
// position of an id is its ordinal in the slate index, so comparing ordinals compares ids.

/** Sorted ids with lookup by binary search. Ordering is JavaScript's string `<` (UTF-16 code units). */
export class IdTable {
  private constructor(
    readonly length: number,
    /** Code units of every id, one after another (bytes when every code unit is below 256). */
    private readonly chars: Uint8Array | Uint16Array,
    /** Start of id k in `chars` (length + 1 entries), or null when every id is `width` long. */
    private readonly starts: Int32Array | null,
    private readonly width: number,
  ) {}

  /** `ids` must be sorted by `<` (duplicates allowed). */
  static from(ids: readonly string[]): IdTable {
    let total = 0;
    let wide = false;
    const width = ids.length > 0 ? (ids[0] as string).length : 0;
    let fixed = true;
    for (const id of ids) {
      total += id.length;
      if (id.length !== width) fixed = false;
      if (!wide) for (let k = 0; k < id.length; k++) if (id.charCodeAt(k) > 0xff) wide = true;
    }
    const chars = wide ? new Uint16Array(total) : new Uint8Array(total);
    const starts = fixed ? null : new Int32Array(ids.length + 1);
    let at = 0;
    ids.forEach((id, ordinal) => {
      if (starts) starts[ordinal] = at;
      for (let k = 0; k < id.length; k++) chars[at++] = id.charCodeAt(k);
    });
    if (starts) starts[ids.length] = at;
    return new IdTable(ids.length, chars, starts, width);
  }

  get byteLength(): number {
    return this.chars.byteLength + (this.starts?.byteLength ?? 0);
  }

  private start(ordinal: number): number {
    return this.starts ? (this.starts[ordinal] as number) : ordinal * this.width;
  }

  private end(ordinal: number): number {
    return this.starts ? (this.starts[ordinal + 1] as number) : (ordinal + 1) * this.width;
  }

  get(ordinal: number): string {
    const from = this.start(ordinal);
    const to = this.end(ordinal);
    let id = "";
    for (let at = from; at < to; at += 4096) id += String.fromCharCode(...this.chars.subarray(at, Math.min(to, at + 4096)));
    return id;
  }

  /** Compares the stored id at `ordinal` with `id` the way `<` does: negative, 0 or positive. */
  private compare(ordinal: number, id: string): number {
    const from = this.start(ordinal);
    const length = this.end(ordinal) - from;
    const shared = Math.min(length, id.length);
    for (let k = 0; k < shared; k++) {
      const difference = (this.chars[from + k] as number) - id.charCodeAt(k);
      if (difference !== 0) return difference;
    }
    return length - id.length;
  }

  /** The ordinal of `id`, or -1. */
  find(id: string): number {
    let low = 0;
    let high = this.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const order = this.compare(middle, id);
      if (order === 0) return middle;
      if (order < 0) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }
}
