//! Job actions: trigger a savepoint, stop with a savepoint, cancel. Savepoints are
//! asynchronous in Flink: the trigger answers a request id, and
//! `/jobs/:jid/savepoints/:trigger` says IN_PROGRESS until COMPLETED (with the location)
//! or a failure cause.

use serde_json::{json, Value};

use super::client::{id_segment, FlinkClient};
use super::json::{field, text};
use super::model::{JobActionKind, SavepointStatus};
use crate::error::{Error, Result};

impl FlinkClient {
    /// Starts the action; for savepoints the answer carries the trigger id to poll.
    pub async fn start_action(
        &self,
        job: &str,
        kind: JobActionKind,
        target_directory: Option<&str>,
    ) -> Result<SavepointStatus> {
        let job = id_segment("job", job)?;
        let directory = target_directory.map(str::trim).filter(|d| !d.is_empty());
        let answer = match kind {
            JobActionKind::Savepoint => {
                self.post(
                    &format!("jobs/{job}/savepoints"),
                    &json!({ "target-directory": directory, "cancel-job": false }),
                )
                .await?
            }
            JobActionKind::StopWithSavepoint => {
                self.post(
                    &format!("jobs/{job}/stop"),
                    &json!({ "targetDirectory": directory, "drain": false }),
                )
                .await?
            }
            JobActionKind::Cancel => {
                self.patch(&format!("jobs/{job}?mode=cancel")).await?;
                return Ok(SavepointStatus {
                    trigger_id: None,
                    status: "CANCELLING".into(),
                    location: None,
                    failure: None,
                });
            }
        };
        let trigger = text(&answer, &["request-id", "requestId"])
            .ok_or_else(|| Error::unavailable("Flink accepted the savepoint but sent no request id."))?;
        Ok(SavepointStatus {
            trigger_id: Some(trigger),
            status: "IN_PROGRESS".into(),
            location: None,
            failure: None,
        })
    }

    pub async fn savepoint_status(&self, job: &str, trigger: &str) -> Result<SavepointStatus> {
        let (job, trigger) = (id_segment("job", job)?, id_segment("trigger", trigger)?);
        let value = self.get(&format!("jobs/{job}/savepoints/{trigger}")).await?;
        Ok(parse_savepoint_status(trigger, &value))
    }
}

pub(crate) fn parse_savepoint_status(trigger: &str, value: &Value) -> SavepointStatus {
    let status = field(value, &["status"]).and_then(|s| text(s, &["id"])).unwrap_or_else(|| "UNKNOWN".into());
    let operation = field(value, &["operation"]).cloned().unwrap_or(Value::Null);
    let failure = field(&operation, &["failure-cause", "failureCause"]).map(|cause| {
        text(cause, &["stack-trace", "stackTrace"])
            .and_then(|trace| trace.lines().next().map(str::to_string))
            .or_else(|| text(cause, &["class"]))
            .unwrap_or_else(|| cause.to_string())
    });
    let status = if failure.is_some() && status == "COMPLETED" { "FAILED".to_string() } else { status };
    SavepointStatus {
        trigger_id: Some(trigger.to_string()),
        status,
        location: text(&operation, &["location"]),
        failure,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completed_with_a_failure_cause_is_failed() {
        let failed = json!({"status": {"id": "COMPLETED"}, "operation": {"failure-cause": {
            "class": "java.util.concurrent.CompletionException",
            "stack-trace": "java.util.concurrent.CompletionException: No savepoint directory\n\tat x"}}});
        let s = parse_savepoint_status("t", &failed);
        assert_eq!(s.status, "FAILED");
        assert_eq!(
            s.failure.as_deref(),
            Some("java.util.concurrent.CompletionException: No savepoint directory")
        );
        let done = json!({"status": {"id": "COMPLETED"}, "operation": {"location": "file:/sp/savepoint-1"}});
        assert_eq!(parse_savepoint_status("t", &done).location.as_deref(), Some("file:/sp/savepoint-1"));
    }
}
