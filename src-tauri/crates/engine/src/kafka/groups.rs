//! Consumer groups of a cluster: the group list with lag, one group's members, assignments
//! and per-partition lag, and offset resets (inactive groups only, with a dry run).
//! Committed offsets are read with a consumer that carries the group's id but never joins.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;
use std::time::Duration;

use rdkafka::consumer::{BaseConsumer, CommitMode, Consumer};
use rdkafka::{Offset, TopicPartitionList};

use super::cluster::{kafka_error, KafkaCluster};
use super::group_model::{
    GroupDetail, GroupMember, GroupPartitionLag, GroupSummary, OffsetChange, OffsetReset, ResetPlan,
    ResetTarget,
};
use crate::error::{Error, Result};

const TIMEOUT: Duration = Duration::from_secs(10);
/// States in which no consumer holds the group's partitions, so offsets may be moved.
const INACTIVE: [&str; 4] = ["Empty", "Dead", "", "Unknown"];

struct RawGroup {
    id: String,
    state: String,
    protocol_type: String,
    members: Vec<GroupMember>,
}

impl KafkaCluster {
    async fn raw_groups(&self, only: Option<String>) -> Result<Vec<RawGroup>> {
        let consumer = Arc::clone(&self.consumer);
        let bootstrap = self.bootstrap.clone();
        tokio::task::spawn_blocking(move || {
            let list = consumer.fetch_group_list(only.as_deref(), TIMEOUT)?;
            Ok(list
                .groups()
                .iter()
                .map(|g| RawGroup {
                    id: g.name().to_string(),
                    state: g.state().to_string(),
                    protocol_type: g.protocol_type().to_string(),
                    members: g
                        .members()
                        .iter()
                        .map(|m| GroupMember {
                            member_id: m.id().to_string(),
                            client_id: m.client_id().to_string(),
                            host: m.client_host().to_string(),
                            assignment: m.assignment().map(decode_assignment).unwrap_or_default(),
                        })
                        .collect(),
                })
                .collect())
        })
        .await
        .map_err(|e| Error::internal(format!("The group list task stopped: {e}")))?
        .map_err(|e| kafka_error(&bootstrap, "list consumer groups", e))
    }

    /// Committed offsets of `group` for every partition of every non-internal topic.
    async fn committed(&self, group: &str) -> Result<HashMap<(String, i32), i64>> {
        let metadata = self.metadata(None).await?;
        let mut all = TopicPartitionList::new();
        for topic in metadata.topics.iter().filter(|t| !t.name.starts_with("__")) {
            for p in &topic.partitions {
                all.add_partition(&topic.name, p.id);
            }
        }
        let consumer = self.group_consumer(group)?;
        let bootstrap = self.bootstrap.clone();
        tokio::task::spawn_blocking(move || {
            let committed = consumer.committed_offsets(all, TIMEOUT)?;
            Ok(committed
                .elements()
                .iter()
                .filter_map(|e| match e.offset() {
                    Offset::Offset(n) => Some(((e.topic().to_string(), e.partition()), n)),
                    _ => None,
                })
                .collect())
        })
        .await
        .map_err(|e| Error::internal(format!("The offsets task stopped: {e}")))?
        .map_err(|e| kafka_error(&bootstrap, "read committed offsets", e))
    }

