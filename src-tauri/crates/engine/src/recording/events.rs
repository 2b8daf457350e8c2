//! Events from successive REST answers: job state changes (and, on the first poll, the
//! state history the job detail carries), restarts (`numRestarts` going up), rescales,
//! checkpoints and savepoints completed or failed, and new exceptions. Each is reported
//! once, at the time Flink gives for it.

use std::collections::{BTreeSet, HashMap};

use serde_json::{json, Value};

use super::model::EventKind;
use super::writer::NewEvent;
use crate::flink::checkpoints::parse_summary;
use crate::flink::exceptions::parse_exceptions;
use crate::flink::json::{as_number, count, field, list, number, text, time};

#[derive(Debug, Default)]
pub(crate) struct EventTracker {
    state: Option<String>,
    restarts: Option<f64>,
    parallelism: HashMap<String, u32>,
    checkpoints: BTreeSet<u64>,
    exceptions: BTreeSet<(u64, String)>,
}

impl EventTracker {
    /// From `/jobs/:jid`: state changes and rescales.
    pub(crate) fn job(&mut self, at: f64, detail: &Value) -> Vec<NewEvent> {
        let mut out = Vec::new();
        let state = text(detail, &["state", "status"]).unwrap_or_else(|| "UNKNOWN".into());
        match &self.state {
            None => {
                // The first look: the state and when the job entered it (Flink keeps only
                // the latest entry time of each state, so earlier history is not knowable).
                let since = field(detail, &["timestamps"])
                    .and_then(|t| t.get(&state))
                    .and_then(as_number)
                    .filter(|t| *t > 0.0 && *t <= at)
                    .unwrap_or(at);
                out.push(state_event(since, None, &state));
            }
            Some(previous) if *previous != state => out.push(state_event(at, Some(previous), &state)),
            Some(_) => {}
        }
        self.state = Some(state);
        for vertex in list(detail, &["vertices"]) {
            let (Some(id), Some(p)) = (text(vertex, &["id"]), count(vertex, &["parallelism"])) else {
                continue;
            };
            let name = text(vertex, &["name"]).unwrap_or_else(|| id.clone());
            if let Some(old) = self.parallelism.insert(id.clone(), p).filter(|old| *old != p) {
                out.push(NewEvent {
                    at,
                    kind: EventKind::Rescale,
                    summary: format!("{name} rescaled from {old} to {p}"),
                    detail: json!({ "vertex": id, "from": old, "to": p }),
                });
            }
        }
        out
    }

    /// From `/jobs/:jid/metrics?get=numRestarts`.
    pub(crate) fn restarts(&mut self, at: f64, metrics: &Value) -> Vec<NewEvent> {
        let Some(now) = metrics
            .as_array()
            .and_then(|m| m.iter().find(|e| e.get("id").and_then(Value::as_str) == Some("numRestarts")))
            .and_then(|e| number(e, &["value"]))
        else {
            return Vec::new();
        };
        let before = self.restarts.replace(now);
        match before {
            Some(before) if now > before => vec![NewEvent {
                at,
                kind: EventKind::Restart,
                summary: format!("Job restarted (restart {now})"),
                detail: json!({ "numRestarts": now, "previous": before }),
            }],
            _ => Vec::new(),
        }
    }

