//! Replay (developer role, non-prod connections only): re-produces a recording's captured
//! input records into a topic, in their original order and at their original pace times a
//! speed (or as fast as possible), so a job can be re-run against the same data. Reads a
//! page of records at a time and keeps one page in flight (bounded memory for any file),
//! reports progress after every page, stops on cancel, and is audited once — not per record.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use futures_util::future::join_all;

use super::Workspace;
use crate::access::{Action, Session, Target};
use crate::error::{Error, Result};
use crate::kafka::producing::ProduceRequest;
use crate::kafka::KafkaCluster;
use crate::profile::Environment;
use crate::recording::replay::{pause, replayable, ReplayProgress, PAGE};
use crate::recording::sleep_unless_cancelled;

pub type ReplayProgressSink = Box<dyn FnMut(ReplayProgress) + Send>;

impl Workspace {
    /// Re-produces the recording's input records into `topic` of `connection`; returns the
    /// final progress (`cancelled` when stopped early).
    #[allow(clippy::too_many_arguments)]
    pub async fn replay_recording(
        &self,
        session: &Session,
        path: &str,
        connection: &str,
        topic: &str,
        speed: Option<f64>,
        cancel: Arc<AtomicBool>,
        mut progress: ReplayProgressSink,
    ) -> Result<ReplayProgress> {
        let reader = self.recording(session, path).await?;
        let (profile, cluster) = self.kafka_cluster(connection).await?;
        let target =
            Target { connection: &profile.name, environment: profile.environment, topic: Some(topic) };
        session.authorize_on(Action::Produce, target)?;
        if profile.environment == Environment::Prod {
            return Err(Error::forbidden(format!(
                "Replay writes only to non-prod connections, and '{}' is tagged prod. Replay into a dev or test connection.",
                profile.name
            )));
        }
        let mut state = ReplayProgress { total: reader.input_count().await?, ..ReplayProgress::default() };
        progress(state.clone());
        let (mut after, mut previous) = (0_i64, None);
        let mut batch: Vec<ProduceRequest> = Vec::with_capacity(PAGE as usize);
        while !state.cancelled {
            let page = reader.input_page(after, PAGE).await?;
            let Some((last, _)) = page.last() else { break };
            after = *last;
            for (_, body) in &page {
                if cancel.load(Ordering::Relaxed) {
                    state.cancelled = true;
                    break;
                }
                let record = replayable(body, topic);
                let wait = pause(previous, record.at, speed);
                previous = Some(record.at);
                if !wait.is_zero() {
                    produce_all(&cluster, &mut batch, &mut state).await?;
                    progress(state.clone());
                    state.cancelled = sleep_unless_cancelled(wait, &cancel).await;
                    if state.cancelled {
                        break;
                    }
                }
                match record.request {
                    Some(request) => batch.push(request),
                    None => state.skipped += 1,
                }
            }
            produce_all(&cluster, &mut batch, &mut state).await?;
            progress(state.clone());
        }
        let detail = serde_json::json!({
            "path": path, "topic": topic, "produced": state.produced, "skipped": state.skipped,
            "cancelled": state.cancelled,
        });
        self.audit(session, "recording_replayed", Some(&profile), detail).await?;
        Ok(state)
    }
}

/// Produces the batch with every record in flight at once (the producer keeps their order
/// per partition) and counts them; the first failure stops the replay, saying how far it got.
async fn produce_all(
    cluster: &KafkaCluster,
    batch: &mut Vec<ProduceRequest>,
    state: &mut ReplayProgress,
) -> Result<()> {
    let outcomes = join_all(batch.iter().map(|request| cluster.produce(request, None))).await;
    batch.clear();
    for outcome in outcomes {
        match outcome {
            Ok(_) => state.produced += 1,
            Err(err) => {
                return Err(err.context(&format!(
                    "Replay stopped after {} of {} records were produced",
                    state.produced, state.total
                )))
            }
        }
    }
    Ok(())
}
