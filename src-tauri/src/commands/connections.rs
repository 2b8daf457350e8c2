//! Connection profile commands: list, save, delete, test (saved or draft).

use streamlens_engine::probe::ProbeReport;
use streamlens_engine::profile::{ConnectionProfile, ProfileDraft};
use streamlens_engine::Result;
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub(crate) async fn list_connections(state: State<'_, AppState>) -> Result<Vec<ConnectionProfile>> {
    state.workspace.list_connections(&state.session()).await
}

#[tauri::command]
pub(crate) async fn save_connection(
    state: State<'_, AppState>,
    draft: ProfileDraft,
) -> Result<ConnectionProfile> {
    state.workspace.save_connection(&state.session(), draft).await
}

#[tauri::command]
pub(crate) async fn delete_connection(state: State<'_, AppState>, id: String) -> Result<()> {
    state.workspace.delete_connection(&state.session(), &id).await
}

#[tauri::command]
pub(crate) async fn test_connection(state: State<'_, AppState>, id: String) -> Result<ProbeReport> {
    state.workspace.test_connection(&state.session(), &id).await
}

#[tauri::command]
pub(crate) async fn test_connection_draft(
    state: State<'_, AppState>,
    draft: ProfileDraft,
) -> Result<ProbeReport> {
    state.workspace.test_draft(&state.session(), draft).await
}