    /// From `/jobs/:jid/checkpoints`: each completed or failed checkpoint once.
    pub(crate) fn checkpoints(&mut self, stats: &Value) -> Vec<NewEvent> {
        let mut out = Vec::new();
        let mut entries: Vec<&Value> = list(stats, &["history"]).iter().collect();
        entries.sort_by_key(|c| number(c, &["id"]).unwrap_or(0.0) as u64);
        for entry in entries {
            let c = parse_summary(entry);
            if c.status == "IN_PROGRESS" || !self.checkpoints.insert(c.id as u64) {
                continue;
            }
            let at = time(entry, &["failure_timestamp", "latest_ack_timestamp"])
                .or(c.trigger_timestamp)
                .unwrap_or(0.0);
            let what = if c.is_savepoint { "Savepoint" } else { "Checkpoint" };
            let (kind, summary) = match c.status.as_str() {
                "FAILED" => (
                    EventKind::CheckpointFailed,
                    format!("{what} {} failed: {}", c.id, c.failure_message.clone().unwrap_or_default()),
                ),
                _ if c.is_savepoint => (EventKind::Savepoint, format!("Savepoint {} completed", c.id)),
                _ => (
                    EventKind::CheckpointCompleted,
                    format!(
                        "Checkpoint {} completed in {} ms",
                        c.id,
                        c.end_to_end_duration_ms.unwrap_or(0.0)
                    ),
                ),
            };
            out.push(NewEvent { at, kind, summary, detail: serde_json::to_value(&c).unwrap_or_default() });
        }
        out
    }

    /// From `/jobs/:jid/exceptions`: each history entry once.
    pub(crate) fn exceptions(&mut self, answer: &Value) -> Vec<NewEvent> {
        let mut parsed = parse_exceptions(answer).entries;
        parsed.reverse(); // oldest first
        parsed
            .into_iter()
            .filter(|e| self.exceptions.insert((e.timestamp.unwrap_or(0.0) as u64, e.message.clone())))
            .map(|e| NewEvent {
                at: e.timestamp.unwrap_or(0.0),
                kind: EventKind::Exception,
                summary: match (&e.task_name, &e.root_cause) {
                    (Some(task), Some(root)) => format!("{} in {task} (root cause: {root})", e.message),
                    (Some(task), None) => format!("{} in {task}", e.message),
                    _ => e.message.clone(),
                },
                detail: serde_json::to_value(&e).unwrap_or_default(),
            })
            .collect()
    }
}

fn state_event(at: f64, from: Option<&str>, to: &str) -> NewEvent {
    NewEvent {
        at,
        kind: EventKind::JobState,
        summary: match from {
            Some(from) => format!("Job {from} → {to}"),
            None => format!("Job {to}"),
        },
        detail: json!({ "from": from, "to": to }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_history_then_changes_and_restarts_each_once() {
        let mut t = EventTracker::default();
        let first = t.job(
            50.0,
            &json!({"state": "RUNNING", "timestamps": {"CREATED": 10, "RUNNING": 20, "FAILED": 0}}),
        );
        let states: Vec<(&str, f64)> = first.iter().map(|e| (e.summary.as_str(), e.at)).collect();
        assert_eq!(states, vec![("Job RUNNING", 20.0)], "since it entered RUNNING");
        assert!(t.job(60.0, &json!({"state": "RUNNING"})).is_empty());
        assert_eq!(t.job(70.0, &json!({"state": "RESTARTING"}))[0].summary, "Job RUNNING → RESTARTING");
        assert!(t.restarts(1.0, &json!([{"id": "numRestarts", "value": "2"}])).is_empty());
        assert_eq!(t.restarts(2.0, &json!([{"id": "numRestarts", "value": "3"}])).len(), 1);
        assert!(t.restarts(3.0, &json!([{"id": "numRestarts", "value": "3"}])).is_empty());
    }

    #[test]
    fn checkpoints_are_reported_once_with_their_outcome() {
        let mut t = EventTracker::default();
        let stats = json!({"history": [
            {"id": 2, "status": "FAILED", "failure_message": "expired", "failure_timestamp": 200, "trigger_timestamp": 100},
            {"id": 1, "status": "COMPLETED", "latest_ack_timestamp": 90, "end_to_end_duration": 12},
            {"id": 3, "status": "IN_PROGRESS"}]});
        let events = t.checkpoints(&stats);
        let got: Vec<(EventKind, f64)> = events.iter().map(|e| (e.kind, e.at)).collect();
        assert_eq!(got, vec![(EventKind::CheckpointCompleted, 90.0), (EventKind::CheckpointFailed, 200.0)]);
        assert!(events[1].summary.contains("expired"));
        assert!(t.checkpoints(&stats).is_empty());
    }
}
