//! Reading messages through the one data path: authorize, choose the mask stage for the
//! caller's role and the connection's environment, then page or stream. Scans that the UI
//! may cancel are registered under an id the UI chose.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use super::Workspace;
use crate::access::{Action, Session, Target};
use crate::browse::mask::MaskStage;
use std::ops::ControlFlow;

use crate::browse::export::{ExportSummary, ExportTarget, NewFile};
use crate::browse::TailRequest;
use crate::browse::{BrowseRequest, MessagePage, Pipeline, ScanOutcome};
use crate::error::{Error, Result};
use crate::kafka::producing::{ProduceRequest, ProduceResult};
use crate::kafka::{ProgressSink, RecordSink, TailSink};
use crate::mask::Masker;
use crate::profile::ConnectionProfile;

impl Workspace {
    /// One page of messages; `scan_id` lets [`Workspace::cancel_scan`] stop it early.
    pub async fn browse_messages(
        &self,
        session: &Session,
        connection: &str,
        request: &BrowseRequest,
        scan_id: Option<&str>,
        progress: ProgressSink,
    ) -> Result<MessagePage> {
        let (profile, cluster) = self.kafka_cluster(connection).await?;
        session.authorize_on(Action::ReadMessages, read_target(&profile, &request.topic))?;
        let pipeline = self.pipeline(session, &profile, request, false, "browse").await?;
        let cancel = self.register_scan(scan_id).await;
        let mut page = cluster.browse(request, pipeline, cancel, progress).await;
        if let Ok(page) = &mut page {
            page.registry_notice = self.registry_outage(&profile).await.map(|reason| {
                format!(
                    "Working from cached schemas: the Schema Registry could not be asked lately ({reason})."
                )
            });
        }
        if let Some(id) = scan_id {
            self.scans.lock().await.remove(id);
        }
        tracing::info!(connection = %profile.name, topic = %request.topic, role = session.role.as_str(), "browse");
        page
    }

    /// The whole requested range into `sink` (the CLI's `consume`, exports).
    pub async fn stream_messages(
        &self,
        session: &Session,
        connection: &str,
        request: &BrowseRequest,
        cancel: Arc<AtomicBool>,
        sink: RecordSink,
        progress: ProgressSink,
    ) -> Result<ScanOutcome> {
        let (profile, cluster) = self.kafka_cluster(connection).await?;
        session.authorize_on(Action::ReadMessages, read_target(&profile, &request.topic))?;
        tracing::info!(connection = %profile.name, topic = %request.topic, role = session.role.as_str(), "stream");
        let pipeline = self.pipeline(session, &profile, request, true, "read").await?;
        cluster.stream(request, pipeline, cancel, sink, progress).await
    }

    /// Sends one message: developer and admin, never on a prod connection (a workspace
    /// policy will be able to allow it).
    pub async fn produce(
        &self,
        session: &Session,
        connection: &str,
        request: &ProduceRequest,
    ) -> Result<ProduceResult> {
        let (profile, cluster) = self.kafka_cluster(connection).await?;
        session.authorize_on(Action::Produce, read_target(&profile, &request.topic))?;
        let encoded = match (&request.schema, &request.value) {
            (Some(schema), Some(value)) => {
                let registry = self.registry(connection).await?;
                Some(crate::schema::encode::encode_value(&registry, schema, value).await?)
            }
            _ => None,
        };
        let result = cluster.produce(request, encoded).await?;
        self.audit(
            session,
            "produce",
            Some(&profile),
            serde_json::json!({
                "topic": request.topic, "partition": result.partition, "offset": result.offset,
            }),
        )
        .await?;
        tracing::info!(connection = %profile.name, topic = %request.topic, partition = result.partition, offset = result.offset, "produced");
        Ok(result)
    }

