//! App-level commands: version, paths and role; "view as" a lower role; the diagnostics
//! report; the audit log and the workspace policy (admin); the app settings.

use streamlens_engine::access::audit::{AuditEntry, AuditVerification};
use streamlens_engine::access::load::PolicyDocument;
use streamlens_engine::access::Role;
use streamlens_engine::browse::export::ExportTarget;
use streamlens_engine::settings::AppSettings;
use streamlens_engine::workspace::AppInfo;
use streamlens_engine::workspace::AuditExport;
use streamlens_engine::Result;
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub(crate) fn app_info(state: State<'_, AppState>) -> AppInfo {
    state.workspace.app_info(&state.session())
}

#[tauri::command]
pub(crate) async fn diagnostics(state: State<'_, AppState>) -> Result<String> {
    state.workspace.diagnostics(&state.session()).await
}

/// Views the app as `role` — the role the policy gave, or one below it — and returns the
/// app info under it.
#[tauri::command]
pub(crate) fn view_as(state: State<'_, AppState>, role: Role) -> Result<AppInfo> {
    let session = state.view_as(role)?;
    tracing::info!(granted = state.granted_role().as_str(), viewing_as = session.role.as_str(), "view as");
    Ok(state.workspace.app_info(&session))
}

#[tauri::command]
pub(crate) async fn audit_entries(state: State<'_, AppState>, limit: u32) -> Result<Vec<AuditEntry>> {
    state.workspace.audit_entries(&state.session(), limit).await
}

#[tauri::command]
pub(crate) async fn verify_audit(state: State<'_, AppState>) -> Result<AuditVerification> {
    state.workspace.verify_audit(&state.session()).await
}

/// Writes the whole audit log to a new file (admin).
#[tauri::command]
pub(crate) async fn export_audit(state: State<'_, AppState>, target: ExportTarget) -> Result<AuditExport> {
    state.workspace.export_audit(&state.session(), &target).await
}

#[tauri::command]
pub(crate) fn policy_document(state: State<'_, AppState>) -> Result<PolicyDocument> {
    state.workspace.policy_document(&state.session())
}

/// Why `text` is not a valid policy; `None` when it is.
#[tauri::command]
pub(crate) fn check_policy(state: State<'_, AppState>, text: String) -> Result<Option<String>> {
    state.workspace.check_policy(&state.session(), &text)
}

/// Saves the policy (personal mode) and runs every later command under it.
#[tauri::command]
pub(crate) async fn save_policy(state: State<'_, AppState>, text: String) -> Result<PolicyDocument> {
    let (loaded, document) = state.workspace.save_policy(&state.session(), &text).await?;
    state.start_over(crate::session_under(&loaded)?);
    tracing::info!(sha256 = %loaded.hash, role = state.granted_role().as_str(), "policy saved");
    Ok(document)
}

#[tauri::command]
pub(crate) async fn app_settings(state: State<'_, AppState>) -> Result<AppSettings> {
    state.workspace.app_settings(&state.session()).await
}

#[tauri::command]
pub(crate) async fn save_app_settings(
    state: State<'_, AppState>,
    settings: AppSettings,
) -> Result<AppSettings> {
    state.workspace.save_app_settings(&state.session(), settings).await
}
