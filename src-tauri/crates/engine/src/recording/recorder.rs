//! The recording loop: poll a Flink job at a fixed interval within a request budget,
//! turn what changed into snapshots, metric samples and events, take the captured records
//! the data path delivered since the last poll, and append it all in one transaction per
//! poll. It stops when asked, when the duration is up, or after one poll of a job that
//! has already ended (a finished job is recorded from its final state).
//!
//! Requests per poll: the job, its checkpoints, its exceptions and its restart count (4),
//! the aggregated metrics of up to 24 vertices, and every 10th poll each vertex's
//! subtasks (up to 24) — at most 52, usually 4 + vertices.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::Value;
use tokio::sync::mpsc;

use super::events::EventTracker;
use super::model::RecordingProgress;
use super::writer::{Batch, NewRecord, RecordingWriter, Sample};
use crate::error::Result;
use crate::flink::client::id_segment;
use crate::flink::json::{list, text};
use crate::flink::metrics::{CounterHistory, MAX_DETAILED_VERTICES};
use crate::flink::model::VertexMetrics;
use crate::flink::FlinkClient;

/// Vertex subtask snapshots are taken every this many polls.
const VERTEX_SNAPSHOT_EVERY: u32 = 10;
/// The write-ahead log is folded into the file every this many polls.
const CHECKPOINT_EVERY: u32 = 20;
const TERMINAL: [&str; 4] = ["FINISHED", "CANCELED", "FAILED", "SUSPENDED"];

/// What the topic capture sends the recorder: a record, or how many records the capture
/// could not keep (a burst beyond the tail's batch limit).
pub enum Captured {
    Record(NewRecord),
    Dropped(u64),
}

pub struct RecordOptions {
    pub interval: Duration,
    /// Stop after this long; none: until cancelled (or the job ends).
    pub duration: Option<Duration>,
}