    /// Follows new messages until [`Workspace::cancel_scan`] with `tail_id`, through the
    /// same decode → mask → filter stages as a page.
    pub async fn tail_messages(
        &self,
        session: &Session,
        connection: &str,
        request: &TailRequest,
        tail_id: &str,
        emit: TailSink,
    ) -> Result<()> {
        let (profile, cluster) = self.kafka_cluster(connection).await?;
        session.authorize_on(Action::ReadMessages, read_target(&profile, &request.topic))?;
        let mask = self.mask_stage(session, &profile, &request.topic, false).await?;
        let decode = self.decode_stage(&profile, &request.topic, mask.is_masked()).await?;
        self.audit(
            session,
            "tail",
            Some(&profile),
            serde_json::json!({
                "topic": request.topic, "partitions": request.partitions, "masked": mask.is_masked(),
            }),
        )
        .await?;
        let pipeline = Pipeline::new(decode, mask, &request.filter)?;
        let cancel = self.register_scan(Some(tail_id)).await;
        tracing::info!(connection = %profile.name, topic = %request.topic, role = session.role.as_str(), "tail started");
        let result = cluster.tail(request, pipeline, cancel, emit).await;
        self.scans.lock().await.remove(tail_id);
        result
    }

    /// Writes the request's range to `path` as JSON lines or CSV, through the same data
    /// path as the screen (a masked role exports masked data): at most `request.limit`
    /// records (0: the whole range). The file appears only when complete: it is written
    /// beside it as `<name>.partial` and renamed at the end; an existing file is not
    /// replaced, and nothing is left behind when the export fails or is cancelled.
    pub async fn export_messages(
        &self,
        session: &Session,
        connection: &str,
        request: &BrowseRequest,
        target: &ExportTarget,
        cancel: Arc<AtomicBool>,
        progress: ProgressSink,
    ) -> Result<ExportSummary> {
        // Refused before any file is made.
        let (profile, _) = self.kafka_cluster(connection).await?;
        session.authorize_on(Action::ReadMessages, read_target(&profile, &request.topic))?;
        let shown = target.path.display().to_string();
        let (new_file, file) = NewFile::create(&target.path)?;
        let format = target.format;
        let header = format.header().unwrap_or_default();
        let mut writer = std::io::BufWriter::with_capacity(256 * 1024, file);
        let state = ExportState { bytes: header.len() as u64, ..ExportState::default() };
        let state = Arc::new(std::sync::Mutex::new(state));
        let sink_state = Arc::clone(&state);
        let written = std::io::Write::write_all(&mut writer, header.as_bytes());
        let writer = Arc::new(std::sync::Mutex::new(writer));
        let sink_writer = Arc::clone(&writer);
        let records = format.writer(&request.topic);
        let limit = match request.limit {
            0 => u64::MAX,
            n => u64::from(n),
        };
        let mut line = String::with_capacity(1024);
        let sink: RecordSink = Box::new(move |record| {
            line.clear();
            records.write(&mut line, &record);
            let (Ok(mut state), Ok(mut writer)) = (sink_state.lock(), sink_writer.lock()) else {
                return ControlFlow::Break(());
            };
            if let Err(err) = std::io::Write::write_all(&mut *writer, line.as_bytes()) {
                state.error = Some(err.to_string());
                return ControlFlow::Break(());
            }
            state.rows += 1;
            state.bytes += line.len() as u64;
            match state.rows >= limit {
                true => ControlFlow::Break(()),
                false => ControlFlow::Continue(()),
            }
        });
        let cancelled = Arc::clone(&cancel);
        let outcome = match written {
            Ok(()) => self.stream_messages(session, connection, request, cancel, sink, progress).await,
            Err(err) => Err(err.into()),
        };
        let flushed = match writer.lock() {
            Ok(mut writer) => std::io::Write::flush(&mut *writer).map_err(|e| e.to_string()),
            Err(_) => Err("the file writer failed".to_string()),
        };
        let state = state.lock().map(|s| s.clone()).unwrap_or_default();
        let stopped = match (outcome, state.error.clone().map_or(flushed, Err)) {
            (Err(err), _) => Some(err),
            (Ok(ScanOutcome { stopped: Some(why), .. }), _) => Some(Error::unavailable(why)),
            (Ok(_), Err(write_error)) => Some(Error::invalid(format!("writing failed: {write_error}"))),
            (Ok(_), Ok(())) => None,
        };
        drop(writer);
        if stopped.is_some() || cancelled.load(std::sync::atomic::Ordering::Relaxed) {
            new_file.abandon();
            if let Some(err) = stopped {
                return Err(err.context(&format!("The export to {shown} stopped")));
            }
            return Ok(ExportSummary {
                rows: state.rows,
                bytes: state.bytes,
                path: String::new(),
                cancelled: true,
            });
        }
        new_file.finish()?;
        self.audit(
            session,
            "export",
            None,
            serde_json::json!({
                "connection": connection, "topic": request.topic, "rows": state.rows,
                "format": format!("{:?}", target.format).to_lowercase(), "path": shown,
            }),
        )
        .await?;
        tracing::info!(topic = %request.topic, rows = state.rows, role = session.role.as_str(), "export");
        Ok(ExportSummary { rows: state.rows, bytes: state.bytes, path: shown, cancelled: false })
    }

