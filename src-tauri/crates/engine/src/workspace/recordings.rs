//! Recordings in the workspace: record a job (developer/admin) with its topics captured
//! through the one data path as the role the recording is for (support by default, so the
//! file is masked at capture time); open one (every role, offline — a troubleshooter needs
//! no live access) and read it at any time; export it; replay its input records into a
//! non-prod topic (workspace/replay.rs). Making, opening and replaying are audited.

use std::collections::HashMap;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use tokio::sync::mpsc;
use ts_rs::TS;

use super::Workspace;
use crate::access::{Action, Role, Session};
use crate::browse::TailRequest;
use crate::error::{Error, Result};
use crate::flink::model::{JobGraph, VertexMetrics};
use crate::recording::model::{
    CapturedPage, EventKind, Integrity, Manifest, MetricSeries, RecordedTopic, RecordingEvent,
    RecordingProgress, RecordingSummary, FORMAT_VERSION,
};
use crate::recording::recorder::{record_job, Captured, RecordOptions};
use crate::recording::writer::{NewRecord, Signing};
use crate::recording::{archive, RecordingReader, RecordingWriter};

/// Records in flight between the topic capture and the recorder; more are counted as dropped.
const CAPTURE_BUFFER: usize = 20_000;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecordRequest {
    pub job_id: String,
    pub path: String,
    pub interval_ms: u32,
    /// Stop after this long; none: until stopped (or the job ends).
    pub duration_ms: Option<u32>,
    pub topics: Vec<RecordedTopic>,
    /// The role the captured records are masked for (support when none).
    pub masked_for: Option<Role>,
}

pub type RecordingProgressSink = Box<dyn FnMut(RecordingProgress) + Send>;

impl Workspace {
    /// Records until `cancel`, the duration, or the end of the job; returns the sealed
    /// recording's verified summary.
    pub async fn record_job(
        &self,
        session: &Session,
        connection: &str,
        request: &RecordRequest,
        signing: Option<Signing<'_>>,
        cancel: Arc<AtomicBool>,
        progress: RecordingProgressSink,
    ) -> Result<RecordingSummary> {
        let (profile, client) = self.flink(session, connection, Action::RecordJobs).await?;
        let masked_for = request.masked_for.unwrap_or(Role::Support);
        let capture = session.view_as(masked_for)?;
        if request.interval_ms < 200 {
            return Err(Error::invalid("The sampling interval must be at least 200 ms."));
        }
        let detail = client
            .get(&format!("jobs/{}", crate::flink::client::id_segment("job", &request.job_id)?))
            .await?;
        let flink_version = client
            .get("config")
            .await
            .ok()
            .and_then(|c| crate::flink::json::text(&c, &["flink-version"]))
            .unwrap_or_else(|| "unknown".into());
        let now = chrono::Utc::now();
        let manifest = Manifest {
            format_version: FORMAT_VERSION,
            app_version: env!("CARGO_PKG_VERSION").into(),
            recorded_by: session.user.clone(),
            recorded_at: now.to_rfc3339(),
            connection: profile.name.clone(),
            flink_url: client.url().to_string(),
            flink_version,
            job_id: request.job_id.clone(),
            job_name: crate::flink::json::text(&detail, &["name"]).unwrap_or_default(),
            start: now.timestamp_millis() as f64,
            end: None,
            interval_ms: request.interval_ms,
            policy_hash: capture.policy_hash(),
            masked_for_role: masked_for.as_str().into(),
            topics: request.topics.clone(),
        };
        let path = PathBuf::from(&request.path);
        let mut writer = RecordingWriter::create(&path, manifest).await?;

        let (sender, receiver) = mpsc::channel::<Captured>(CAPTURE_BUFFER);
        let tail_ids: Vec<String> = request
            .topics
            .iter()
            .map(|t| format!("recording-{}-{}", t.topic, uuid::Uuid::new_v4()))
            .collect();
        let tails = request.topics.iter().zip(&tail_ids).map(|(topic, id)| {
            let sender = sender.clone();
            let (name, direction) = (topic.topic.clone(), topic.direction.clone());
            let tail = TailRequest { topic: name.clone(), partitions: None, filter: Default::default() };
            let capture = &capture;
            async move {
                let emit = Box::new(move |batch: crate::browse::TailBatch| {
                    if batch.dropped > 0 {
                        let _ = sender.try_send(Captured::Dropped(batch.dropped));
                    }
                    for record in batch.messages {
                        let new = NewRecord {
                            at: record.timestamp.unwrap_or(0) as f64,
                            direction: direction.clone(),
                            topic: name.clone(),
                            partition: record.partition,
                            offset: record.offset,
                            body: serde_json::to_value(&record).unwrap_or_default(),
                        };
                        if sender.try_send(Captured::Record(new)).is_err() {
                            let _ = sender.try_send(Captured::Dropped(1));
                        }
                    }
                    ControlFlow::Continue(())
                });
                self.tail_messages(capture, connection, &tail, id, emit).await
            }
        });
        let tails: Vec<_> = tails.collect();
        drop(sender);
        let options = RecordOptions {
            interval: Duration::from_millis(u64::from(request.interval_ms)),
            duration: request.duration_ms.map(|ms| Duration::from_millis(u64::from(ms))),
        };
        let receiver = (!request.topics.is_empty()).then_some(receiver);
        let recording = async {
            // Let the tails subscribe before the first poll.
            if receiver.is_some() {
                tokio::time::sleep(Duration::from_millis(300)).await;
            }
            let outcome =
                record_job(&client, &request.job_id, &mut writer, &options, cancel, receiver, progress).await;
            for id in &tail_ids {
                self.cancel_scan(id).await;
            }
            outcome
        };
        let (outcome, tails) = tokio::join!(recording, futures_util::future::join_all(tails));
        let end = outcome?;
        if let Some(err) = tails.into_iter().find_map(|r| r.err()) {
            tracing::warn!(%err, "topic capture stopped");
        }
        let counts = writer.counts();
        let sealed = writer.finish(end, signing).await?;
        let detail = serde_json::json!({
            "job": request.job_id, "path": sealed.display().to_string(), "masked_for": masked_for.as_str(),
            "samples": counts.samples, "events": counts.events, "records": counts.records,
        });
        self.audit(session, "recording_made", Some(&profile), detail).await?;
        let reader = RecordingReader::open(&sealed).await?;
        let mut summary = reader.summary().await?;
        summary.integrity = reader.verify().await?;
        reader.close().await;
        Ok(summary)
    }

