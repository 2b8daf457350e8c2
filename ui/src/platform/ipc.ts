// The single wrapper around Tauri's invoke: every command goes through callCommand,
// which guarantees that a failure rejects with an AppError and nothing else.
import { invoke, type InvokeArgs } from "@tauri-apps/api/core";
import type { AppError } from "../bindings/AppError";
import { toAppError } from "./appError";

export async function callCommand<T>(command: string, args?: InvokeArgs): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (raw: unknown) {
    const error: AppError = toAppError(raw);
    // AppError is plain data by design (it crossed the IPC boundary as JSON), so the
    // promise rejects with it directly; TanStack Query is told so via its Register type.
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    throw error;
  }
}
