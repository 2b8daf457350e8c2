//! The read loop of the data path: one consumer assigned to the plan's ranges, each record
//! decoded, masked and filtered, then handed to a sink (a page, a file, stdout). It stops at
//! the ranges' ends, when the sink has enough, on cancel, or when the broker goes quiet.

use std::collections::{HashMap, VecDeque};
use std::ops::ControlFlow;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::error::KafkaError;
use rdkafka::message::{BorrowedMessage, Headers, Message, Timestamp};
use rdkafka::types::RDKafkaErrorCode;
use rdkafka::{Offset, TopicPartitionList};

use super::decode_stage::DecodeStage;
use super::plan::ScanPlan;
use super::record::{HeaderRecord, MessageRecord, TimestampKind};
use super::Pipeline;
use super::ScanProgress;
use serde::Serialize;
use ts_rs::TS;

/// How long a page waits for a silent broker before it stops with what it has. Slow brokers
/// take seconds to answer the first fetch of a large topic; the user can cancel sooner.
pub const PAGE_IDLE_LIMIT: Duration = Duration::from_secs(60);
/// How often a scan reports progress, and a tail delivers a batch.
const PROGRESS_EVERY: Duration = Duration::from_millis(250);
const TAIL_EVERY: Duration = Duration::from_millis(250);
/// How many records pass between two looks at the clock in a scan.
const CLOCK_EVERY: u32 = 256;
/// How long a scan goes on after the client lost the broker (a transport error, every
/// broker down) with no record arriving, before it stops with what it has and says why.
const BROKER_AWAY_LIMIT: Duration = Duration::from_secs(10);

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScanOutcome {
    pub scanned: u64,
    pub matched: u64,
    /// The next offset to read on each partition (where a following page starts).
    pub positions: HashMap<i32, i64>,
    /// Stopped by cancel or silence before the ranges ended.
    pub incomplete: bool,
    /// Why the scan stopped early when it was not asked to: the broker went away.
    pub stopped: Option<String>,
}

/// Reads the plan's ranges through decode → mask → filter into `sink`; the sink returns
/// `Break` when it has enough. `progress` hears about the scan every [`PROGRESS_EVERY`].
/// With the plan's `idle_limit`, a broker silent that long ends the scan as incomplete;
/// without one the scan waits, like kcat, until cancelled.
/// Blocking: run it on a blocking thread.
pub fn scan(
    consumer: &BaseConsumer,
    plan: &ScanPlan,
    pipeline: &mut Pipeline,
    cancel: &AtomicBool,
    sink: &mut dyn FnMut(MessageRecord) -> ControlFlow<()>,
    progress: &mut dyn FnMut(ScanProgress),
) -> Result<ScanOutcome, KafkaError> {
    let idle_limit = plan.idle_limit;
    let total = plan.total();
    let mut last_progress = Instant::now();
    let mut outcome = ScanOutcome::default();
    let mut open: HashMap<i32, i64> = HashMap::new(); // partition -> until
    let mut assignment = TopicPartitionList::new();
    for range in &plan.ranges {
        outcome.positions.insert(range.partition, range.from);
        if range.from < range.until {
            open.insert(range.partition, range.until);
            assignment.add_partition_offset(&plan.topic, range.partition, Offset::Offset(range.from))?;
        }
    }
    if open.is_empty() {
        return Ok(outcome);
    }
    consumer.assign(&assignment)?;
    let mut last_data = Instant::now();
    let mut idle_checks = 0u32;
    // The client's last word that the broker is gone, if no record came since.
    let mut broker_lost: Option<String> = None;
    while !open.is_empty() {
        let check_clock = idle_checks == 0;
        if cancel.load(Ordering::Relaxed)
            || (check_clock && idle_limit.is_some_and(|limit| last_data.elapsed() > limit))
        {
            outcome.incomplete = true;
            break;
        }
        if check_clock && broker_lost.is_some() && last_data.elapsed() > BROKER_AWAY_LIMIT {
            outcome.incomplete = true;
            outcome.stopped = broker_lost.take().map(|why| {
                format!(
                    "The broker stopped answering ({why}) and nothing arrived for {} s, so the scan stopped at {}. The next page starts there.",
                    BROKER_AWAY_LIMIT.as_secs(),
                    positions_text(&outcome.positions)
                )
            });
            break;
        }
        let Some(polled) = consumer.poll(Duration::from_millis(200)) else {
            idle_checks = 0; // an empty poll: look at the clock now
            continue;
        };
        let message = match polled {
            Ok(message) => message,
            Err(KafkaError::PartitionEOF(partition)) => {
                open.remove(&partition);
                continue;
            }
            Err(KafkaError::MessageConsumption(code)) if is_transient(code) => {
                idle_checks = 0;
                broker_lost = Some(code.to_string());
                continue;
            }
            Err(err) => {
                let _ = consumer.unassign();
                return Err(err);
            }
        };
        // Reading the clock for every record costs more than the rest of the loop on small
        // records; once every CLOCK_EVERY records (or after an empty poll) is enough.
        if idle_checks == 0 {
            last_data = Instant::now(); // the first record after an empty poll ends the silence
            broker_lost = None;
        }
        idle_checks += 1;
        if idle_checks >= CLOCK_EVERY {
            idle_checks = 0;
            last_data = Instant::now();
            if last_progress.elapsed() >= PROGRESS_EVERY {
                progress(ScanProgress { scanned: outcome.scanned, matched: outcome.matched, total });
                last_progress = Instant::now();
            }
        }
        let partition = message.partition();
        let Some(&until) = open.get(&partition) else {
            continue; // a partition already finished
        };
        let offset = message.offset();
        if offset >= until {
            open.remove(&partition);
            continue;
        }
        outcome.positions.insert(partition, offset + 1);
        if offset + 1 >= until {
            open.remove(&partition);
        }
        outcome.scanned += 1;
        if plan.min_timestamp.is_some_and(|min| message.timestamp().to_millis().is_some_and(|ts| ts < min)) {
            continue;
        }
        let record = to_record(&message, &mut pipeline.decode);
        let record = pipeline.mask.apply(record, &pipeline.decode);
        if !pipeline.filter.matches(&record) {
            continue;
        }
        outcome.matched += 1;
        if sink(record).is_break() {
            break;
        }
    }
    let _ = consumer.unassign();
    progress(ScanProgress { scanned: outcome.scanned, matched: outcome.matched, total });
    Ok(outcome)
}

