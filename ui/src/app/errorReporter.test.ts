import { describe, expect, it, vi } from "vitest";
import { ErrorReporter } from "./errorReporter";

describe("ErrorReporter", () => {
  it("keeps the latest three errors, collapsing an immediate repeat", () => {
    const reporter = new ErrorReporter();
    const listener = vi.fn();
    reporter.subscribe(listener);
    for (const message of ["a", "a", "b", "c", "d"]) reporter.report({ kind: "internal", message });
    expect(reporter.getSnapshot().map((e) => e.error.message)).toEqual(["b", "c", "d"]);
    expect(listener).toHaveBeenCalledTimes(4);
  });

  it("dismisses by id", () => {
    const reporter = new ErrorReporter();
    reporter.report({ kind: "storage", message: "x" });
    reporter.report({ kind: "keyring", message: "y" });
    const first = reporter.getSnapshot()[0];
    if (first === undefined) throw new Error("no error reported");
    reporter.dismiss(first.id);
    expect(reporter.getSnapshot().map((e) => e.error.kind)).toEqual(["keyring"]);
  });
});
