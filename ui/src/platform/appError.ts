// Turns whatever a rejected IPC call carried into a typed AppError.
// The backend rejects with a serialized AppError ({ kind, message }); Tauri itself
// rejects with plain strings (unknown command, missing argument) and the JS bridge
// throws TypeErrors when the page runs outside Tauri. Everything that is not a
// well-formed AppError becomes kind "internal", so components only ever branch on kind.
import type { AppError } from "../bindings/AppError";

// A Record rather than a list so that a kind added to the Rust enum (and so to the
// generated union) fails to compile here instead of silently becoming "internal".
const KNOWN_KINDS: Record<AppError["kind"], true> = {
  not_found: true,
  invalid_input: true,
  forbidden: true,
  unavailable: true,
  storage: true,
  keyring: true,
  internal: true,
};
const APP_ERROR_KINDS: ReadonlySet<string> = new Set(Object.keys(KNOWN_KINDS));

export function isAppError(value: unknown): value is AppError {
  if (typeof value !== "object" || value === null) return false;
  const { kind, message } = value as Record<string, unknown>;
  return typeof kind === "string" && APP_ERROR_KINDS.has(kind) && typeof message === "string";
}

export function toAppError(value: unknown): AppError {
  if (isAppError(value)) return { kind: value.kind, message: value.message };
  if (typeof value === "string" && value.trim() !== "") {
    return { kind: "internal", message: value };
  }
  if (value instanceof Error) {
    return { kind: "internal", message: value.message || value.name };
  }
  return { kind: "internal", message: `Unexpected error from the backend: ${describe(value)}` };
}

function describe(value: unknown): string {
  try {
    const text = JSON.stringify(value);
    return typeof text === "string" ? text : String(value);
  } catch {
    return String(value);
  }
}
