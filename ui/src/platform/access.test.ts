// The access commands through Tauri's IPC mock: names and argument shapes the Rust
// handlers take (camelCase), the backend's answers, and a refusal passed on as an AppError.
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import type { AppInfo } from "../bindings/AppInfo";
import type { AuditEntry } from "../bindings/AuditEntry";
import {
  auditEntries,
  checkPolicy,
  exportAudit,
  policyDocument,
  savePolicy,
  verifyAudit,
  viewAs,
  type PolicyDocument,
} from "./access";

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

const policy: PolicyDocument = {
  text: "version = 1\n",
  path: "/data/policy.toml",
  builtin: false,
  managed: false,
  reason: null,
  sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
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
    await expect(exportAudit({ path: "/data/audit.csv", format: "csv" })).rejects.toEqual(refusal);
    await expect(policyDocument()).rejects.toEqual(refusal);
    await expect(savePolicy("version = 1\n")).rejects.toEqual(refusal);
  });

  it("sends the audit export's target and the policy text as the handlers name them", async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      switch (cmd) {
        case "export_audit":
          return { rows: 42, path: "/data/audit.jsonl" };
        case "check_policy":
          return (args as { text: string }).text.includes("[[") ? null : "TOML parse error at line 1, column 9";
        default:
          return policy;
      }
    });

    await expect(exportAudit({ path: "/data/audit.jsonl", format: "jsonl" })).resolves.toEqual({ rows: 42, path: "/data/audit.jsonl" });
    await expect(policyDocument()).resolves.toEqual(policy);
    await expect(checkPolicy("version = ")).resolves.toBe("TOML parse error at line 1, column 9");
    // A valid policy is null, not undefined: the UI tells "valid" from "not checked".
    await expect(checkPolicy("[[grants]]")).resolves.toBeNull();
    await expect(savePolicy("version = 1\n")).resolves.toEqual(policy);

    expect(calls).toEqual([
      ["export_audit", { target: { path: "/data/audit.jsonl", format: "jsonl" } }],
      ["policy_document", {}],
      ["check_policy", { text: "version = " }],
      ["check_policy", { text: "[[grants]]" }],
      ["save_policy", { text: "version = 1\n" }],
    ]);
  });

  it("passes on a refused save as invalid input with the check's message", async () => {
    const invalid = { kind: "invalid_input", message: "TOML parse error at line 3, column 1\nunknown field `grant`" };
    mockIPC(() => {
      // eslint-disable-next-line @typescript-eslint/only-throw-error
      throw invalid;
    });
    await expect(savePolicy("[[grant]]")).rejects.toEqual(invalid);
  });
});
