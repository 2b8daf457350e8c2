//! Reading messages from a cluster: plan a scan from the request (watermarks, and
//! offsets-for-times for a timestamp start), then run the data path on a consumer of its
//! own, on a blocking thread — into a page, or into any sink (the CLI streams).

use std::collections::HashMap;
use std::ops::ControlFlow;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::Duration;

use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::types::RDKafkaErrorCode;
use rdkafka::{Offset, TopicPartitionList};

use super::cluster::{kafka_error, KafkaCluster};
use crate::browse::{
    scan, tail, BrowseRequest, MessagePage, MessageRecord, PartitionOffset, Pipeline, ScanOutcome, ScanPlan,
    ScanProgress, TailBatch, TailRequest, MAX_PAGE,
};
use crate::error::{Error, Result};

/// A sink the CLI and exports hand to a scan; it runs on the scan's thread.
pub type RecordSink = Box<dyn FnMut(MessageRecord) -> ControlFlow<()> + Send>;
/// Hears a scan's progress a few times a second (on the scan's thread).
pub type ProgressSink = Box<dyn FnMut(ScanProgress) + Send>;
/// Receives a live tail's batches; `Break` ends the tail.
pub type TailSink = Box<dyn FnMut(TailBatch) -> ControlFlow<()> + Send>;

impl KafkaCluster {
    /// The exact offset ranges a request reads.
    pub async fn plan(&self, request: &BrowseRequest) -> Result<ScanPlan> {
        let topic = &request.topic;
        let metadata = self.metadata(Some(topic.clone())).await?;
        let found = metadata.topics.into_iter().find(|t| &t.name == topic);
        if found.as_ref().is_some_and(|t| t.error == Some(RDKafkaErrorCode::TopicAuthorizationFailed)) {
            return Err(Error::forbidden(format!(
                "The broker at {} denied access to topic '{topic}' (TOPIC_AUTHORIZATION_FAILED): your principal needs the READ and DESCRIBE ACLs on it.",
                self.bootstrap
            )));
        }
        let found = found.filter(|t| t.error.is_none());
        let Some(found) = found.filter(|t| !t.partitions.is_empty()) else {
            return Err(Error::not_found(format!("Topic '{topic}' does not exist on {}.", self.bootstrap)));
        };
        let all: Vec<i32> = found.partitions.iter().map(|p| p.id).collect();
        let chosen = match &request.partitions {
            None => all,
            Some(wanted) => {
                if let Some(missing) = wanted.iter().find(|p| !all.contains(p)) {
                    return Err(Error::invalid(format!(
                        "Topic '{topic}' has no partition {missing}: it has partitions 0 to {}.",
                        all.len().saturating_sub(1)
                    )));
                }
                wanted.clone()
            }
        };
        let marks = self.watermarks(chosen.iter().map(|p| (topic.clone(), *p)).collect()).await?;
        let watermarks: Vec<(i32, i64, i64)> = chosen
            .iter()
            .map(|p| (*p, marks.get(topic, *p).map_or(0, |m| m.0), marks.get(topic, *p).map_or(0, |m| m.1)))
            .collect();
        let by_time = match request.start {
            crate::browse::StartPosition::Timestamp { millis } => {
                self.offsets_for_time(topic, &chosen, millis).await?
            }
            _ => HashMap::new(),
        };
        Ok(ScanPlan::new(topic, &request.start, request.limit, &watermarks, &by_time))
    }

    async fn offsets_for_time(
        &self,
        topic: &str,
        partitions: &[i32],
        millis: i64,
    ) -> Result<HashMap<i32, i64>> {
        let consumer = Arc::clone(&self.consumer);
        let bootstrap = self.bootstrap.clone();
        let topic = topic.to_string();
        let partitions = partitions.to_vec();
        tokio::task::spawn_blocking(move || {
            let mut list = TopicPartitionList::new();
            for p in &partitions {
                list.add_partition_offset(&topic, *p, Offset::Offset(millis))?;
            }
            let found = consumer.offsets_for_times(list, Duration::from_secs(10))?;
            Ok(found
                .elements()
                .iter()
                .map(|e| {
                    (
                        e.partition(),
                        match e.offset() {
                            Offset::Offset(n) => n,
                            _ => -1,
                        },
                    )
                })
                .collect())
        })
        .await
        .map_err(|e| Error::internal(format!("The offsets task stopped: {e}")))?
        .map_err(|e| kafka_error(&bootstrap, "find offsets by time", e))
    }