    /// Stops a running scan; a scan that already ended is not an error.
    pub async fn cancel_scan(&self, scan_id: &str) {
        if let Some(flag) = self.scans.lock().await.get(scan_id) {
            flag.store(true, Ordering::Relaxed);
        }
    }

    /// Forgets a finished scan's cancel flag.
    pub async fn forget_scan(&self, scan_id: &str) {
        self.scans.lock().await.remove(scan_id);
    }

    /// decode → mask → filter for a scan of `profile` by `session`; `whole` keeps full
    /// values (files, the CLI) instead of screen previews. The read is audited as `action`.
    async fn pipeline(
        &self,
        session: &Session,
        profile: &ConnectionProfile,
        request: &BrowseRequest,
        whole: bool,
        action: &str,
    ) -> Result<Pipeline> {
        let mask = self.mask_stage(session, profile, &request.topic, whole).await?;
        // A masked value is decoded whole and cut after masking: a cut value cannot be checked.
        let decode = self.decode_stage(profile, &request.topic, whole || mask.is_masked()).await?;
        let detail = serde_json::json!({
            "topic": request.topic, "partitions": request.partitions, "start": request.start,
            "limit": request.limit, "masked": mask.is_masked(),
        });
        self.audit(session, action, Some(profile), detail).await?;
        Pipeline::new(decode, mask, &request.filter)
    }

    /// A cancel flag for a scan the caller will refer to by `scan_id`.
    pub async fn register_scan(&self, scan_id: Option<&str>) -> Arc<AtomicBool> {
        let flag = Arc::new(AtomicBool::new(false));
        if let Some(id) = scan_id {
            self.scans.lock().await.insert(id.to_string(), Arc::clone(&flag));
        }
        flag
    }
}

/// Where a read happens, for the policy.
fn read_target<'a>(profile: &'a ConnectionProfile, topic: &'a str) -> Target<'a> {
    Target { connection: &profile.name, environment: profile.environment, topic: Some(topic) }
}

impl Workspace {
    /// Unmasked where the policy lets the role read unmasked; masked by the policy's rules
    /// everywhere else.
    async fn mask_stage(
        &self,
        session: &Session,
        profile: &ConnectionProfile,
        topic: &str,
        whole: bool,
    ) -> Result<MaskStage> {
        if session.allows_on(Action::ReadUnmasked, read_target(profile, topic)) {
            return Ok(MaskStage::Unmasked);
        }
        let key = self.pseudonym_key().await?;
        let masker = Masker::new(&session.policy().masking, topic, key).map_err(|e| {
            Error::invalid(format!(
                "The workspace policy's masking cannot be used: {e}. Fix it in the policy file."
            ))
        })?;
        Ok(MaskStage::masked(masker, session.role.as_str(), whole))
    }
}

#[derive(Debug, Clone, Default)]
struct ExportState {
    rows: u64,
    bytes: u64,
    error: Option<String>,
}
