//! Replaying a recording's captured input: which captured records can be produced again
//! (their key and value text, as captured — masked for the role the recording was made
//! for) and how long to wait between two of them at a given speed. The workspace does the
//! producing (workspace/replay.rs), a page of records at a time.

use std::time::Duration;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::kafka::producing::{ProduceFormat, ProduceRequest};

/// Captured input records read (and produced) per round: bounded memory for any file.
pub(crate) const PAGE: u32 = 500;
/// The longest pause replay keeps between two records, whatever the speed (a recording
/// with a quiet hour in it does not stall the replay for an hour).
const MAX_PAUSE: Duration = Duration::from_secs(60);

/// How far a replay has got; the last one sent is the outcome.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReplayProgress {
    /// Input records in the recording.
    pub total: u32,
    pub produced: u32,
    /// Records that could not be replayed (withheld by masking, or binary).
    pub skipped: u32,
    /// Stopped before the end (cancelled).
    pub cancelled: bool,
}

/// One captured input record: when it was produced originally, and the request that
/// produces it again (`None`: it cannot be replayed).
pub(crate) struct Replayable {
    pub at: f64,
    pub request: Option<ProduceRequest>,
}

/// A captured record's JSON (as the recorder stored it) → what to produce into `topic`.
pub(crate) fn replayable(body: &str, topic: &str) -> Replayable {
    let record: serde_json::Value = serde_json::from_str(body).unwrap_or_default();
    let at = record.get("timestamp").and_then(serde_json::Value::as_f64).unwrap_or(0.0);
    let text = |part: &str| {
        record.get(part).and_then(|p| p.get("text")).and_then(serde_json::Value::as_str).map(str::to_string)
    };
    let format = record.get("value").and_then(|p| p.get("format")).and_then(serde_json::Value::as_str);
    let request = matches!(format, Some("json" | "text" | "null")).then(|| ProduceRequest {
        topic: topic.to_string(),
        partition: None,
        key: text("key"),
        value: text("value"),
        headers: vec![],
        format: if format == Some("json") { ProduceFormat::Json } else { ProduceFormat::Text },
        schema: None,
    });
    Replayable { at, request }
}

/// The wait before a record produced at `at` when the previous one was at `before`
/// (milliseconds), replayed at `speed`× (none or ≤ 0: as fast as possible).
pub(crate) fn pause(before: Option<f64>, at: f64, speed: Option<f64>) -> Duration {
    match (speed.filter(|s| *s > 0.0), before) {
        (Some(speed), Some(before)) if at > before => {
            Duration::from_secs_f64(((at - before) / speed / 1000.0).min(MAX_PAUSE.as_secs_f64()))
        }
        _ => Duration::ZERO,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn json_and_text_records_replay_binary_and_withheld_ones_do_not() {
        let json = r#"{"timestamp": 1000, "key": {"format": "text", "text": "k1"}, "value": {"format": "json", "text": "{\"a\":1}"}}"#;
        let r = replayable(json, "out");
        assert_eq!(r.at, 1000.0);
        let request = r.request.unwrap();
        assert_eq!((request.topic.as_str(), request.key.as_deref()), ("out", Some("k1")));
        assert_eq!(request.value.as_deref(), Some("{\"a\":1}"));
        assert_eq!(request.format, ProduceFormat::Json);
        let tombstone = r#"{"timestamp": 5, "value": {"format": "null"}}"#;
        assert_eq!(replayable(tombstone, "out").request.unwrap().value, None);
        for body in [
            r#"{"timestamp": 5, "value": {"format": "binary", "hex": "00ff"}}"#,
            r#"{"value": {"format": "withheld"}}"#,
            "not json",
        ] {
            assert!(replayable(body, "out").request.is_none(), "{body}");
        }
    }

    #[test]
    fn pauses_follow_the_original_timing_at_the_chosen_speed() {
        assert_eq!(pause(Some(1000.0), 3000.0, Some(1.0)), Duration::from_secs(2));
        assert_eq!(pause(Some(1000.0), 3000.0, Some(10.0)), Duration::from_millis(200));
        assert_eq!(pause(Some(1000.0), 3000.0, None), Duration::ZERO);
        assert_eq!(pause(Some(1000.0), 3000.0, Some(0.0)), Duration::ZERO);
        assert_eq!(pause(None, 3000.0, Some(1.0)), Duration::ZERO);
        assert_eq!(pause(Some(3000.0), 1000.0, Some(1.0)), Duration::ZERO, "out of order: no wait");
        assert_eq!(pause(Some(0.0), 7_200_000.0, Some(1.0)), MAX_PAUSE);
    }
}