/// Records `job` into `writer` until cancelled, the duration is up, or the job has ended.
/// Returns the time of the last poll (epoch ms).
pub async fn record_job(
    client: &FlinkClient,
    job: &str,
    writer: &mut RecordingWriter,
    options: &RecordOptions,
    cancel: Arc<AtomicBool>,
    mut records: Option<mpsc::Receiver<Captured>>,
    mut progress: impl FnMut(RecordingProgress),
) -> Result<f64> {
    let job = id_segment("job", job)?.to_string();
    let started = Instant::now();
    let mut tracker = EventTracker::default();
    let mut counters = CounterHistory::default();
    let mut last_bodies: HashMap<String, u64> = HashMap::new();
    let mut polls = 0u32;
    let mut dropped = 0u64;
    loop {
        let tick = Instant::now();
        let mut batch = Batch::default();
        let mut requests = 0u32;
        let mut snapshot = |batch: &mut Batch, at: f64, path: String, value: &Value| {
            let body = value.to_string();
            let hash = fingerprint(&body);
            if last_bodies.insert(path.clone(), hash) != Some(hash) {
                batch.snapshots.push((at, path, body));
            }
        };

        let detail = client.get(&format!("jobs/{job}")).await?;
        requests += 1;
        let at = crate::flink::json::number(&detail, &["now"])
            .unwrap_or_else(|| chrono::Utc::now().timestamp_millis() as f64);
        let state = text(&detail, &["state", "status"]).unwrap_or_default();
        snapshot(&mut batch, at, format!("jobs/{job}"), &detail);
        batch.events.extend(tracker.job(at, &detail));
        let vertices: Vec<String> =
            list(&detail, &["vertices"]).iter().filter_map(|v| text(v, &["id"])).collect();

        if polls == 0 {
            for path in [
                format!("jobs/{job}/plan"),
                format!("jobs/{job}/config"),
                format!("jobs/{job}/checkpoints/config"),
                "config".to_string(),
                "jobs/overview".to_string(),
            ] {
                requests += 1;
                if let Ok(Some(value)) = client.get_optional(&path).await {
                    snapshot(&mut batch, at, path, &value);
                }
            }
        }
        let detailed: Vec<String> = vertices.iter().take(MAX_DETAILED_VERTICES).cloned().collect();
        let metrics = client.graph_metrics_from(&job, &detail, &detailed, &mut counters).await?;
        requests += metrics.requests - 1;
        batch.samples.extend(metrics.vertices.iter().flat_map(|v| samples_of(at, v)));

        let (checkpoints_path, exceptions_path, restarts_path) = (
            format!("jobs/{job}/checkpoints"),
            format!("jobs/{job}/exceptions?maxExceptions=50"),
            format!("jobs/{job}/metrics?get=numRestarts"),
        );
        let (checkpoints, exceptions, restarts) = tokio::join!(
            client.get_optional(&checkpoints_path),
            client.get_optional(&exceptions_path),
            client.get_optional(&restarts_path),
        );
        requests += 3;
        if let Ok(Some(value)) = checkpoints {
            batch.events.extend(tracker.checkpoints(&value));
            snapshot(&mut batch, at, checkpoints_path, &value);
        }
        if let Ok(Some(value)) = exceptions {
            batch.events.extend(tracker.exceptions(&value));
            snapshot(&mut batch, at, format!("jobs/{job}/exceptions"), &value);
        }
        if let Ok(Some(value)) = restarts {
            batch.events.extend(tracker.restarts(at, &value));
        }
        if polls.is_multiple_of(VERTEX_SNAPSHOT_EVERY) {
            for vertex in &detailed {
                let path = format!("jobs/{job}/vertices/{vertex}");
                requests += 1;
                if let Ok(value) = client.get(&path).await {
                    snapshot(&mut batch, at, path, &value);
                }
            }
        }
        if let Some(rx) = records.as_mut() {
            while let Ok(captured) = rx.try_recv() {
                match captured {
                    Captured::Record(record) => batch.records.push(record),
                    Captured::Dropped(n) => dropped += n,
                }
            }
        }
        writer.append(&batch).await?;
        polls += 1;
        if polls.is_multiple_of(CHECKPOINT_EVERY) {
            writer.checkpoint().await?;
        }
        let counts = writer.counts();
        progress(RecordingProgress {
            elapsed_ms: started.elapsed().as_millis() as f64,
            polls,
            samples: counts.samples as f64,
            events: counts.events as f64,
            records: counts.records as f64,
            dropped_records: dropped as f64,
            file_bytes: writer.file_bytes() as f64,
            requests,
            job_state: state.clone(),
        });

        let ended = TERMINAL.contains(&state.as_str());
        let out_of_time = options.duration.is_some_and(|d| started.elapsed() >= d);
        if ended || out_of_time || cancel.load(Ordering::Relaxed) {
            return Ok(at);
        }
        let wait = options.interval.saturating_sub(tick.elapsed());
        if super::sleep_unless_cancelled(wait, &cancel).await {
            return Ok(at);
        }
    }
}

/// A vertex's figures at one poll as samples (whole vertex, no subtask).
fn samples_of(at: f64, v: &VertexMetrics) -> Vec<Sample> {
    [
        ("recordsInPerSecond", v.records_in_per_second),
        ("recordsOutPerSecond", v.records_out_per_second),
        ("busyPercent", v.busy_percent),
        ("backpressuredPercent", v.backpressured_percent),
        ("lowWatermark", v.low_watermark),
        ("readRecords", v.read_records),
        ("writeRecords", v.write_records),
    ]
    .into_iter()
    .filter_map(|(metric, value)| {
        value.map(|value| Sample {
            at,
            vertex: v.vertex_id.clone(),
            subtask: None,
            metric: metric.into(),
            value,
        })
    })
    .collect()
}

fn fingerprint(body: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    body.hash(&mut hasher);
    hasher.finish()
}
