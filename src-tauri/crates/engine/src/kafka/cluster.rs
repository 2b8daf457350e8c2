//! One Kafka cluster as the app sees it: metadata, watermarks, topic configs, and topic
//! create/delete. Holds one consumer (metadata and offsets) and one admin client per
//! connection; blocking librdkafka calls run on the blocking pool.

use std::sync::Arc;
use std::time::Duration;

use rdkafka::admin::{
    AdminClient, AdminOptions, NewTopic as RdNewTopic, ResourceSpecifier, TopicReplication,
};
use rdkafka::client::DefaultClientContext;
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::error::KafkaError;
use rdkafka::types::RDKafkaErrorCode;
use rdkafka::{ClientConfig, Offset, TopicPartitionList};

use super::model::{
    BrokerInfo, ClusterOverview, ConfigEntry, NewTopic, PartitionInfo, TopicDetail, TopicSummary,
};
use crate::error::{Error, Result};

const TIMEOUT: Duration = Duration::from_secs(10);

/// The clients of one connection's Kafka cluster.
pub struct KafkaCluster {
    pub(super) consumer: Arc<BaseConsumer>,
    admin: AdminClient<DefaultClientContext>,
    pub(super) bootstrap: String,
    /// The connection's client settings, for the consumers each scan makes.
    pub(super) config: ClientConfig,
    pub(super) producer: tokio::sync::OnceCell<rdkafka::producer::FutureProducer>,
}

impl KafkaCluster {
    pub fn connect(config: &ClientConfig) -> Result<Self> {
        let bootstrap = config.get("bootstrap.servers").unwrap_or_default().to_string();
        let mut consumer_config = config.clone();
        // No group: this consumer only reads metadata and offsets, it never joins or commits.
        consumer_config.set("enable.auto.commit", "false");
        let consumer: BaseConsumer =
            consumer_config.create().map_err(|e| kafka_error(&bootstrap, "create a client", e))?;
        let admin = config.create().map_err(|e| kafka_error(&bootstrap, "create an admin client", e))?;
        Ok(Self {
            consumer: Arc::new(consumer),
            admin,
            bootstrap,
            config: config.clone(),
            producer: tokio::sync::OnceCell::new(),
        })
    }

    /// The names of every topic, internal ones included.
    pub async fn topic_names(&self) -> Result<Vec<String>> {
        Ok(self.metadata(None).await?.topics.into_iter().map(|t| t.name).collect())
    }

    /// Cluster metadata as plain owned data (librdkafka's own holds raw pointers).
    pub(super) async fn metadata(&self, topic: Option<String>) -> Result<ClusterMetadata> {
        let consumer = Arc::clone(&self.consumer);
        let bootstrap = self.bootstrap.clone();
        tokio::task::spawn_blocking(move || {
            consumer.fetch_metadata(topic.as_deref(), TIMEOUT).map(|m| ClusterMetadata {
                brokers: m
                    .brokers()
                    .iter()
                    .map(|b| BrokerInfo { id: b.id(), host: b.host().to_string(), port: b.port() })
                    .collect(),
                topics: m
                    .topics()
                    .iter()
                    .map(|t| TopicMetadata {
                        name: t.name().to_string(),
                        error: t.error().map(RDKafkaErrorCode::from),
                        partitions: t
                            .partitions()
                            .iter()
                            .map(|p| PartitionMetadata {
                                id: p.id(),
                                leader: p.leader(),
                                replicas: p.replicas().to_vec(),
                                isr: p.isr().to_vec(),
                            })
                            .collect(),
                    })
                    .collect(),
            })
        })
        .await
        .map_err(|e| Error::internal(format!("The metadata task stopped: {e}")))?
        .map_err(|e| kafka_error(&bootstrap, "read the cluster metadata", e))
    }

    pub async fn overview(&self) -> Result<ClusterOverview> {
        let metadata = self.metadata(None).await?;
        let consumer = Arc::clone(&self.consumer);
        let cluster_id = tokio::task::spawn_blocking(move || consumer.client().fetch_cluster_id(TIMEOUT))
            .await
            .ok()
            .flatten();
        let internal = metadata.topics.iter().filter(|t| is_internal(&t.name)).count();
        Ok(ClusterOverview {
            controller_id: None,
            cluster_id,
            topic_count: count(metadata.topics.len() - internal),
            internal_topic_count: count(internal),
            partition_count: count(metadata.topics.iter().map(|t| t.partitions.len()).sum()),
            brokers: metadata.brokers,
        })
    }

