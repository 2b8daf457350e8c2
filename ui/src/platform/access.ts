// Typed functions for the access commands: viewing the app as the granted role or one
// below it; the audit log (admin): its newest entries, a check of its hash chain and an
// export of every entry to a file; and the workspace policy (admin): the document in
// force, a check of a draft and saving it. The backend refuses every other role with an
// AppError of kind "forbidden".
import type { AppInfo } from "../bindings/AppInfo";
import type { AuditEntry } from "../bindings/AuditEntry";
import type { AuditExport } from "../bindings/AuditExport";
import type { AuditVerification } from "../bindings/AuditVerification";
import type { ExportTarget } from "../bindings/ExportTarget";
import type { PolicyDocument } from "../bindings/PolicyDocument";
import type { Role } from "../bindings/Role";
import { callCommand } from "./ipc";

export type { AuditExport, PolicyDocument };

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

/** Writes every audit entry, oldest first, to a new file (an existing one is refused). */
export function exportAudit(target: ExportTarget): Promise<AuditExport> {
  return callCommand<AuditExport>("export_audit", { target });
}

export function policyDocument(): Promise<PolicyDocument> {
  return callCommand<PolicyDocument>("policy_document");
}

/** Null when `text` is a valid policy, else what is wrong with it (with its line when known). */
export function checkPolicy(text: string): Promise<string | null> {
  return callCommand<string | null>("check_policy", { text });
}

/**
 * Writes `text` as the workspace policy and reloads it; resolves with the new document. The
 * role in force may change and "view as" is reset, so the caller reloads the app info.
 */
export function savePolicy(text: string): Promise<PolicyDocument> {
  return callCommand<PolicyDocument>("save_policy", { text });
}
