//! Flink operations of the workspace: authorize on the connection, find its Flink client
//! (one per connection, dropped when the connection changes), keep the previous refresh's
//! counters per job for rate derivation, and on prod connections require the job's name
//! typed back before a savepoint, stop or cancel. Job actions are audited.

use std::sync::Arc;

use super::topics::confirm_on_prod;
use super::Workspace;
use crate::access::{Action, Session, Target};
use crate::error::{Error, Result};
use crate::flink::model::{
    AggregatedMetric, CheckpointDetail, CheckpointOverview, FlinkOverview, GraphMetrics, JobActionKind,
    JobActionRequest, JobConfiguration, JobExceptions, JobGraph, JobSummary, SavepointStatus, VertexDetail,
};
use crate::flink::FlinkClient;
use crate::profile::ConnectionProfile;

impl Workspace {
    pub async fn flink_overview(&self, session: &Session, connection: &str) -> Result<FlinkOverview> {
        self.flink(session, connection, Action::ViewJobs).await?.1.overview().await
    }

    pub async fn flink_jobs(&self, session: &Session, connection: &str) -> Result<Vec<JobSummary>> {
        self.flink(session, connection, Action::ViewJobs).await?.1.jobs().await
    }

    pub async fn flink_job_graph(&self, session: &Session, connection: &str, job: &str) -> Result<JobGraph> {
        self.flink(session, connection, Action::ViewJobs).await?.1.job_graph(job).await
    }

    /// One refresh of the graph's metrics; `detailed` are the vertices on screen.
    pub async fn flink_graph_metrics(
        &self,
        session: &Session,
        connection: &str,
        job: &str,
        detailed: &[String],
    ) -> Result<GraphMetrics> {
        let (profile, client) = self.flink(session, connection, Action::ViewJobs).await?;
        let key = format!("{}/{job}", profile.id);
        let mut history = self.flink_counters.lock().await.get(&key).cloned().unwrap_or_default();
        let metrics = client.graph_metrics(job, detailed, &mut history).await?;
        self.flink_counters.lock().await.insert(key, history);
        Ok(metrics)
    }

    pub async fn flink_vertex(
        &self,
        session: &Session,
        connection: &str,
        job: &str,
        vertex: &str,
    ) -> Result<VertexDetail> {
        self.flink(session, connection, Action::ViewJobs).await?.1.vertex_detail(job, vertex).await
    }

    pub async fn flink_vertex_metric_names(
        &self,
        session: &Session,
        connection: &str,
        job: &str,
        vertex: &str,
    ) -> Result<Vec<String>> {
        self.flink(session, connection, Action::ViewJobs).await?.1.vertex_metric_names(job, vertex).await
    }

    pub async fn flink_vertex_metrics(
        &self,
        session: &Session,
        connection: &str,
        job: &str,
        vertex: &str,
        names: &[String],
    ) -> Result<Vec<AggregatedMetric>> {
        self.flink(session, connection, Action::ViewJobs).await?.1.vertex_metrics(job, vertex, names).await
    }

    pub async fn flink_checkpoints(
        &self,
        session: &Session,
        connection: &str,
        job: &str,
    ) -> Result<CheckpointOverview> {
        self.flink(session, connection, Action::ViewJobs).await?.1.checkpoints(job).await
    }

    pub async fn flink_checkpoint_detail(
        &self,
        session: &Session,
        connection: &str,
        job: &str,
        checkpoint: u64,
    ) -> Result<CheckpointDetail> {
        self.flink(session, connection, Action::ViewJobs).await?.1.checkpoint_detail(job, checkpoint).await
    }

    pub async fn flink_exceptions(
        &self,
        session: &Session,
        connection: &str,
        job: &str,
    ) -> Result<JobExceptions> {
        self.flink(session, connection, Action::ViewJobs).await?.1.exceptions(job).await
    }

    pub async fn flink_configuration(
        &self,
        session: &Session,
        connection: &str,
        job: &str,
    ) -> Result<JobConfiguration> {
        self.flink(session, connection, Action::ViewJobs).await?.1.job_configuration(job).await
    }

    /// Savepoint, stop with savepoint or cancel (developer and admin; prod needs the job's
    /// name typed back).
    pub async fn flink_job_action(
        &self,
        session: &Session,
        connection: &str,
        job: &str,
        request: &JobActionRequest,
    ) -> Result<SavepointStatus> {
        let (profile, client) = self.flink(session, connection, Action::OperateJobs).await?;
        let name = client.job_graph(job).await.map(|g| g.job.name)?;
        let verb = match request.kind {
            JobActionKind::Savepoint => "take a savepoint of",
            JobActionKind::StopWithSavepoint => "stop",
            JobActionKind::Cancel => "cancel",
        };
        confirm_on_prod(session, &profile, "job name", &name, request.confirm.as_deref(), verb)?;
        let status = client.start_action(job, request.kind, request.target_directory.as_deref()).await?;
        let detail = serde_json::json!({ "job": job, "name": name, "action": request.kind, "trigger": status.trigger_id });
        self.audit(session, "flink_job_action", Some(&profile), detail).await?;
        tracing::info!(connection = %profile.name, job, action = ?request.kind, "flink job action");
        Ok(status)
    }

    pub async fn flink_savepoint_status(
        &self,
        session: &Session,
        connection: &str,
        job: &str,
        trigger: &str,
    ) -> Result<SavepointStatus> {
        self.flink(session, connection, Action::ViewJobs).await?.1.savepoint_status(job, trigger).await
    }

    /// The connection's Flink client after authorizing `action` on the connection.
    pub(super) async fn flink(
        &self,
        session: &Session,
        connection: &str,
        action: Action,
    ) -> Result<(ConnectionProfile, Arc<FlinkClient>)> {
        let profile = self.store.find_profile(connection).await?;
        session.authorize_on(
            action,
            Target { connection: &profile.name, environment: profile.environment, topic: None },
        )?;
        let Some(endpoint) = profile.flink.clone() else {
            return Err(Error::invalid(format!(
                "The connection '{}' has no Flink part: edit it and add the Flink REST URL.",
                profile.name
            )));
        };
        if let Some(client) = self.flink.lock().await.get(&profile.id) {
            return Ok((profile, Arc::clone(client)));
        }
        let secrets = self.resolve_secrets(&profile.id, profile.required_secrets()).await?;
        let client = Arc::new(FlinkClient::new(&endpoint, &secrets)?);
        self.flink.lock().await.insert(profile.id.clone(), Arc::clone(&client));
        Ok((profile, client))
    }
}