    /// Every topic with its message count, from two batched ListOffsets rounds
    /// (earliest and latest) rather than two requests per partition.
    pub async fn topics(&self) -> Result<Vec<TopicSummary>> {
        let metadata = self.metadata(None).await?;
        let mut partitions = Vec::new();
        for topic in &metadata.topics {
            for p in &topic.partitions {
                partitions.push((topic.name.clone(), p.id));
            }
        }
        let marks = self.watermarks(partitions).await?;
        let mut out: Vec<TopicSummary> = metadata
            .topics
            .iter()
            .map(|t| TopicSummary {
                name: t.name.clone(),
                internal: is_internal(&t.name),
                partitions: count(t.partitions.len()),
                replication_factor: count(t.partitions.first().map_or(0, |p| p.replicas.len())),
                message_count: t
                    .partitions
                    .iter()
                    .map(|p| marks.get(&t.name, p.id).map_or(0, |(low, high)| high - low))
                    .sum(),
            })
            .collect();
        out.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(out)
    }

    pub async fn describe_topic(&self, name: &str) -> Result<TopicDetail> {
        let metadata = self.metadata(Some(name.to_string())).await?;
        let topic = metadata.topics.into_iter().find(|t| t.name == name).ok_or_else(|| {
            Error::not_found(format!("Topic '{name}' does not exist on {}.", self.bootstrap))
        })?;
        if let Some(code) = topic.error {
            return Err(match code {
                RDKafkaErrorCode::UnknownTopicOrPartition | RDKafkaErrorCode::UnknownTopic => {
                    Error::not_found(format!("Topic '{name}' does not exist on {}.", self.bootstrap))
                }
                RDKafkaErrorCode::TopicAuthorizationFailed => Error::forbidden(format!(
                    "The broker denied access to topic '{name}': your principal needs the DESCRIBE ACL on it."
                )),
                other => Error::unavailable(format!("The broker reported {other} for topic '{name}'.")),
            });
        }
        let ids: Vec<_> = topic.partitions.iter().map(|p| (name.to_string(), p.id)).collect();
        let marks = self.watermarks(ids).await?;
        let mut partitions: Vec<PartitionInfo> = topic
            .partitions
            .into_iter()
            .map(|p| {
                let (low, high) = marks.get(name, p.id).unwrap_or((0, 0));
                PartitionInfo {
                    id: p.id,
                    leader: p.leader,
                    replicas: p.replicas,
                    isr: p.isr,
                    low_watermark: low,
                    high_watermark: high,
                    message_count: high - low,
                }
            })
            .collect();
        partitions.sort_by_key(|p| p.id);
        let (configs, config_note) = self.topic_configs(name).await;
        Ok(TopicDetail {
            name: name.to_string(),
            internal: is_internal(name),
            message_count: partitions.iter().map(|p| p.message_count).sum(),
            partitions,
            configs,
            config_note,
        })
    }

    /// The topic's configs; a broker that answers with no entries (some Kafka-protocol
    /// brokers do) or refuses gets a note instead of an error, since the rest still shows.
    async fn topic_configs(&self, name: &str) -> (Vec<ConfigEntry>, Option<String>) {
        let resources = [ResourceSpecifier::Topic(name)];
        let options = AdminOptions::new().request_timeout(Some(TIMEOUT));
        let results = match self.admin.describe_configs(&resources, &options).await {
            Ok(results) => results,
            Err(err) => return (vec![], Some(format!("The topic configuration could not be read: {err}."))),
        };
        let mut configs = Vec::new();
        for result in results {
            match result {
                Ok(resource) => configs.extend(resource.entries.into_iter().map(|e| ConfigEntry {
                    name: e.name,
                    value: if e.is_sensitive { None } else { e.value },
                    is_default: e.is_default,
                    is_read_only: e.is_read_only,
                    is_sensitive: e.is_sensitive,
                })),
                Err(code) => {
                    return (
                        vec![],
                        Some(format!("The broker refused to describe the configuration: {code}.")),
                    )
                }
            }
        }
        configs.sort_by(|a, b| a.name.cmp(&b.name));
        let note = configs
            .is_empty()
            .then(|| "The broker returned no configuration entries for this topic.".to_string());
        (configs, note)
    }

    pub async fn create_topic(&self, topic: &NewTopic) -> Result<()> {
        topic.validate()?;
        let replication = i32::try_from(topic.replication_factor).unwrap_or(i32::MAX);
        let partitions = i32::try_from(topic.partitions).unwrap_or(i32::MAX);
        let mut new_topic = RdNewTopic::new(&topic.name, partitions, TopicReplication::Fixed(replication));
        for config in &topic.configs {
            new_topic = new_topic.set(&config.name, &config.value);
        }
        let options = AdminOptions::new().operation_timeout(Some(TIMEOUT));
        let results = self
            .admin
            .create_topics([&new_topic], &options)
            .await
            .map_err(|e| kafka_error(&self.bootstrap, "create the topic", e))?;
        for result in results {
            if let Err((name, code)) = result {
                return Err(admin_error(&name, "create", code));
            }
        }
        Ok(())
    }

