// The app-wide list of errors shown in the banner. A small external store (not React
// state) so the query cache, which lives outside the component tree, can report too.
import type { AppError } from "../bindings/AppError";

export interface ReportedError {
  readonly id: number;
  readonly error: AppError;
}

const MAX_SHOWN = 3;

export class ErrorReporter {
  private errors: readonly ReportedError[] = [];
  private nextId = 1;
  private readonly listeners = new Set<() => void>();

  readonly report = (error: AppError): void => {
    const last = this.errors.at(-1);
    // The same failure twice in a row (a refetch, a double click) is one banner.
    if (last?.error.kind === error.kind && last.error.message === error.message) return;
    this.errors = [...this.errors, { id: this.nextId++, error }].slice(-MAX_SHOWN);
    this.emit();
  };

  readonly dismiss = (id: number): void => {
    this.errors = this.errors.filter((entry) => entry.id !== id);
    this.emit();
  };

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  readonly getSnapshot = (): readonly ReportedError[] => this.errors;

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
