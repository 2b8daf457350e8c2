//! Message commands: one page through the data path, cancelling a scan, producing.

use streamlens_engine::browse::{BrowseRequest, MessagePage};
use streamlens_engine::kafka::producing::{ProduceRequest, ProduceResult};
use streamlens_engine::Result;
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub(crate) async fn browse_messages(
    state: State<'_, AppState>,
    connection_id: String,
    request: BrowseRequest,
    scan_id: Option<String>,
) -> Result<MessagePage> {
    state.workspace.browse_messages(&state.session, &connection_id, &request, scan_id.as_deref()).await
}

#[tauri::command]
pub(crate) async fn cancel_scan(state: State<'_, AppState>, scan_id: String) -> Result<()> {
    state.workspace.cancel_scan(&scan_id).await;
    Ok(())
}

#[tauri::command]
pub(crate) async fn produce_message(
    state: State<'_, AppState>,
    connection_id: String,
    request: ProduceRequest,
) -> Result<ProduceResult> {
    state.workspace.produce(&state.session, &connection_id, &request).await
}
