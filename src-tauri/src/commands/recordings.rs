//! Recording commands: record a job (progress on a channel, stopped with `cancel_scan`),
//! open a `.slrec` file and read it at any time — summary, integrity, events, the graph and
//! metrics at a time, a metric's series, captured records — export it, replay it, and the
//! bundled sample recording.

use std::io::Read;

use streamlens_engine::browse::MessageFilter;
use streamlens_engine::flink::model::{JobGraph, VertexMetrics};
use streamlens_engine::recording::model::{
    CapturedPage, EventKind, Integrity, MetricSeries, RecordingEvent, RecordingProgress, RecordingSummary,
};
use streamlens_engine::recording::replay::ReplayProgress;
use streamlens_engine::workspace::RecordRequest;
use streamlens_engine::{Error, Result};
use tauri::ipc::Channel;
use tauri::State;

use crate::state::AppState;

/// The sample recording shipped with the app (FlakyJob on the local environment: a
/// restart, exceptions and a failed checkpoint in it).
const SAMPLE_DEFLATED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/sample.slrec.deflate"));

#[tauri::command]
pub(crate) async fn record_job(
    state: State<'_, AppState>,
    connection_id: String,
    request: RecordRequest,
    recording_id: String,
    on_progress: Channel<RecordingProgress>,
) -> Result<RecordingSummary> {
    let cancel = state.workspace.register_scan(Some(&recording_id)).await;
    let progress = Box::new(move |p: RecordingProgress| {
        let _ = on_progress.send(p);
    });
    let outcome =
        state.workspace.record_job(&state.session(), &connection_id, &request, None, cancel, progress).await;
    state.workspace.forget_scan(&recording_id).await;
    outcome
}

#[tauri::command]
pub(crate) async fn open_recording(state: State<'_, AppState>, path: String) -> Result<RecordingSummary> {
    state.workspace.open_recording(&state.session(), &path).await
}

/// Writes the bundled sample recording to the data directory (once) and returns its path.
#[tauri::command]
pub(crate) async fn sample_recording(state: State<'_, AppState>) -> Result<String> {
    let path = state.workspace.paths().data_dir.join("sample-flakyjob.slrec");
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    if size.to_string() != env!("STREAMLENS_SAMPLE_LEN") {
        let mut sample = Vec::new();
        flate2::read::DeflateDecoder::new(SAMPLE_DEFLATED)
            .read_to_end(&mut sample)
            .map_err(|e| Error::internal(format!("The embedded sample recording cannot be inflated: {e}")))?;
        std::fs::write(&path, &sample).map_err(|e| {
            Error::internal(format!("Cannot write the sample recording to {}: {e}", path.display()))
        })?;
    }
    Ok(path.display().to_string())
}

#[tauri::command]
pub(crate) async fn verify_recording(state: State<'_, AppState>, path: String) -> Result<Integrity> {
    state.workspace.verify_recording(&state.session(), &path).await
}

#[tauri::command]
pub(crate) async fn recording_events(
    state: State<'_, AppState>,
    path: String,
    kinds: Vec<EventKind>,
    limit: u32,
) -> Result<Vec<RecordingEvent>> {
    state.workspace.recording_events(&state.session(), &path, &kinds, limit).await
}

#[tauri::command]
pub(crate) async fn recording_graph_at(
    state: State<'_, AppState>,
    path: String,
    at: f64,
) -> Result<JobGraph> {
    state.workspace.recording_graph_at(&state.session(), &path, at).await
}

#[tauri::command]
pub(crate) async fn recording_metrics_at(
    state: State<'_, AppState>,
    path: String,
    at: f64,
) -> Result<Vec<VertexMetrics>> {
    state.workspace.recording_metrics_at(&state.session(), &path, at).await
}

#[tauri::command]
pub(crate) async fn recording_series(
    state: State<'_, AppState>,
    path: String,
    vertex_id: String,
    metric: String,
    until: Option<f64>,
) -> Result<MetricSeries> {
    state.workspace.recording_series(&state.session(), &path, &vertex_id, &metric, until).await
}

#[tauri::command]
pub(crate) async fn recording_records(
    state: State<'_, AppState>,
    path: String,
    at: f64,
    before: bool,
    contains: Option<String>,
    expression: Option<String>,
    limit: u32,
) -> Result<CapturedPage> {
    let filter = MessageFilter { text: contains, expression };
    state.workspace.recording_records(&state.session(), &path, at, before, &filter, limit).await
}

/// `kind`: "history_archive" or "records_jsonl".
#[tauri::command]
pub(crate) async fn export_recording(
    state: State<'_, AppState>,
    path: String,
    output: String,
    kind: String,
) -> Result<u64> {
    let history = match kind.as_str() {
        "history_archive" => true,
        "records_jsonl" => false,
        other => return Err(Error::invalid(format!("Unknown export '{other}'."))),
    };
    state.workspace.export_recording(&state.session(), &path, &output, history).await
}

#[tauri::command]
pub(crate) async fn replay_recording(
    state: State<'_, AppState>,
    path: String,
    connection_id: String,
    topic: String,
    speed: Option<f64>,
    replay_id: String,
    on_progress: Channel<ReplayProgress>,
) -> Result<ReplayProgress> {
    let cancel = state.workspace.register_scan(Some(&replay_id)).await;
    let progress = Box::new(move |p: ReplayProgress| {
        let _ = on_progress.send(p);
    });
    let outcome = state
        .workspace
        .replay_recording(&state.session(), &path, &connection_id, &topic, speed, cancel, progress)
        .await;
    state.workspace.forget_scan(&replay_id).await;
    outcome
}

#[tauri::command]
pub(crate) async fn close_recording(state: State<'_, AppState>, path: String) -> Result<()> {
    state.workspace.close_recording(&path).await;
    Ok(())
}

/// The `.slrec` file the app was started with (`streamlens-desktop run.slrec`, or a file
/// manager's "open with"), if any.
#[tauri::command]
pub(crate) fn launch_recording() -> Option<String> {
    std::env::args_os()
        .skip(1)
        .map(std::path::PathBuf::from)
        .find(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("slrec")))
        .and_then(|p| std::fs::canonicalize(&p).ok().or(Some(p)))
        .map(|p| p.display().to_string())
}
