// Exercises the real invoke path through Tauri's IPC mock: the command names and
// argument shapes the Rust side expects, and the normalisation of rejections.
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import type { ProfileDraft } from "../bindings/ProfileDraft";
import { deleteConnection, fetchDiagnostics, listConnections, saveConnection, testConnection } from "./commands";

const draft: ProfileDraft = {
  id: null,
  name: "Local",
  environment: "dev",
  kafka: null,
  schemaRegistry: null,
  flink: { url: "http://127.0.0.1:18082", auth: "none", username: null, caPem: null },
  secrets: [],
};

afterEach(() => {
  clearMocks();
});

describe("platform commands", () => {
  it("sends the command name and camelCase arguments the Rust handlers take", async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      if (cmd === "save_connection") return { ...draft, id: "new-id" };
      return null;
    });

    await saveConnection(draft);
    await deleteConnection("abc");
    await testConnection("abc");

    expect(calls).toEqual([
      ["save_connection", { draft }],
      ["delete_connection", { id: "abc" }],
      ["test_connection", { id: "abc" }],
    ]);
  });

  it("resolves with the backend's value", async () => {
    mockIPC((cmd) => (cmd === "diagnostics" ? "streamlens 0.1.0\nos: linux" : null));
    await expect(fetchDiagnostics()).resolves.toBe("streamlens 0.1.0\nos: linux");
  });

  it("rejects with the backend's AppError as-is", async () => {
    mockIPC(() => {
      // Tauri rejects with the serialized Rust error: plain data, not an Error.
      // eslint-disable-next-line @typescript-eslint/only-throw-error
      throw { kind: "keyring", message: "The Secret Service is not running." };
    });
    await expect(listConnections()).rejects.toEqual({
      kind: "keyring",
      message: "The Secret Service is not running.",
    });
  });

  it("rejects with an internal AppError when Tauri rejects with a string", async () => {
    mockIPC(() => {
      // Tauri's own failures (bad arguments, unknown command) reject with a string.
      // eslint-disable-next-line @typescript-eslint/only-throw-error
      throw "missing required key draft";
    });
    await expect(saveConnection(draft)).rejects.toEqual({ kind: "internal", message: "missing required key draft" });
  });

  it("rejects with an internal AppError when not running inside Tauri at all", async () => {
    // No mockIPC: window.__TAURI_INTERNALS__ is absent, as in a plain browser tab.
    const failure: unknown = await listConnections().then(
      () => "resolved",
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ kind: "internal" });
    expect(typeof (failure as { message: unknown }).message).toBe("string");
  });
});
