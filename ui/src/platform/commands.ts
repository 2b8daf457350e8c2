// Typed functions for every backend command. Argument names are camelCase here;
// Tauri maps them to the Rust handlers' snake_case parameters.
import type { AppInfo } from "../bindings/AppInfo";
import type { ConnectionProfile } from "../bindings/ConnectionProfile";
import type { ProbeReport } from "../bindings/ProbeReport";
import type { ProfileDraft } from "../bindings/ProfileDraft";
import { callCommand } from "./ipc";

export function fetchAppInfo(): Promise<AppInfo> {
  return callCommand<AppInfo>("app_info");
}

export function listConnections(): Promise<ConnectionProfile[]> {
  return callCommand<ConnectionProfile[]>("list_connections");
}

export function saveConnection(draft: ProfileDraft): Promise<ConnectionProfile> {
  return callCommand<ConnectionProfile>("save_connection", { draft });
}

export async function deleteConnection(id: string): Promise<void> {
  await callCommand<null>("delete_connection", { id });
}

export function testConnection(id: string): Promise<ProbeReport> {
  return callCommand<ProbeReport>("test_connection", { id });
}

export function testConnectionDraft(draft: ProfileDraft): Promise<ProbeReport> {
  return callCommand<ProbeReport>("test_connection_draft", { draft });
}

export function fetchDiagnostics(): Promise<string> {
  return callCommand<string>("diagnostics");
}