    pub async fn delete_topic(&self, name: &str) -> Result<()> {
        let options = AdminOptions::new().operation_timeout(Some(TIMEOUT));
        let results = self
            .admin
            .delete_topics(&[name], &options)
            .await
            .map_err(|e| kafka_error(&self.bootstrap, "delete the topic", e))?;
        for result in results {
            if let Err((name, code)) = result {
                return Err(admin_error(&name, "delete", code));
            }
        }
        Ok(())
    }

    pub(super) async fn watermarks(&self, partitions: Vec<(String, i32)>) -> Result<Watermarks> {
        let consumer = Arc::clone(&self.consumer);
        let bootstrap = self.bootstrap.clone();
        tokio::task::spawn_blocking(move || Watermarks::fetch(&consumer, &partitions))
            .await
            .map_err(|e| Error::internal(format!("The offsets task stopped: {e}")))?
            .map_err(|e| kafka_error(&bootstrap, "read the partition offsets", e))
    }
}

pub(super) struct ClusterMetadata {
    brokers: Vec<BrokerInfo>,
    pub(super) topics: Vec<TopicMetadata>,
}

pub(super) struct TopicMetadata {
    pub(super) name: String,
    pub(super) error: Option<RDKafkaErrorCode>,
    pub(super) partitions: Vec<PartitionMetadata>,
}

pub(super) struct PartitionMetadata {
    pub(super) id: i32,
    leader: i32,
    replicas: Vec<i32>,
    isr: Vec<i32>,
}

/// Low and high watermarks by (topic, partition).
pub(super) struct Watermarks(std::collections::HashMap<(String, i32), (i64, i64)>);

impl Watermarks {
    fn fetch(consumer: &BaseConsumer, partitions: &[(String, i32)]) -> Result<Self, KafkaError> {
        let mut marks = std::collections::HashMap::new();
        if partitions.is_empty() {
            return Ok(Self(marks));
        }
        // ListOffsets with the protocol's special timestamps: Beginning (-2) earliest, End (-1) latest.
        let query = |special: Offset| -> Result<TopicPartitionList, KafkaError> {
            let mut list = TopicPartitionList::new();
            for (topic, partition) in partitions {
                list.add_partition_offset(topic, *partition, special)?;
            }
            consumer.offsets_for_times(list, TIMEOUT)
        };
        let earliest = query(Offset::Beginning)?;
        let latest = query(Offset::End)?;
        for element in latest.elements() {
            let high = offset_value(element.offset());
            let low = earliest
                .find_partition(element.topic(), element.partition())
                .map_or(0, |e| offset_value(e.offset()));
            marks.insert((element.topic().to_string(), element.partition()), (low, high.max(low)));
        }
        Ok(Self(marks))
    }

    pub(super) fn get(&self, topic: &str, partition: i32) -> Option<(i64, i64)> {
        self.0.get(&(topic.to_string(), partition)).copied()
    }
}

fn offset_value(offset: Offset) -> i64 {
    match offset {
        Offset::Offset(n) if n >= 0 => n,
        _ => 0,
    }
}

fn is_internal(topic: &str) -> bool {
    topic.starts_with("__")
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn admin_error(topic: &str, action: &str, code: RDKafkaErrorCode) -> Error {
    match code {
        RDKafkaErrorCode::TopicAlreadyExists => Error::invalid(format!("Topic '{topic}' already exists.")),
        RDKafkaErrorCode::UnknownTopicOrPartition => Error::not_found(format!("Topic '{topic}' does not exist.")),
        RDKafkaErrorCode::TopicAuthorizationFailed | RDKafkaErrorCode::ClusterAuthorizationFailed => {
            Error::forbidden(format!(
                "The broker denied the request to {action} topic '{topic}' ({code}): your principal needs the {} ACL.",
                if action == "create" { "CREATE" } else { "DELETE" }
            ))
        }
        RDKafkaErrorCode::InvalidPartitions
        | RDKafkaErrorCode::InvalidReplicationFactor
        | RDKafkaErrorCode::InvalidTopic
        | RDKafkaErrorCode::InvalidConfig
        | RDKafkaErrorCode::PolicyViolation
        | RDKafkaErrorCode::InvalidRequest => {
            Error::invalid(format!("The broker refused to {action} topic '{topic}': {code}."))
        }
        other => Error::unavailable(format!("Could not {action} topic '{topic}': {other}.")),
    }
}

/// A client-library error as a person reads it: what we tried, where, and what to check.
pub(crate) fn kafka_error(bootstrap: &str, action: &str, err: KafkaError) -> Error {
    let code = err.rdkafka_error_code();
    match code {
        Some(RDKafkaErrorCode::TopicAuthorizationFailed | RDKafkaErrorCode::ClusterAuthorizationFailed) => {
            Error::forbidden(format!("The broker at {bootstrap} denied the request to {action}: {err}."))
        }
        _ => Error::unavailable(format!(
            "Could not {action} from {bootstrap}: {err}. Check that the cluster is up; \"Test connection\" names the cause."
        )),
    }
}
