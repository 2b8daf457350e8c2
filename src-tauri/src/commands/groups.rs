//! Consumer group commands: list, describe (lag), reset offsets (with a dry run).

use streamlens_engine::kafka::group_model::{GroupDetail, GroupSummary, OffsetReset, ResetPlan};
use streamlens_engine::Result;
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub(crate) async fn list_groups(
    state: State<'_, AppState>,
    connection_id: String,
) -> Result<Vec<GroupSummary>> {
    state.workspace.list_groups(&state.session(), &connection_id).await
}

#[tauri::command]
pub(crate) async fn describe_group(
    state: State<'_, AppState>,
    connection_id: String,
    group_id: String,
) -> Result<GroupDetail> {
    state.workspace.describe_group(&state.session(), &connection_id, &group_id).await
}

#[tauri::command]
pub(crate) async fn reset_offsets(
    state: State<'_, AppState>,
    connection_id: String,
    reset: OffsetReset,
    confirmation: Option<String>,
) -> Result<ResetPlan> {
    state.workspace.reset_offsets(&state.session(), &connection_id, &reset, confirmation.as_deref()).await
}