    /// Opens a recording (offline); the integrity is what the file claims until verified.
    pub async fn open_recording(&self, session: &Session, path: &str) -> Result<RecordingSummary> {
        session.authorize(Action::OpenRecordings)?;
        let key = PathBuf::from(path);
        let reader = Arc::new(RecordingReader::open(&key).await?);
        let summary = reader.summary().await?;
        let previous = self.recordings.lock().await.insert(key, Arc::clone(&reader));
        if let Some(previous) = previous {
            previous.close().await;
        }
        let detail = serde_json::json!({ "path": path, "job": summary.manifest.job_name, "masked_for": summary.manifest.masked_for_role });
        self.audit(session, "recording_opened", None, detail).await?;
        tracing::info!(path, job = %summary.manifest.job_name, "recording opened");
        Ok(summary)
    }

    pub async fn verify_recording(&self, session: &Session, path: &str) -> Result<Integrity> {
        self.recording(session, path).await?.verify().await
    }

    pub async fn recording_events(
        &self,
        session: &Session,
        path: &str,
        kinds: &[EventKind],
        limit: u32,
    ) -> Result<Vec<RecordingEvent>> {
        self.recording(session, path).await?.events(kinds, limit).await
    }

    pub async fn recording_graph_at(&self, session: &Session, path: &str, at: f64) -> Result<JobGraph> {
        self.recording(session, path).await?.graph_at(at).await
    }

    pub async fn recording_metrics_at(
        &self,
        session: &Session,
        path: &str,
        at: f64,
    ) -> Result<Vec<VertexMetrics>> {
        self.recording(session, path).await?.metrics_at(at).await
    }

    pub async fn recording_series(
        &self,
        session: &Session,
        path: &str,
        vertex: &str,
        metric: &str,
        until: Option<f64>,
    ) -> Result<MetricSeries> {
        self.recording(session, path).await?.series(vertex, metric, until).await
    }

    pub async fn recording_records(
        &self,
        session: &Session,
        path: &str,
        at: f64,
        before: bool,
        filter: &crate::browse::MessageFilter,
        limit: u32,
    ) -> Result<CapturedPage> {
        self.recording(session, path).await?.records(at, before, filter, limit).await
    }

    /// Exports a HistoryServer archive (`history`) or the captured records as JSONL.
    pub async fn export_recording(
        &self,
        session: &Session,
        path: &str,
        out: &str,
        history: bool,
    ) -> Result<u64> {
        let reader = self.recording(session, path).await?;
        let out = Path::new(out);
        if history {
            archive::export_history_archive(&reader, out).await.map(|n| n as u64)
        } else {
            archive::export_records_jsonl(&reader, out).await
        }
    }

    /// Forgets an opened recording.
    pub async fn close_recording(&self, path: &str) {
        if let Some(reader) = self.recordings.lock().await.remove(&PathBuf::from(path)) {
            reader.close().await;
        }
    }

    /// The opened recording at `path` (opening it if needed), after the role check.
    pub(super) async fn recording(&self, session: &Session, path: &str) -> Result<Arc<RecordingReader>> {
        session.authorize(Action::OpenRecordings)?;
        let key = PathBuf::from(path);
        if let Some(reader) = self.recordings.lock().await.get(&key) {
            return Ok(Arc::clone(reader));
        }
        self.open_recording(session, path).await?;
        self.recordings
            .lock()
            .await
            .get(&key)
            .cloned()
            .ok_or_else(|| Error::internal("the recording closed while opening"))
    }
}

/// Opened recordings by path.
pub(super) type OpenRecordings = tokio::sync::Mutex<HashMap<PathBuf, Arc<RecordingReader>>>;
