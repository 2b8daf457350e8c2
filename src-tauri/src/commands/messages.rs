//! Message commands: a page through the data path (progress on a channel), a live tail
//! (batches on a channel), cancelling either, producing.

use std::ops::ControlFlow;

use streamlens_engine::browse::export::{ExportSummary, ExportTarget};
use streamlens_engine::browse::{
    BrowseRequest, MessageFilter, MessagePage, ScanProgress, TailBatch, TailRequest,
};
use streamlens_engine::kafka::producing::{ProduceRequest, ProduceResult};
use streamlens_engine::Result;
use tauri::ipc::Channel;
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub(crate) async fn browse_messages(
    state: State<'_, AppState>,
    connection_id: String,
    request: BrowseRequest,
    scan_id: Option<String>,
    on_progress: Channel<ScanProgress>,
) -> Result<MessagePage> {
    let progress = Box::new(move |p: ScanProgress| {
        let _ = on_progress.send(p); // a closed window just stops listening
    });
    state
        .workspace
        .browse_messages(&state.session(), &connection_id, &request, scan_id.as_deref(), progress)
        .await
}

/// Follows new messages until `cancel_scan(tail_id)`; batches arrive on `on_batch`.
#[tauri::command]
pub(crate) async fn tail_messages(
    state: State<'_, AppState>,
    connection_id: String,
    topic: String,
    partitions: Option<Vec<i32>>,
    filter: MessageFilter,
    tail_id: String,
    on_batch: Channel<TailBatch>,
) -> Result<()> {
    let emit = Box::new(move |batch: TailBatch| match on_batch.send(batch) {
        Ok(()) => ControlFlow::Continue(()),
        Err(_) => ControlFlow::Break(()), // the window went away: stop following
    });
    let request = TailRequest { topic, partitions, filter };
    state.workspace.tail_messages(&state.session(), &connection_id, &request, &tail_id, emit).await
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
    state.workspace.produce(&state.session(), &connection_id, &request).await
}

/// Writes a range to a file the user chose, with progress on `on_progress`; `cancel_scan(scan_id)` stops it.
#[tauri::command]
pub(crate) async fn export_messages(
    state: State<'_, AppState>,
    connection_id: String,
    request: BrowseRequest,
    target: ExportTarget,
    scan_id: String,
    on_progress: Channel<ScanProgress>,
) -> Result<ExportSummary> {
    let cancel = state.workspace.register_scan(Some(&scan_id)).await;
    let progress = Box::new(move |p: ScanProgress| {
        let _ = on_progress.send(p);
    });
    let result = state
        .workspace
        .export_messages(&state.session(), &connection_id, &request, &target, cancel, progress)
        .await;
    state.workspace.forget_scan(&scan_id).await;
    result
}
