//! What the app shows of a Kafka cluster: brokers, topics, partitions with watermarks,
//! topic configs. Wire types (camelCase, exported to TypeScript); counts are `u32`/`i64`
//! narrowed to what JavaScript numbers hold exactly.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BrokerInfo {
    pub id: i32,
    pub host: String,
    pub port: i32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ClusterOverview {
    pub brokers: Vec<BrokerInfo>,
    /// The controller broker, when the client library reports it.
    pub controller_id: Option<i32>,
    pub cluster_id: Option<String>,
    pub topic_count: u32,
    pub internal_topic_count: u32,
    pub partition_count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TopicSummary {
    pub name: String,
    pub internal: bool,
    pub partitions: u32,
    pub replication_factor: u32,
    /// Sum over partitions of high − low watermark (compacted or transactional topics hold fewer).
    #[ts(type = "number")]
    pub message_count: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PartitionInfo {
    pub id: i32,
    pub leader: i32,
    pub replicas: Vec<i32>,
    pub isr: Vec<i32>,
    #[ts(type = "number")]
    pub low_watermark: i64,
    #[ts(type = "number")]
    pub high_watermark: i64,
    #[ts(type = "number")]
    pub message_count: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConfigEntry {
    pub name: String,
    pub value: Option<String>,
    pub is_default: bool,
    pub is_read_only: bool,
    pub is_sensitive: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TopicDetail {
    pub name: String,
    pub internal: bool,
    pub partitions: Vec<PartitionInfo>,
    #[ts(type = "number")]
    pub message_count: i64,
    pub configs: Vec<ConfigEntry>,
    /// Said instead of an empty config table, e.g. when the broker returns no entries.
    pub config_note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConfigOverride {
    pub name: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewTopic {
    pub name: String,
    pub partitions: u32,
    pub replication_factor: u32,
    pub configs: Vec<ConfigOverride>,
}

impl NewTopic {
    /// Kafka's own rules for a topic name, checked before anything reaches the broker.
    pub fn validate(&self) -> crate::Result<()> {
        let name = &self.name;
        let legal = name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
        if name.is_empty() || name.len() > 249 || !legal || name == "." || name == ".." {
            return Err(crate::Error::invalid(format!(
                "'{name}' is not a valid topic name: use 1 to 249 of a-z, A-Z, 0-9, '.', '_' and '-' (not '.' or '..')."
            )));
        }
        if self.partitions == 0 || self.partitions > 100_000 {
            return Err(crate::Error::invalid("A topic needs between 1 and 100000 partitions."));
        }
        if self.replication_factor == 0 || self.replication_factor > i16::MAX as u32 {
            return Err(crate::Error::invalid("The replication factor must be at least 1."));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn topic(name: &str) -> NewTopic {
        NewTopic { name: name.into(), partitions: 1, replication_factor: 1, configs: vec![] }
    }

    #[test]
    fn topic_names_follow_kafka_rules() {
        assert!(topic("orders.v1-eu_2").validate().is_ok());
        for bad in ["", ".", "..", "has space", "ümlaut", &"x".repeat(250)] {
            assert!(topic(bad).validate().is_err(), "{bad:?} should be refused");
        }
        let mut t = topic("ok");
        t.partitions = 0;
        assert!(t.validate().unwrap_err().to_string().contains("partitions"));
    }
}
