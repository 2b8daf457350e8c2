// An in-memory Storage for the session tests: what localStorage holds, without the global,
// and a variant that refuses every call (a disabled or full storage).
import type { KeyValueStore } from "../app/windowSession";

export class MemoryStore implements KeyValueStore {
  readonly items = new Map<string, string>();

  get length(): number {
    return this.items.size;
  }

  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }

  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }

  removeItem(key: string): void {
    this.items.delete(key);
  }

  /** The stored value of `key`, parsed. */
  json(key: string): unknown {
    const raw = this.items.get(key);
    return raw === undefined ? undefined : JSON.parse(raw);
  }
}

export class RefusingStore implements KeyValueStore {
  get length(): number {
    throw new Error("SecurityError");
  }

  key(): string | null {
    throw new Error("SecurityError");
  }

  getItem(): string | null {
    throw new Error("SecurityError");
  }

  setItem(): void {
    throw new Error("QuotaExceededError");
  }

  removeItem(): void {
    throw new Error("SecurityError");
  }
}
