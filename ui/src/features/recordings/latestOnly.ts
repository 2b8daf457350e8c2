// Loads for the newest key only, one load at a time: a key asked for while a load runs
// replaces any key already waiting, so a scrubber dragged across a recording, or playback at
// 100×, costs one query in flight and skips the times in between, and the screen always ends
// on the last time asked for. Outcomes arrive in the order the loads ran; none after dispose.
export type LoadOutcome<K, T> = { key: K; ok: true; value: T } | { key: K; ok: false; error: unknown };

export class LatestOnlyLoader<K, T> {
  private readonly load: (key: K) => Promise<T>;
  private readonly deliver: (outcome: LoadOutcome<K, T>) => void;
  private readonly same: (a: K, b: K) => boolean;
  private running = false;
  private waiting: { key: K } | null = null;
  private disposed = false;

  /** `same` tells two keys for the same thing apart from different ones (default: Object.is). */
  constructor(load: (key: K) => Promise<T>, deliver: (outcome: LoadOutcome<K, T>) => void, same: (a: K, b: K) => boolean = Object.is) {
    this.load = load;
    this.deliver = deliver;
    this.same = same;
  }

  request(key: K): void {
    if (this.disposed) return;
    if (this.running) {
      this.waiting = { key };
      return;
    }
    this.start(key);
  }

  /** No more loads start and no outcome is delivered. */
  dispose(): void {
    this.disposed = true;
    this.waiting = null;
  }

  private start(key: K): void {
    this.running = true;
    this.load(key).then(
      (value) => {
        this.finish({ key, ok: true, value });
      },
      (error: unknown) => {
        this.finish({ key, ok: false, error });
      },
    );
  }

  private finish(outcome: LoadOutcome<K, T>): void {
    this.running = false;
    if (this.disposed) return;
    const next = this.waiting;
    this.waiting = null;
    // The newer key's load starts before this outcome is shown, so the two overlap no query.
    if (next !== null && !this.same(next.key, outcome.key)) this.start(next.key);
    this.deliver(outcome);
  }
}
