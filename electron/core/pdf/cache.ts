// A bounded cache that keeps what is used often: the engine's shaping, layout and operand caches.

/**
 * At most two generations of `generation` entries. New entries go into the young one; when it is full the old one
 * is dropped and the young one becomes old; a hit in the old one moves the entry back into the young one. So the
 * words and paragraphs every letter of a batch repeats stay, and each letter's own names, amounts and codes (which
 * never repeat) fall out after two generations, without the cost of reordering on every hit. (Clearing everything
 * when full, as before, made every clear shape and lay out the common words again.)
 */
export class GenerationalCache<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();

  constructor(private readonly generation: number) {}

  get(key: K): V | undefined {
    const hit = this.young.get(key);
    if (hit !== undefined) return hit;
    const aged = this.old.get(key);
    if (aged !== undefined) this.set(key, aged);
    return aged;
  }

  set(key: K, value: V): void {
    if (this.young.size >= this.generation) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }

  /** Entries held, counting one moved back from the old generation twice. */
  get size(): number {
    return this.young.size + this.old.size;
  }
}
