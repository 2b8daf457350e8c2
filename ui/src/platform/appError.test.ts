import { describe, expect, it } from "vitest";
import { isAppError, toAppError } from "./appError";

describe("toAppError", () => {
  it("passes a backend AppError through unchanged (kind and message)", () => {
    const error = { kind: "invalid_input", message: "Bootstrap servers are required." };
    expect(toAppError(error)).toEqual(error);
  });

  it("keeps every kind the backend can send", () => {
    for (const kind of ["not_found", "invalid_input", "forbidden", "unavailable", "storage", "keyring", "internal"]) {
      expect(toAppError({ kind, message: "m" }).kind).toBe(kind);
    }
  });

  it("drops fields that are not part of AppError", () => {
    expect(toAppError({ kind: "storage", message: "disk full", stack: "x" })).toEqual({
      kind: "storage",
      message: "disk full",
    });
  });

  it("wraps a plain string rejection (Tauri's own errors) as internal", () => {
    expect(toAppError("command save_connection not found")).toEqual({
      kind: "internal",
      message: "command save_connection not found",
    });
  });

  it("wraps a thrown Error as internal with its message", () => {
    expect(toAppError(new TypeError("window.__TAURI_INTERNALS__ is undefined"))).toEqual({
      kind: "internal",
      message: "window.__TAURI_INTERNALS__ is undefined",
    });
  });

  it("treats an unknown kind or a missing message as an unknown shape", () => {
    const unknownKind = toAppError({ kind: "exploded", message: "boom" });
    expect(unknownKind.kind).toBe("internal");
    expect(unknownKind.message).toContain("exploded");

    const noMessage = toAppError({ kind: "storage" });
    expect(noMessage.kind).toBe("internal");
  });

  it("describes values that are not objects at all", () => {
    expect(toAppError(undefined)).toEqual({ kind: "internal", message: "Unexpected error from the backend: undefined" });
    expect(toAppError(42).message).toContain("42");
    expect(toAppError(null).kind).toBe("internal");
  });
});

describe("isAppError", () => {
  it("accepts only well-formed AppErrors", () => {
    expect(isAppError({ kind: "forbidden", message: "support may not produce" })).toBe(true);
    expect(isAppError({ kind: "forbidden", message: 3 })).toBe(false);
    expect(isAppError("forbidden")).toBe(false);
  });
});
