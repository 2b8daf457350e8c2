//! The read loop of the data path: one consumer assigned to the plan's ranges, each record
//! decoded, masked and filtered, then handed to a sink (a page, a file, stdout). It stops at
//! the ranges' ends, when the sink has enough, on cancel, or when the broker goes quiet.

use std::collections::HashMap;
use std::ops::ControlFlow;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::error::KafkaError;
use rdkafka::message::{BorrowedMessage, Headers, Message, Timestamp};
use rdkafka::types::RDKafkaErrorCode;
use rdkafka::{Offset, TopicPartitionList};

use super::decode::decode_auto;
use super::filter::PreparedFilter;
use super::mask::MaskStage;
use super::plan::ScanPlan;
use super::record::{HeaderRecord, MessageRecord, TimestampKind};

/// How long the broker may send nothing while ranges are unfinished before the scan stops.
const IDLE_LIMIT: Duration = Duration::from_secs(10);

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScanOutcome {
    pub scanned: u64,
    pub matched: u64,
    /// The next offset to read on each partition (where a following page starts).
    pub positions: HashMap<i32, i64>,
    /// Stopped by cancel or silence before the ranges ended.
    pub incomplete: bool,
}

/// Reads the plan's ranges through decode → mask → filter into `sink`; the sink returns
/// `Break` when it has enough. Blocking: run it on a blocking thread.
pub fn scan(
    consumer: &BaseConsumer,
    plan: &ScanPlan,
    mask: MaskStage,
    filter: &PreparedFilter,
    cancel: &AtomicBool,
    sink: &mut dyn FnMut(MessageRecord) -> ControlFlow<()>,
) -> Result<ScanOutcome, KafkaError> {
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
    while !open.is_empty() {
        if cancel.load(Ordering::Relaxed) || last_data.elapsed() > IDLE_LIMIT {
            outcome.incomplete = true;
            break;
        }
        let Some(polled) = consumer.poll(Duration::from_millis(200)) else {
            continue;
        };
        let message = match polled {
            Ok(message) => message,
            Err(KafkaError::PartitionEOF(partition)) => {
                open.remove(&partition);
                continue;
            }
            Err(KafkaError::MessageConsumption(code)) if is_transient(code) => continue,
            Err(err) => {
                let _ = consumer.unassign();
                return Err(err);
            }
        };
        last_data = Instant::now();
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
        let record = to_record(&message);
        if plan.min_timestamp.is_some_and(|min| record.timestamp.is_some_and(|ts| ts < min)) {
            continue;
        }
        let record = mask.apply(record);
        if !filter.matches(&record) {
            continue;
        }
        outcome.matched += 1;
        if sink(record).is_break() {
            break;
        }
    }
    let _ = consumer.unassign();
    Ok(outcome)
}

fn is_transient(code: RDKafkaErrorCode) -> bool {
    matches!(code, RDKafkaErrorCode::BrokerTransportFailure | RDKafkaErrorCode::AllBrokersDown)
}

fn to_record(message: &BorrowedMessage<'_>) -> MessageRecord {
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
                    HeaderRecord { key: h.key.to_string(), value: decode_auto(h.value) }
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
        key: decode_auto(message.key()),
        value: decode_auto(message.payload()),
        headers,
        size_bytes: u32::try_from(size).unwrap_or(u32::MAX),
    }
}
