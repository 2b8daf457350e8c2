// Typed functions for the Schema Registry commands: the registry overview (subjects,
// global compatibility and mode), one subject's detail, one version's schema, and checking
// or registering a draft as a subject's next version (registering: developer and admin).
import type { CompatibilityReport } from "../bindings/CompatibilityReport";
import type { RegisteredId } from "../bindings/RegisteredId";
import type { RegistryOverview } from "../bindings/RegistryOverview";
import type { SchemaDraft } from "../bindings/SchemaDraft";
import type { SubjectDetail } from "../bindings/SubjectDetail";
import type { SubjectVersion } from "../bindings/SubjectVersion";
import { callCommand } from "./ipc";

/** A version number, or the subject's latest version. */
export type VersionRef = number | "latest";

export function fetchRegistryOverview(connectionId: string): Promise<RegistryOverview> {
  return callCommand<RegistryOverview>("registry_overview", { connectionId });
}

export function fetchSubjectDetail(connectionId: string, subject: string): Promise<SubjectDetail> {
  return callCommand<SubjectDetail>("subject_detail", { connectionId, subject });
}

export function fetchSubjectVersion(connectionId: string, subject: string, version: VersionRef): Promise<SubjectVersion> {
  // The Rust handler takes the version as text ("3" or "latest").
  return callCommand<SubjectVersion>("subject_version", { connectionId, subject, version: String(version) });
}

export function checkCompatibility(connectionId: string, subject: string, draft: SchemaDraft): Promise<CompatibilityReport> {
  return callCommand<CompatibilityReport>("check_compatibility", { connectionId, subject, draft });
}

export function registerSchema(connectionId: string, subject: string, draft: SchemaDraft): Promise<RegisteredId> {
  return callCommand<RegisteredId>("register_schema", { connectionId, subject, draft });
}