    async fn lag(&self, group: &RawGroup) -> Result<(GroupSummary, Vec<GroupPartitionLag>)> {
        let committed = self.committed(&group.id).await?;
        let marks = self.watermarks(committed.keys().cloned().collect()).await?;
        let owner: HashMap<String, String> = group
            .members
            .iter()
            .flat_map(|m| m.assignment.iter().map(move |tp| (tp.clone(), m.member_id.clone())))
            .collect();
        let mut partitions: Vec<GroupPartitionLag> = committed
            .iter()
            .map(|((topic, partition), offset)| {
                let end = marks.get(topic, *partition).map_or(*offset, |m| m.1);
                GroupPartitionLag {
                    topic: topic.clone(),
                    partition: *partition,
                    committed: *offset,
                    end_offset: end,
                    lag: (end - offset).max(0),
                    member_id: owner.get(&format!("{topic}-{partition}")).cloned(),
                }
            })
            .collect();
        partitions.sort_by(|a, b| (&a.topic, a.partition).cmp(&(&b.topic, b.partition)));
        let topics: BTreeSet<String> = partitions
            .iter()
            .map(|p| p.topic.clone())
            .chain(group.members.iter().flat_map(|m| {
                m.assignment.iter().filter_map(|tp| tp.rsplit_once('-').map(|(t, _)| t.to_string()))
            }))
            .collect();
        let summary = GroupSummary {
            group_id: group.id.clone(),
            state: group.state.clone(),
            protocol_type: group.protocol_type.clone(),
            members: u32::try_from(group.members.len()).unwrap_or(u32::MAX),
            total_lag: partitions.iter().map(|p| p.lag).sum(),
            topics: topics.into_iter().collect(),
        };
        Ok((summary, partitions))
    }

    pub async fn groups(&self) -> Result<Vec<GroupSummary>> {
        let groups = self.raw_groups(None).await.map_err(|err| {
            Error::unavailable(format!(
                "{err} The broker could not list and describe its consumer groups (some Kafka-protocol \
                 brokers fail DescribeGroups). A group's offsets and lag can still be opened by its id."
            ))
        })?;
        let mut out = Vec::new();
        for group in groups {
            out.push(self.lag(&group).await?.0);
        }
        out.sort_by(|a, b| a.group_id.cmp(&b.group_id));
        Ok(out)
    }

    pub async fn describe_group(&self, group_id: &str) -> Result<GroupDetail> {
        let (found, note) = match self.raw_groups(Some(group_id.to_string())).await {
            Ok(groups) => (groups.into_iter().find(|g| g.id == group_id), None),
            Err(err) => (
                None,
                Some(format!(
                    "The broker could not describe this group's state and members ({err}); the offsets and lag \
                     below come from its committed offsets."
                )),
            ),
        };
        let unknown = if note.is_some() { "Unknown" } else { "" };
        let group = found.unwrap_or_else(|| RawGroup {
            id: group_id.to_string(),
            state: unknown.to_string(),
            protocol_type: String::new(),
            members: vec![],
        });
        let (summary, partitions) = self.lag(&group).await?;
        // Brokers answer "Dead" for a group they never heard of; committed offsets make it real.
        if group.members.is_empty()
            && partitions.is_empty()
            && matches!(group.state.as_str(), "Dead" | "" | "Unknown")
        {
            return Err(Error::not_found(format!(
                "No consumer group '{group_id}' on {}: it has no members and no committed offsets.",
                self.bootstrap
            )));
        }
        Ok(GroupDetail { summary, members: group.members, partitions, note })
    }

