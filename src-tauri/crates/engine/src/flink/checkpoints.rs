//! Checkpoints: counts, the latest completed / failed / savepoint / restore, the history
//! with durations, sizes and failure messages (`/jobs/:jid/checkpoints`), the settings
//! (`…/checkpoints/config`), and one checkpoint per vertex (`…/checkpoints/details/:id`).

use std::collections::BTreeMap;

use serde_json::Value;

use super::client::{id_segment, FlinkClient};
use super::json::{count, field, flag, flatten, list, number, text, time};
use super::model::{CheckpointDetail, CheckpointOverview, CheckpointSummary, CheckpointVertexStats};
use crate::error::Result;

impl FlinkClient {
    pub async fn checkpoints(&self, job: &str) -> Result<CheckpointOverview> {
        let job = id_segment("job", job)?;
        let (stats_path, config_path) =
            (format!("jobs/{job}/checkpoints"), format!("jobs/{job}/checkpoints/config"));
        let (stats, config) = tokio::join!(self.get(&stats_path), self.get_optional(&config_path));
        let mut notes = Vec::new();
        let config = match config {
            Ok(Some(value)) => value,
            Ok(None) => {
                notes.push("Checkpointing is not enabled for this job.".into());
                Value::Null
            }
            Err(e) => {
                notes.push(format!("Checkpoint settings not available: {e}"));
                Value::Null
            }
        };
        Ok(parse_checkpoints(&stats?, &config, notes))
    }

    pub async fn checkpoint_detail(&self, job: &str, checkpoint: u64) -> Result<CheckpointDetail> {
        let job = id_segment("job", job)?;
        let (detail_path, job_path) =
            (format!("jobs/{job}/checkpoints/details/{checkpoint}"), format!("jobs/{job}"));
        let (detail, graph) = tokio::try_join!(self.get(&detail_path), self.get(&job_path))?;
        Ok(parse_checkpoint_detail(&detail, &graph))
    }
}

pub(crate) fn parse_checkpoints(stats: &Value, config: &Value, notes: Vec<String>) -> CheckpointOverview {
    let counts = field(stats, &["counts"]).cloned().unwrap_or(Value::Null);
    let latest = field(stats, &["latest"]).cloned().unwrap_or(Value::Null);
    let pick = |key: &str| field(&latest, &[key]).map(parse_summary);
    let restored = field(&latest, &["restored"]);
    let mut history: Vec<CheckpointSummary> = list(stats, &["history"]).iter().map(parse_summary).collect();
    history.sort_by(|a, b| b.id.total_cmp(&a.id));
    let config: BTreeMap<String, String> = flatten(config).into_iter().collect();
    CheckpointOverview {
        total: count(&counts, &["total"]).unwrap_or(0),
        completed: count(&counts, &["completed"]).unwrap_or(0),
        failed: count(&counts, &["failed"]).unwrap_or(0),
        in_progress: count(&counts, &["in_progress", "in-progress"]).unwrap_or(0),
        restored: count(&counts, &["restored"]).unwrap_or(0),
        latest_completed: pick("completed"),
        latest_failed: pick("failed"),
        latest_savepoint: pick("savepoint"),
        latest_restored_id: restored.and_then(|r| number(r, &["id"])),
        latest_restore_timestamp: restored.and_then(|r| time(r, &["restore_timestamp", "restore-timestamp"])),
        history,
        config,
        notes,
    }
}

pub(crate) fn parse_summary(c: &Value) -> CheckpointSummary {
    CheckpointSummary {
        id: number(c, &["id"]).unwrap_or(0.0),
        status: text(c, &["status"]).unwrap_or_else(|| "UNKNOWN".into()),
        is_savepoint: flag(c, &["is_savepoint", "is-savepoint"]),
        trigger_timestamp: time(c, &["trigger_timestamp", "trigger-timestamp"]),
        latest_ack_timestamp: time(c, &["latest_ack_timestamp", "latest-ack-timestamp"]),
        end_to_end_duration_ms: number(c, &["end_to_end_duration", "end-to-end-duration"])
            .filter(|d| *d >= 0.0),
        checkpointed_size: number(c, &["checkpointed_size", "checkpointed-size"]).filter(|d| *d >= 0.0),
        state_size: number(c, &["state_size", "state-size"]).filter(|d| *d >= 0.0),
        num_subtasks: count(c, &["num_subtasks", "num-subtasks"]),
        num_acknowledged_subtasks: count(c, &["num_acknowledged_subtasks", "num-acknowledged-subtasks"]),
        failure_message: text(c, &["failure_message", "failure-message"]).filter(|m| !m.is_empty()),
        external_path: text(c, &["external_path", "external-path"])
            .filter(|p| p != "<checkpoint-not-externally-addressable>"),
    }
}

fn parse_checkpoint_detail(detail: &Value, job: &Value) -> CheckpointDetail {
    let names: BTreeMap<String, String> = list(job, &["vertices"])
        .iter()
        .filter_map(|v| Some((text(v, &["id"])?, text(v, &["name"])?)))
        .collect();
    let mut vertices: Vec<CheckpointVertexStats> = match field(detail, &["tasks"]) {
        Some(Value::Object(tasks)) => tasks
            .iter()
            .map(|(id, t)| CheckpointVertexStats {
                vertex_id: id.clone(),
                vertex_name: names.get(id).cloned(),
                status: text(t, &["status"]),
                end_to_end_duration_ms: number(t, &["end_to_end_duration", "end-to-end-duration"]),
                checkpointed_size: number(t, &["checkpointed_size", "checkpointed-size"]),
                state_size: number(t, &["state_size", "state-size"]),
                num_subtasks: count(t, &["num_subtasks", "num-subtasks"]),
                num_acknowledged_subtasks: count(
                    t,
                    &["num_acknowledged_subtasks", "num-acknowledged-subtasks"],
                ),
            })
            .collect(),
        _ => Vec::new(),
    };
    // In the job's vertex order.
    let position = |id: &str| {
        list(job, &["vertices"])
            .iter()
            .position(|v| text(v, &["id"]).as_deref() == Some(id))
            .unwrap_or(usize::MAX)
    };
    vertices.sort_by_key(|v| position(&v.vertex_id));
    CheckpointDetail { checkpoint: parse_summary(detail), vertices }
}
