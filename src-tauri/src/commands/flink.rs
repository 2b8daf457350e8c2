//! Flink commands: cluster, jobs, the job graph and its live metrics, the vertex drawer,
//! checkpoints, exceptions, configuration and job actions.

use streamlens_engine::flink::model::{
    AggregatedMetric, CheckpointDetail, CheckpointOverview, FlinkOverview, GraphMetrics, JobActionRequest,
    JobConfiguration, JobExceptions, JobGraph, JobSummary, SavepointStatus, VertexDetail,
};
use streamlens_engine::Result;
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub(crate) async fn flink_overview(
    state: State<'_, AppState>,
    connection_id: String,
) -> Result<FlinkOverview> {
    state.workspace.flink_overview(&state.session(), &connection_id).await
}

#[tauri::command]
pub(crate) async fn flink_jobs(state: State<'_, AppState>, connection_id: String) -> Result<Vec<JobSummary>> {
    state.workspace.flink_jobs(&state.session(), &connection_id).await
}

#[tauri::command]
pub(crate) async fn flink_job_graph(
    state: State<'_, AppState>,
    connection_id: String,
    job_id: String,
) -> Result<JobGraph> {
    state.workspace.flink_job_graph(&state.session(), &connection_id, &job_id).await
}

/// `detailed`: the vertices on screen, read in detail (up to the per-refresh budget).
#[tauri::command]
pub(crate) async fn flink_graph_metrics(
    state: State<'_, AppState>,
    connection_id: String,
    job_id: String,
    detailed: Vec<String>,
) -> Result<GraphMetrics> {
    state.workspace.flink_graph_metrics(&state.session(), &connection_id, &job_id, &detailed).await
}

#[tauri::command]
pub(crate) async fn flink_vertex(
    state: State<'_, AppState>,
    connection_id: String,
    job_id: String,
    vertex_id: String,
) -> Result<VertexDetail> {
    state.workspace.flink_vertex(&state.session(), &connection_id, &job_id, &vertex_id).await
}

#[tauri::command]
pub(crate) async fn flink_vertex_metric_names(
    state: State<'_, AppState>,
    connection_id: String,
    job_id: String,
    vertex_id: String,
) -> Result<Vec<String>> {
    state.workspace.flink_vertex_metric_names(&state.session(), &connection_id, &job_id, &vertex_id).await
}

#[tauri::command]
pub(crate) async fn flink_vertex_metrics(
    state: State<'_, AppState>,
    connection_id: String,
    job_id: String,
    vertex_id: String,
    names: Vec<String>,
) -> Result<Vec<AggregatedMetric>> {
    state.workspace.flink_vertex_metrics(&state.session(), &connection_id, &job_id, &vertex_id, &names).await
}

#[tauri::command]
pub(crate) async fn flink_checkpoints(
    state: State<'_, AppState>,
    connection_id: String,
    job_id: String,
) -> Result<CheckpointOverview> {
    state.workspace.flink_checkpoints(&state.session(), &connection_id, &job_id).await
}

#[tauri::command]
pub(crate) async fn flink_checkpoint_detail(
    state: State<'_, AppState>,
    connection_id: String,
    job_id: String,
    checkpoint_id: u64,
) -> Result<CheckpointDetail> {
    state.workspace.flink_checkpoint_detail(&state.session(), &connection_id, &job_id, checkpoint_id).await
}

#[tauri::command]
pub(crate) async fn flink_exceptions(
    state: State<'_, AppState>,
    connection_id: String,
    job_id: String,
) -> Result<JobExceptions> {
    state.workspace.flink_exceptions(&state.session(), &connection_id, &job_id).await
}

#[tauri::command]
pub(crate) async fn flink_configuration(
    state: State<'_, AppState>,
    connection_id: String,
    job_id: String,
) -> Result<JobConfiguration> {
    state.workspace.flink_configuration(&state.session(), &connection_id, &job_id).await
}

#[tauri::command]
pub(crate) async fn flink_job_action(
    state: State<'_, AppState>,
    connection_id: String,
    job_id: String,
    request: JobActionRequest,
) -> Result<SavepointStatus> {
    state.workspace.flink_job_action(&state.session(), &connection_id, &job_id, &request).await
}

#[tauri::command]
pub(crate) async fn flink_savepoint_status(
    state: State<'_, AppState>,
    connection_id: String,
    job_id: String,
    trigger_id: String,
) -> Result<SavepointStatus> {
    state.workspace.flink_savepoint_status(&state.session(), &connection_id, &job_id, &trigger_id).await
}