    /// Computes (and unless `dry_run`, commits) new offsets for an inactive group.
    /// Refuses an active group; when the broker cannot describe the group at all, refuses
    /// unless the caller states its consumers are stopped (some brokers accept an outside
    /// commit even for an active group, so the broker is no safety net).
    pub async fn reset_offsets(&self, reset: &OffsetReset) -> Result<ResetPlan> {
        match self.raw_groups(Some(reset.group_id.clone())).await {
            Ok(groups) => {
                if let Some(group) = groups.iter().find(|g| g.id == reset.group_id) {
                    if !INACTIVE.contains(&group.state.as_str()) || !group.members.is_empty() {
                        return Err(Error::invalid(format!(
                            "Group '{}' is active ({}, {} member(s)): stop its consumers first — a running group's \
                             offsets cannot be reset.",
                            group.id,
                            group.state,
                            group.members.len()
                        )));
                    }
                }
            }
            Err(err) if !reset.dry_run && !reset.assume_inactive => {
                return Err(Error::invalid(format!(
                    "Streamlens cannot tell whether group '{}' is active: the broker failed to describe it ({err}). \
                     Stop its consumers, then confirm that they are stopped to reset anyway.",
                    reset.group_id
                )));
            }
            Err(_) => {}
        }
        let request = crate::browse::BrowseRequest {
            topic: reset.topic.clone(),
            partitions: reset.partitions.clone(),
            start: match reset.target {
                ResetTarget::Earliest => crate::browse::StartPosition::Earliest,
                ResetTarget::Latest => crate::browse::StartPosition::Latest { count: 0 },
                ResetTarget::Timestamp { millis } => crate::browse::StartPosition::Timestamp { millis },
                ResetTarget::Offset { offset } => crate::browse::StartPosition::Offset { offset },
            },
            limit: 1,
            filter: Default::default(),
        };
        // The scan plan's start of each range is exactly the new committed offset.
        let plan = self.plan(&request).await?;
        let committed = self.committed(&reset.group_id).await?;
        let changes: Vec<OffsetChange> = plan
            .ranges
            .iter()
            .map(|r| OffsetChange {
                partition: r.partition,
                from: committed.get(&(reset.topic.clone(), r.partition)).copied(),
                to: r.from,
            })
            .collect();
        if !reset.dry_run {
            let mut list = TopicPartitionList::new();
            for change in &changes {
                list.add_partition_offset(&reset.topic, change.partition, Offset::Offset(change.to))
                    .map_err(|e| kafka_error(&self.bootstrap, "prepare the offsets", e))?;
            }
            let consumer = self.group_consumer(&reset.group_id)?;
            let bootstrap = self.bootstrap.clone();
            tokio::task::spawn_blocking(move || consumer.commit(&list, CommitMode::Sync))
                .await
                .map_err(|e| Error::internal(format!("The commit task stopped: {e}")))?
                .map_err(|e| kafka_error(&bootstrap, "commit the new offsets", e))?;
        }
        Ok(ResetPlan {
            group_id: reset.group_id.clone(),
            topic: reset.topic.clone(),
            changes,
            applied: !reset.dry_run,
        })
    }

    /// A consumer carrying the group's id that never subscribes, so it never joins.
    fn group_consumer(&self, group: &str) -> Result<BaseConsumer> {
        let mut config = self.config.clone();
        config.set("group.id", group).set("enable.auto.commit", "false");
        config.create().map_err(|e| kafka_error(&self.bootstrap, "create a group client", e))
    }
}

/// Decodes a member's assignment (Kafka's ConsumerProtocolAssignment) into
/// "topic-partition" strings; anything malformed yields what was read so far.
fn decode_assignment(bytes: &[u8]) -> Vec<String> {
    let mut out = Vec::new();
    let mut at = 2; // version
    let read_i32 = |at: &mut usize| -> Option<i32> {
        let b = bytes.get(*at..*at + 4)?;
        *at += 4;
        Some(i32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    };
    let Some(topics) = read_i32(&mut at) else {
        return out;
    };
    for _ in 0..topics.max(0) {
        let Some(len) = bytes.get(at..at + 2).map(|b| usize::from(u16::from_be_bytes([b[0], b[1]]))) else {
            break;
        };
        at += 2;
        let Some(topic) = bytes.get(at..at + len).map(|b| String::from_utf8_lossy(b).into_owned()) else {
            break;
        };
        at += len;
        let Some(count) = read_i32(&mut at) else {
            break;
        };
        for _ in 0..count.max(0) {
            match read_i32(&mut at) {
                Some(partition) => out.push(format!("{topic}-{partition}")),
                None => return out,
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::decode_assignment;

    #[test]
    fn assignments_decode_and_survive_truncation() {
        let mut bytes = vec![0, 1, 0, 0, 0, 1, 0, 6];
        bytes.extend_from_slice(b"orders");
        bytes.extend_from_slice(&[0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 2, 0xff, 0xff, 0xff, 0xff]);
        assert_eq!(decode_assignment(&bytes), vec!["orders-0", "orders-2"]);
        assert_eq!(decode_assignment(&bytes[..bytes.len() - 8]), vec!["orders-0"]);
        assert!(decode_assignment(&[0]).is_empty());
    }
}
