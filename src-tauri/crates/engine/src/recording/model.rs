//! What a recording holds and what the opener shows of it: the manifest, the integrity
//! verdict, the summary, events, metric samples, REST snapshots and captured records.
//! Wire types (camelCase, exported to TypeScript); times are epoch milliseconds as `f64`.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The `.slrec` format version this build writes and the newest it reads.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecordedTopic {
    pub topic: String,
    /// "input" (the job's source) or "output" (its sink).
    pub direction: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Manifest {
    pub format_version: u32,
    pub app_version: String,
    /// The OS user who recorded.
    pub recorded_by: String,
    pub recorded_at: String,
    pub connection: String,
    pub flink_url: String,
    pub flink_version: String,
    pub job_id: String,
    pub job_name: String,
    /// First and last sample time (epoch ms); the end is set when the recording stops.
    pub start: f64,
    pub end: Option<f64>,
    pub interval_ms: u32,
    /// SHA-256 of the workspace policy the records were masked under.
    pub policy_hash: String,
    /// The role the captured records were masked for.
    pub masked_for_role: String,
    pub topics: Vec<RecordedTopic>,
}

/// What the opener can say about a file's integrity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Integrity {
    /// The content digest matches and a valid signature by this key covers it.
    Signed { signer: String, public_key: String },
    /// The content digest matches; nobody signed it.
    Unsigned,
    /// The content does not match its digest or signature: edited after recording.
    Tampered { reason: String },
    /// Recording never finished (stopped by a crash): what was written opens read-only.
    Incomplete,
    /// Written by a newer format version than this app reads.
    NewerVersion { version: u32 },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    JobState,
    Restart,
    CheckpointCompleted,
    CheckpointFailed,
    Savepoint,
    Exception,
    Rescale,
}

impl EventKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::JobState => "job_state",
            Self::Restart => "restart",
            Self::CheckpointCompleted => "checkpoint_completed",
            Self::CheckpointFailed => "checkpoint_failed",
            Self::Savepoint => "savepoint",
            Self::Exception => "exception",
            Self::Rescale => "rescale",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [
            Self::JobState,
            Self::Restart,
            Self::CheckpointCompleted,
            Self::CheckpointFailed,
            Self::Savepoint,
            Self::Exception,
            Self::Rescale,
        ]
        .into_iter()
        .find(|k| k.as_str() == text)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecordingEvent {
    pub seq: f64,
    pub at: f64,
    pub kind: EventKind,
    /// One line for the timeline ("Checkpoint 12 failed: Checkpoint expired…").
    pub summary: String,
    /// The event's facts as JSON text (state names, checkpoint id, stack trace, …).
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecordingCounts {
    pub snapshots: f64,
    pub samples: f64,
    pub events: f64,
    pub records: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecordingSummary {
    pub path: String,
    pub file_bytes: f64,
    pub manifest: Manifest,
    pub integrity: Integrity,
    pub counts: RecordingCounts,
    /// First and last time anything was recorded.
    pub start: f64,
    pub end: f64,
    /// Job state over time: (from, state) bands in order.
    pub state_bands: Vec<StateBand>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StateBand {
    pub from: f64,
    pub to: f64,
    pub state: String,
}

/// One metric of one vertex over time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MetricSeries {
    pub vertex_id: String,
    pub metric: String,
    pub points: Vec<[f64; 2]>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CapturedRecord {
    pub seq: f64,
    pub direction: String,
    pub topic: String,
    /// As the data path delivered it, masked for the manifest's role.
    #[ts(as = "crate::browse::MessageRecord")]
    pub record: serde_json::Value,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CapturedPage {
    pub records: Vec<CapturedRecord>,
    /// Records scanned for this page (the filter may have skipped some).
    pub scanned: f64,
}

/// How far a recording has got, reported after each poll.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecordingProgress {
    pub elapsed_ms: f64,
    pub polls: u32,
    pub samples: f64,
    pub events: f64,
    pub records: f64,
    pub dropped_records: f64,
    pub file_bytes: f64,
    /// Flink REST requests of the last poll.
    pub requests: u32,
    pub job_state: String,
}
