//! App-level commands: version and paths, and the diagnostics report.

use streamlens_engine::workspace::AppInfo;
use streamlens_engine::Result;
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub(crate) fn app_info(state: State<'_, AppState>) -> AppInfo {
    state.workspace.app_info(&state.session)
}

#[tauri::command]
pub(crate) async fn diagnostics(state: State<'_, AppState>) -> Result<String> {
    state.workspace.diagnostics(&state.session).await
}
