// The access commands through Tauri's IPC mock: names and argument shapes the Rust
// handlers take, the backend's answers, and a refusal passed on as an AppError.
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import type { AppInfo } from "../bindings/AppInfo";
import type { AuditEntry } from "../bindings/AuditEntry";
import { auditEntries, verifyAudit, viewAs } from "./access";

afterEach(() => {
  clearMocks();
});

const info: AppInfo = { version: "0.1.0", dataDir: "/data", logFile: "/data/streamlens.log", role: "support" };

const entry: AuditEntry = {
  seq: 1,
  at: "2026-01-01T12:00:00.000Z",
  user: "ann",
  role: "developer",
  action: "browse",
  connection: "Local",
  detail: '{"topic":"demo.payments"}',
};

describe("access commands", () => {
  it("sends the command names and arguments the Rust handlers take", async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      switch (cmd) {
        case "view_as":
          return info;
        case "audit_entries":
          return [entry];
        default:
          return { rows: 1, intact: true, brokenAt: null, problem: null };
      }
    });

    await expect(viewAs("support")).resolves.toEqual(info);
    await expect(auditEntries(200)).resolves.toEqual([entry]);
    await expect(verifyAudit()).resolves.toEqual({ rows: 1, intact: true, brokenAt: null, problem: null });

    expect(calls).toEqual([
      ["view_as", { role: "support" }],
      ["audit_entries", { limit: 200 }],
      ["verify_audit", {}],
    ]);
  });

  it("rejects with the backend's forbidden error as-is", async () => {
    const refusal = { kind: "forbidden", message: "The developer role may not view as admin: only as itself or a role below it." };
    mockIPC(() => {
      // eslint-disable-next-line @typescript-eslint/only-throw-error
      throw refusal;
    });
    await expect(viewAs("admin")).rejects.toEqual(refusal);
    await expect(auditEntries(200)).rejects.toEqual(refusal);
  });
});
