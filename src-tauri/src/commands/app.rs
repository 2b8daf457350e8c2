//! App-level commands: version, paths and role; "view as" a lower role; the diagnostics
//! report; the audit log (admin); the app settings.

use streamlens_engine::access::audit::{AuditEntry, AuditVerification};
use streamlens_engine::access::Role;
use streamlens_engine::settings::AppSettings;
use streamlens_engine::workspace::AppInfo;
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
