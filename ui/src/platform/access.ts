// Typed functions for the access commands: viewing the app as the granted role or one
// below it, and the audit log (admin): its newest entries and a check of its hash chain.
import type { AppInfo } from "../bindings/AppInfo";
import type { AuditEntry } from "../bindings/AuditEntry";
import type { AuditVerification } from "../bindings/AuditVerification";
import type { Role } from "../bindings/Role";
import { callCommand } from "./ipc";

/** Switches the role every later command runs under; resolves with the app info under it. */
export function viewAs(role: Role): Promise<AppInfo> {
  return callCommand<AppInfo>("view_as", { role });
}

/** The newest `limit` audit entries, newest first. */
export function auditEntries(limit: number): Promise<AuditEntry[]> {
  return callCommand<AuditEntry[]>("audit_entries", { limit });
}

export function verifyAudit(): Promise<AuditVerification> {
  return callCommand<AuditVerification>("verify_audit");
}
