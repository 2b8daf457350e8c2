//! Turns a start position into exact offset ranges per partition, from the watermarks and
//! (for timestamps) the broker's offsets-for-times answer.

use std::collections::HashMap;

use super::{PartitionOffset, StartPosition};

/// Read `[from, until)` of one partition; `low` is the oldest offset still there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartitionRange {
    pub partition: i32,
    pub low: i64,
    pub from: i64,
    pub until: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScanPlan {
    pub topic: String,
    pub ranges: Vec<PartitionRange>,
    /// Skip records older than this (a timestamp start: some brokers answer
    /// offsets-for-times past the end with 0 rather than the end offset).
    pub min_timestamp: Option<i64>,
    /// Stop as incomplete after the broker is silent this long (`None`: wait until cancelled).
    pub idle_limit: Option<std::time::Duration>,
}

impl ScanPlan {
    /// `watermarks`: (partition, low, high); `by_time`: offsets-for-times answers (timestamp starts only).
    pub fn new(
        topic: &str,
        start: &StartPosition,
        limit: u32,
        watermarks: &[(i32, i64, i64)],
        by_time: &HashMap<i32, i64>,
    ) -> Self {
        // An older page takes an even share of the limit from each partition.
        let partitions = i64::try_from(watermarks.len().max(1)).unwrap_or(1);
        let share = (i64::from(limit.max(1)) + partitions - 1) / partitions;
        let lookup = |offsets: &[PartitionOffset], partition: i32| {
            offsets.iter().find(|o| o.partition == partition).map(|o| o.offset)
        };
        let ranges = watermarks
            .iter()
            .map(|&(partition, low, high)| {
                let clamp = |offset: i64| offset.clamp(low, high);
                let (from, until) = match start {
                    StartPosition::Earliest => (low, high),
                    StartPosition::Latest { count } => (clamp(high - i64::from(*count)), high),
                    StartPosition::Offset { offset } => (clamp(*offset), high),
                    StartPosition::Timestamp { .. } => {
                        let found = by_time.get(&partition).copied().unwrap_or(-1);
                        (if found < 0 { high } else { clamp(found) }, high)
                    }
                    StartPosition::After { offsets } => {
                        (clamp(lookup(offsets, partition).unwrap_or(low)), high)
                    }
                    StartPosition::Before { offsets } => {
                        let until = clamp(lookup(offsets, partition).unwrap_or(high));
                        (clamp(until - share), until)
                    }
                };
                PartitionRange { partition, low, from, until }
            })
            .collect();
        let min_timestamp = match start {
            StartPosition::Timestamp { millis } => Some(*millis),
            _ => None,
        };
        Self { topic: topic.to_string(), ranges, min_timestamp, idle_limit: Some(super::PAGE_IDLE_LIMIT) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MARKS: [(i32, i64, i64); 3] = [(0, 0, 100), (1, 10, 20), (2, 5, 5)];

    fn plan(start: StartPosition, limit: u32) -> Vec<(i64, i64)> {
        ScanPlan::new("t", &start, limit, &MARKS, &HashMap::new())
            .ranges
            .iter()
            .map(|r| (r.from, r.until))
            .collect()
    }

    #[test]
    fn start_positions_become_offset_ranges() {
        assert_eq!(plan(StartPosition::Earliest, 50), vec![(0, 100), (10, 20), (5, 5)]);
        assert_eq!(plan(StartPosition::Latest { count: 15 }, 50), vec![(85, 100), (10, 20), (5, 5)]);
        assert_eq!(plan(StartPosition::Offset { offset: 15 }, 50), vec![(15, 100), (15, 20), (5, 5)]);
        let after = vec![PartitionOffset { partition: 0, offset: 60 }];
        assert_eq!(plan(StartPosition::After { offsets: after }, 50), vec![(60, 100), (10, 20), (5, 5)]);
    }

    #[test]
    fn the_previous_page_always_moves_back_while_there_is_data() {
        let before =
            vec![PartitionOffset { partition: 0, offset: 60 }, PartitionOffset { partition: 1, offset: 12 }];
        // limit 30 over 3 partitions: up to 10 per partition before the given offsets.
        assert_eq!(plan(StartPosition::Before { offsets: before }, 30), vec![(50, 60), (10, 12), (5, 5)]);
    }

    #[test]
    fn timestamps_use_the_brokers_answer_or_the_end() {
        let by_time = HashMap::from([(0, 42), (1, -1)]);
        let plan = ScanPlan::new("t", &StartPosition::Timestamp { millis: 7 }, 10, &MARKS, &by_time);
        let ranges: Vec<_> = plan.ranges.iter().map(|r| (r.from, r.until)).collect();
        assert_eq!(ranges, vec![(42, 100), (20, 20), (5, 5)]);
        assert_eq!(plan.min_timestamp, Some(7));
    }
}
