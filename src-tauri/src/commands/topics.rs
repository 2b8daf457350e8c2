//! Kafka cluster and topic commands: overview, list, describe, create, delete.

use streamlens_engine::kafka::model::{ClusterOverview, NewTopic, TopicDetail, TopicSummary};
use streamlens_engine::Result;
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub(crate) async fn cluster_overview(
    state: State<'_, AppState>,
    connection_id: String,
) -> Result<ClusterOverview> {
    state.workspace.cluster_overview(&state.session(), &connection_id).await
}

#[tauri::command]
pub(crate) async fn list_topics(
    state: State<'_, AppState>,
    connection_id: String,
) -> Result<Vec<TopicSummary>> {
    state.workspace.list_topics(&state.session(), &connection_id).await
}

#[tauri::command]
pub(crate) async fn describe_topic(
    state: State<'_, AppState>,
    connection_id: String,
    topic: String,
) -> Result<TopicDetail> {
    state.workspace.describe_topic(&state.session(), &connection_id, &topic).await
}

#[tauri::command]
pub(crate) async fn create_topic(
    state: State<'_, AppState>,
    connection_id: String,
    topic: NewTopic,
    confirmation: Option<String>,
) -> Result<TopicDetail> {
    state.workspace.create_topic(&state.session(), &connection_id, &topic, confirmation.as_deref()).await
}

#[tauri::command]
pub(crate) async fn delete_topic(
    state: State<'_, AppState>,
    connection_id: String,
    topic: String,
    confirmation: Option<String>,
) -> Result<()> {
    state.workspace.delete_topic(&state.session(), &connection_id, &topic, confirmation.as_deref()).await
}
