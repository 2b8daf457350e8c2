//! Exception history: `/jobs/:jid/exceptions` in the 1.14+ shape (`exceptionHistory`
//! with entries and concurrent exceptions), or the older `root-exception` /
//! `all-exceptions` shape. Each entry carries its root cause (the last `Caused by:`).

use std::collections::BTreeMap;

use serde_json::Value;

use super::client::{id_segment, FlinkClient};
use super::json::{field, flag, list, text, time};
use super::model::{JobException, JobExceptions};
use crate::error::Result;

/// How many history entries to ask Flink for.
pub const MAX_EXCEPTIONS: u32 = 50;

impl FlinkClient {
    pub async fn exceptions(&self, job: &str) -> Result<JobExceptions> {
        let job = id_segment("job", job)?;
        let value = self.get(&format!("jobs/{job}/exceptions?maxExceptions={MAX_EXCEPTIONS}")).await?;
        Ok(parse_exceptions(&value))
    }
}

pub(crate) fn parse_exceptions(value: &Value) -> JobExceptions {
    let mut notes = Vec::new();
    let mut entries: Vec<JobException>;
    let truncated;
    if let Some(history) = field(value, &["exceptionHistory", "exception-history"]) {
        entries = list(history, &["entries"]).iter().map(parse_entry).collect();
        truncated = flag(history, &["truncated"]);
    } else {
        // Before 1.14: one root exception and a flat list of task exceptions.
        notes.push("This Flink reports no exception history, only the latest root exception.".into());
        entries = Vec::new();
        if let Some(root) = text(value, &["root-exception"]) {
            let mut entry = from_trace(&root);
            entry.timestamp = time(value, &["timestamp"]);
            entry.concurrent = list(value, &["all-exceptions"]).iter().map(parse_entry).collect();
            entries.push(entry);
        }
        truncated = flag(value, &["truncated"]);
    }
    entries.sort_by(|a, b| b.timestamp.unwrap_or(0.0).total_cmp(&a.timestamp.unwrap_or(0.0)));
    JobExceptions { entries, truncated, notes }
}

fn parse_entry(e: &Value) -> JobException {
    let trace = text(e, &["stacktrace", "exception"]).unwrap_or_default();
    let mut entry = from_trace(&trace);
    if let Some(name) = text(e, &["exceptionName", "exception-name"]) {
        entry.exception_name = name;
    }
    entry.timestamp = time(e, &["timestamp"]);
    entry.task_name = text(e, &["taskName", "task"]).filter(|t| !t.is_empty());
    entry.location = text(e, &["endpoint", "location"]).filter(|l| !l.is_empty());
    entry.task_manager_id = text(e, &["taskManagerId", "taskmanager-id"]).filter(|t| !t.is_empty());
    if let Some(Value::Object(labels)) = field(e, &["failureLabels"]) {
        entry.failure_labels = labels
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().map_or_else(|| v.to_string(), str::to_string)))
            .collect();
    }
    entry.concurrent = list(e, &["concurrentExceptions"]).iter().map(parse_entry).collect();
    entry
}

/// Name, message and root cause from a Java stack trace.
fn from_trace(trace: &str) -> JobException {
    let message = trace.lines().next().unwrap_or_default().trim().to_string();
    let exception_name = message.split(':').next().unwrap_or_default().trim().to_string();
    let root_cause = trace
        .lines()
        .rev()
        .find_map(|line| line.trim_start().strip_prefix("Caused by:"))
        .map(|cause| cause.trim().to_string());
    JobException {
        exception_name,
        message,
        root_cause,
        stacktrace: trace.to_string(),
        timestamp: None,
        task_name: None,
        location: None,
        task_manager_id: None,
        failure_labels: BTreeMap::new(),
        concurrent: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn the_root_cause_is_the_innermost_caused_by() {
        let e = from_trace("a.B: outer\n\tat x\nCaused by: c.D: middle\n\tat y\nCaused by: e.F: inner\n");
        assert_eq!(e.exception_name, "a.B");
        assert_eq!(e.message, "a.B: outer");
        assert_eq!(e.root_cause.as_deref(), Some("e.F: inner"));
    }

    #[test]
    fn the_pre_1_14_shape_still_gives_an_entry() {
        let old = json!({"root-exception": "java.lang.Exception: boom\n\tat x", "timestamp": 5,
            "all-exceptions": [{"exception": "java.lang.Exception: boom", "task": "Map (1/2)", "location": "h:1"}],
            "truncated": false});
        let parsed = parse_exceptions(&old);
        assert_eq!(parsed.entries.len(), 1);
        assert_eq!(parsed.entries[0].concurrent[0].task_name.as_deref(), Some("Map (1/2)"));
        assert_eq!(parsed.notes.len(), 1);
    }
}
