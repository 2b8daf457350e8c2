//! Consumer groups as the app shows them: state, members and their assignments, committed
//! offsets against end offsets (lag), and offset resets with a preview.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GroupSummary {
    pub group_id: String,
    /// As the broker says it: Stable, Empty, PreparingRebalance, Dead, …
    pub state: String,
    pub protocol_type: String,
    pub members: u32,
    /// Sum of lag over the partitions the group has committed offsets for.
    #[ts(type = "number")]
    pub total_lag: i64,
    pub topics: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GroupMember {
    pub member_id: String,
    pub client_id: String,
    pub host: String,
    /// "topic-partition" pairs assigned to this member.
    pub assignment: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GroupPartitionLag {
    pub topic: String,
    pub partition: i32,
    #[ts(type = "number")]
    pub committed: i64,
    #[ts(type = "number")]
    pub end_offset: i64,
    #[ts(type = "number")]
    pub lag: i64,
    /// The member consuming it now, if the group is active.
    pub member_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GroupDetail {
    pub summary: GroupSummary,
    pub members: Vec<GroupMember>,
    pub partitions: Vec<GroupPartitionLag>,
    /// Said when part of the detail could not be read (e.g. the broker cannot describe members).
    pub note: Option<String>,
}

/// Where to move a group's committed offsets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ResetTarget {
    Earliest,
    Latest,
    Timestamp {
        #[ts(type = "number")]
        millis: i64,
    },
    Offset {
        #[ts(type = "number")]
        offset: i64,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OffsetReset {
    pub group_id: String,
    pub topic: String,
    /// `None` resets every partition of the topic.
    pub partitions: Option<Vec<i32>>,
    pub target: ResetTarget,
    /// Only compute and return the new offsets.
    pub dry_run: bool,
    /// The caller states the group's consumers are stopped. Honoured only when the broker
    /// cannot describe the group; a group the broker reports active is always refused.
    pub assume_inactive: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OffsetChange {
    pub partition: i32,
    /// `None` where the group had committed nothing.
    #[ts(type = "number | null")]
    pub from: Option<i64>,
    #[ts(type = "number")]
    pub to: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ResetPlan {
    pub group_id: String,
    pub topic: String,
    pub changes: Vec<OffsetChange>,
    pub applied: bool,
}