    /// One page of the data path for this request.
    pub async fn browse(
        &self,
        request: &BrowseRequest,
        mut pipeline: Pipeline,
        cancel: Arc<AtomicBool>,
        mut progress: ProgressSink,
    ) -> Result<MessagePage> {
        if request.limit == 0 || request.limit > MAX_PAGE {
            return Err(Error::invalid(format!("A page holds 1 to {MAX_PAGE} messages.")));
        }
        let plan = self.plan(request).await?;
        let limit = request.limit as usize;
        let mut messages = Vec::with_capacity(limit.min(1024));
        let consumer = self.scan_consumer()?;
        let bootstrap = self.bootstrap.clone();
        let scan_plan = plan.clone();
        let (outcome, mut messages) = tokio::task::spawn_blocking(move || {
            let outcome = scan(
                &consumer,
                &scan_plan,
                &mut pipeline,
                &cancel,
                &mut |record| {
                    messages.push(record);
                    if messages.len() >= limit {
                        ControlFlow::Break(())
                    } else {
                        ControlFlow::Continue(())
                    }
                },
                &mut progress,
            );
            outcome.map(|o| (o, messages))
        })
        .await
        .map_err(|e| Error::internal(format!("The scan task stopped: {e}")))?
        .map_err(|e| kafka_error(&bootstrap, "read messages", e))?;
        messages.sort_by_key(|m| (m.timestamp.unwrap_or(i64::MIN), m.partition, m.offset));
        Ok(page(&plan, outcome, messages))
    }

    /// Runs the data path over the request's whole range into `sink` (the CLI, exports).
    pub async fn stream(
        &self,
        request: &BrowseRequest,
        mut pipeline: Pipeline,
        cancel: Arc<AtomicBool>,
        mut sink: RecordSink,
        mut progress: ProgressSink,
    ) -> Result<ScanOutcome> {
        let mut plan = self.plan(request).await?;
        // A stream (the CLI, an export) waits for a slow broker like kcat does; Ctrl-C or
        // cancel stops it.
        plan.idle_limit = None;
        let consumer = self.scan_consumer()?;
        let bootstrap = self.bootstrap.clone();
        tokio::task::spawn_blocking(move || {
            scan(&consumer, &plan, &mut pipeline, &cancel, &mut sink, &mut progress)
        })
        .await
        .map_err(|e| Error::internal(format!("The scan task stopped: {e}")))?
        .map_err(|e| kafka_error(&bootstrap, "read messages", e))
    }

    /// Follows new records of `topic` (all partitions, or the given ones) until `cancel`.
    pub async fn tail(
        &self,
        tail_request: &TailRequest,
        mut pipeline: Pipeline,
        cancel: Arc<AtomicBool>,
        mut emit: TailSink,
    ) -> Result<()> {
        let request = BrowseRequest {
            topic: tail_request.topic.clone(),
            partitions: tail_request.partitions.clone(),
            start: crate::browse::StartPosition::Latest { count: 0 },
            limit: 1,
            filter: tail_request.filter.clone(),
        };
        let plan = self.plan(&request).await?;
        let starts: Vec<(i32, i64)> = plan.ranges.iter().map(|r| (r.partition, r.until)).collect();
        let consumer = self.scan_consumer()?;
        let bootstrap = self.bootstrap.clone();
        let topic = tail_request.topic.clone();
        tokio::task::spawn_blocking(move || {
            tail(&consumer, &topic, &starts, &mut pipeline, &cancel, &mut emit)
        })
        .await
        .map_err(|e| Error::internal(format!("The tail task stopped: {e}")))?
        .map_err(|e| kafka_error(&bootstrap, "follow new messages", e))
    }

    /// A consumer of the scan's own: assigned, never subscribed, never committing, reading
    /// only committed transactional records.
    fn scan_consumer(&self) -> Result<BaseConsumer> {
        let mut config = self.config.clone();
        config
            .set("group.id", "streamlens-browser")
            .set("enable.auto.commit", "false")
            .set("enable.auto.offset.store", "false")
            .set("enable.partition.eof", "true")
            .set("isolation.level", "read_committed")
            .set("auto.offset.reset", "earliest");
        config.create().map_err(|e| kafka_error(&self.bootstrap, "create a consumer", e))
    }
}

fn page(plan: &ScanPlan, outcome: ScanOutcome, messages: Vec<MessageRecord>) -> MessagePage {
    let next: Vec<PartitionOffset> = plan
        .ranges
        .iter()
        .map(|r| PartitionOffset {
            partition: r.partition,
            offset: outcome.positions.get(&r.partition).copied().unwrap_or(r.from),
        })
        .collect();
    let previous: Vec<PartitionOffset> =
        plan.ranges.iter().map(|r| PartitionOffset { partition: r.partition, offset: r.from }).collect();
    MessagePage {
        has_newer: plan.ranges.iter().zip(&next).any(|(r, n)| n.offset < r.until),
        has_older: plan.ranges.iter().any(|r| r.from > r.low),
        next,
        previous,
        scanned: outcome.scanned,
        matched: outcome.matched,
        incomplete: outcome.incomplete,
        stopped: outcome.stopped.clone(),
        messages,
        registry_notice: None,
    }
}
