//! The message browser: the one data path every record takes to a person or a file —
//! consume (rdkafka) → decode → mask (the caller's role) → filter (masked values only) →
//! deliver (a page, an export, the CLI). Reading is bounded: a page stops at its limit and
//! at the end offsets seen when it started, so it never waits for data that is not there.

pub mod decode;
pub mod decode_stage;
pub mod export;
pub mod filter;
pub mod mask;
mod plan;
pub mod record;
mod scan;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use decode_stage::{DecodeStage, DecoderChoice, TopicDecoders};
pub use filter::MessageFilter;
pub use plan::{PartitionRange, ScanPlan};
pub use record::MessageRecord;
pub use scan::{scan, tail, ScanOutcome, TailBatch, PAGE_IDLE_LIMIT, TAIL_BATCH_LIMIT};

/// The stages between the consumer and the sink: decode → mask → filter.
pub struct Pipeline {
    pub decode: DecodeStage,
    pub mask: mask::MaskStage,
    pub filter: filter::PreparedFilter,
}

impl Pipeline {
    pub fn new(decode: DecodeStage, mask: mask::MaskStage, filter: &MessageFilter) -> crate::Result<Self> {
        Ok(Self { decode, mask, filter: filter::PreparedFilter::new(filter)? })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PartitionOffset {
    pub partition: i32,
    #[ts(type = "number")]
    pub offset: i64,
}

/// Where a page starts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum StartPosition {
    /// The oldest messages still on each partition.
    Earliest,
    /// The newest `count` messages of each partition.
    Latest { count: u32 },
    /// From this offset on each selected partition (clamped to what exists).
    Offset {
        #[ts(type = "number")]
        offset: i64,
    },
    /// From the first message at or after this time (milliseconds since the epoch).
    Timestamp {
        #[ts(type = "number")]
        millis: i64,
    },
    /// The page after one already shown: continue at these offsets.
    After { offsets: Vec<PartitionOffset> },
    /// The page before one already shown: read up to (not including) these offsets.
    Before { offsets: Vec<PartitionOffset> },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BrowseRequest {
    pub topic: String,
    /// The partitions to read; `None` reads all.
    pub partitions: Option<Vec<i32>>,
    pub start: StartPosition,
    /// The most messages in the page (after filtering).
    pub limit: u32,
    pub filter: MessageFilter,
}

pub const MAX_PAGE: u32 = 10_000;

/// What a live tail follows: new records of a topic (all or some partitions), filtered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TailRequest {
    pub topic: String,
    pub partitions: Option<Vec<i32>>,
    pub filter: MessageFilter,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MessagePage {
    /// Ordered by timestamp, then partition and offset.
    pub messages: Vec<MessageRecord>,
    /// Start of the next (newer) page: `After { offsets: next }`.
    pub next: Vec<PartitionOffset>,
    /// End of the previous (older) page: `Before { offsets: previous }`.
    pub previous: Vec<PartitionOffset>,
    pub has_newer: bool,
    pub has_older: bool,
    /// Records read from the broker, and how many of them passed the filter.
    #[ts(type = "number")]
    pub scanned: u64,
    #[ts(type = "number")]
    pub matched: u64,
    /// The scan stopped before its range ended (cancelled or out of time); `next` is still exact.
    pub incomplete: bool,
    /// Why it stopped early when nobody asked it to: the broker went away (and where).
    pub stopped: Option<String>,
    /// Set when the Schema Registry could not be asked lately: schemas come from the cache.
    pub registry_notice: Option<String>,
}

/// Where a long scan is: sent a few times a second while a page or export runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScanProgress {
    #[ts(type = "number")]
    pub scanned: u64,
    #[ts(type = "number")]
    pub matched: u64,
    /// Records in the ranges being read (an upper bound: compaction and transactions leave gaps).
    #[ts(type = "number")]
    pub total: u64,
}

impl ScanPlan {
    pub fn total(&self) -> u64 {
        self.ranges.iter().map(|r| u64::try_from(r.until - r.from).unwrap_or(0)).sum()
    }
}