/// One delivery of a live tail: the newest records since the last one, and how many
/// arrived but were dropped because more came than a batch holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TailBatch {
    pub messages: Vec<MessageRecord>,
    #[ts(type = "number")]
    pub dropped: u64,
}

/// The most records one tail batch carries; the rest of a burst is counted as dropped.
pub const TAIL_BATCH_LIMIT: usize = 500;

/// Follows new records from `starts` (partition, offset) until `cancel`, delivering a batch
/// a few times a second. Memory stays bounded: at most one batch is held.
pub fn tail(
    consumer: &BaseConsumer,
    topic: &str,
    starts: &[(i32, i64)],
    pipeline: &mut Pipeline,
    cancel: &AtomicBool,
    emit: &mut dyn FnMut(TailBatch) -> ControlFlow<()>,
) -> Result<(), KafkaError> {
    // Exact end offsets seen when the tail was asked for, not a lazily resolved "end":
    // nothing produced after the request is missed, however slow the first fetch.
    let mut assignment = TopicPartitionList::new();
    for (partition, offset) in starts {
        assignment.add_partition_offset(topic, *partition, Offset::Offset(*offset))?;
    }
    consumer.assign(&assignment)?;
    let mut buffer: VecDeque<MessageRecord> = VecDeque::with_capacity(TAIL_BATCH_LIMIT);
    let mut dropped = 0u64;
    let mut last_emit = Instant::now();
    while !cancel.load(Ordering::Relaxed) {
        match consumer.poll(Duration::from_millis(50)) {
            Some(Ok(message)) => {
                let record = to_record(&message, &mut pipeline.decode);
                let record = pipeline.mask.apply(record, &pipeline.decode);
                if pipeline.filter.matches(&record) {
                    if buffer.len() == TAIL_BATCH_LIMIT {
                        buffer.pop_front();
                        dropped += 1;
                    }
                    buffer.push_back(record);
                }
            }
            Some(Err(KafkaError::PartitionEOF(_))) | None => {}
            Some(Err(KafkaError::MessageConsumption(code))) if is_transient(code) => {}
            Some(Err(err)) => {
                let _ = consumer.unassign();
                return Err(err);
            }
        }
        if last_emit.elapsed() >= TAIL_EVERY && (!buffer.is_empty() || dropped > 0) {
            let batch = TailBatch { messages: buffer.drain(..).collect(), dropped };
            dropped = 0;
            last_emit = Instant::now();
            if emit(batch).is_break() {
                break;
            }
        }
    }
    let _ = consumer.unassign();
    Ok(())
}

/// `partition 0 offset 512, partition 1 offset 40`: where each partition's next record is.
fn positions_text(positions: &HashMap<i32, i64>) -> String {
    let mut sorted: Vec<_> = positions.iter().collect();
    sorted.sort();
    let parts: Vec<String> = sorted.iter().map(|(p, o)| format!("partition {p} offset {o}")).collect();
    parts.join(", ")
}

fn is_transient(code: RDKafkaErrorCode) -> bool {
    matches!(code, RDKafkaErrorCode::BrokerTransportFailure | RDKafkaErrorCode::AllBrokersDown)
}

fn to_record(message: &BorrowedMessage<'_>, decode: &mut DecodeStage) -> MessageRecord {
    let (timestamp, timestamp_kind) = match message.timestamp() {
        Timestamp::CreateTime(ts) => (Some(ts), TimestampKind::CreateTime),
        Timestamp::LogAppendTime(ts) => (Some(ts), TimestampKind::LogAppendTime),
        Timestamp::NotAvailable => (None, TimestampKind::None),
    };
    let mut header_bytes = 0;
    let headers = message
        .headers()
        .map(|headers| {
            headers
                .iter()
                .map(|h| {
                    header_bytes += h.key.len() + h.value.map_or(0, <[u8]>::len);
                    HeaderRecord { key: h.key.to_string(), value: decode.header(h.value) }
                })
                .collect()
        })
        .unwrap_or_default();
    let size = message.key_len() + message.payload_len() + header_bytes;
    MessageRecord {
        partition: message.partition(),
        offset: message.offset(),
        timestamp,
        timestamp_kind,
        key: decode.key(message.key()),
        value: decode.value(message.payload()),
        headers,
        size_bytes: u32::try_from(size).unwrap_or(u32::MAX),
    }
}
