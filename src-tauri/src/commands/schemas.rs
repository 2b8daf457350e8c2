//! Schema Registry commands: the schema browser's reads, compatibility checks, registration.

use streamlens_engine::browse::TopicDecoders;
use streamlens_engine::schema::model::{
    CompatibilityReport, RegisteredId, RegistryOverview, SchemaDraft, SubjectDetail, SubjectVersion,
};
use streamlens_engine::Result;
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub(crate) async fn registry_overview(
    state: State<'_, AppState>,
    connection_id: String,
) -> Result<RegistryOverview> {
    state.workspace.registry_overview(&state.session(), &connection_id).await
}

#[tauri::command]
pub(crate) async fn subject_detail(
    state: State<'_, AppState>,
    connection_id: String,
    subject: String,
) -> Result<SubjectDetail> {
    state.workspace.subject_detail(&state.session(), &connection_id, &subject).await
}

/// `version`: a version number or "latest".
#[tauri::command]
pub(crate) async fn subject_version(
    state: State<'_, AppState>,
    connection_id: String,
    subject: String,
    version: String,
) -> Result<SubjectVersion> {
    state.workspace.subject_version(&state.session(), &connection_id, &subject, &version).await
}

#[tauri::command]
pub(crate) async fn check_compatibility(
    state: State<'_, AppState>,
    connection_id: String,
    subject: String,
    draft: SchemaDraft,
) -> Result<CompatibilityReport> {
    state.workspace.check_compatibility(&state.session(), &connection_id, &subject, &draft).await
}

#[tauri::command]
pub(crate) async fn register_schema(
    state: State<'_, AppState>,
    connection_id: String,
    subject: String,
    draft: SchemaDraft,
) -> Result<RegisteredId> {
    state.workspace.register_schema(&state.session(), &connection_id, &subject, &draft).await
}

#[tauri::command]
pub(crate) async fn topic_decoders(
    state: State<'_, AppState>,
    connection_id: String,
    topic: String,
) -> Result<TopicDecoders> {
    state.workspace.topic_decoders(&state.session(), &connection_id, &topic).await
}

#[tauri::command]
pub(crate) async fn pin_topic_decoders(
    state: State<'_, AppState>,
    connection_id: String,
    topic: String,
    decoders: TopicDecoders,
) -> Result<()> {
    state.workspace.pin_topic_decoders(&state.session(), &connection_id, &topic, decoders).await
}
