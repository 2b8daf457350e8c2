//! Kafka helpers shared by the engine's integration tests: a connection to the local
//! broker, browse requests, fresh topics (never deleted on the shared broker), producers.

use rdkafka::producer::FutureProducer;
use rdkafka::ClientConfig;
use streamlens_engine::browse::{BrowseRequest, MessageFilter, MessagePage, StartPosition};
use streamlens_engine::kafka::model::NewTopic;
use streamlens_engine::profile::{Environment, HttpEndpoint, KafkaSettings, ProfileDraft};

use super::{developer, kafka_bootstrap, uuid_like, TestWorkspace};

/// A dev connection to a broker at `bootstrap` that is not the local one (librdkafka's mock
/// cluster).
pub async fn connection_to(t: &TestWorkspace, bootstrap: &str) -> String {
    let draft = ProfileDraft {
        id: None,
        name: format!("mock {}", uuid_like()),
        environment: Environment::Dev,
        kafka: Some(KafkaSettings::plaintext(bootstrap)),
        schema_registry: None,
        flink: None,
        secrets: vec![],
    };
    t.workspace.save_connection(&developer(), draft).await.unwrap().id
}

pub async fn connection(t: &TestWorkspace, environment: Environment) -> String {
    connection_with_registry(t, environment, None).await
}

/// A connection to the local broker and, when given, a Schema Registry.
pub async fn connection_with_registry(
    t: &TestWorkspace,
    environment: Environment,
    registry: Option<&str>,
) -> String {
    let draft = ProfileDraft {
        id: None,
        name: format!("browse-{}-{}", environment.as_str(), uuid_like()),
        environment,
        kafka: Some(KafkaSettings::plaintext(kafka_bootstrap())),
        schema_registry: registry.map(HttpEndpoint::open),
        flink: None,
        secrets: vec![],
    };
    t.workspace.save_connection(&developer(), draft).await.unwrap().id
}

pub fn request(topic: &str, start: StartPosition, limit: u32) -> BrowseRequest {
    BrowseRequest { topic: topic.into(), partitions: None, start, limit, filter: MessageFilter::default() }
}

pub fn ids(page: &MessagePage) -> Vec<(i32, i64)> {
    page.messages.iter().map(|m| (m.partition, m.offset)).collect()
}

/// A new topic of the test's own on the shared broker (never deleted: see tests/env/README.md).
pub async fn fresh_topic(t: &TestWorkspace, id: &str, partitions: u32) -> String {
    let name = format!("it.browse.{}", uuid_like());
    let topic = NewTopic { name: name.clone(), partitions, replication_factor: 1, configs: vec![] };
    t.workspace.create_topic(&developer(), id, &topic, None).await.unwrap();
    name
}

pub fn producer(compression: &str) -> FutureProducer {
    ClientConfig::new()
        .set("bootstrap.servers", kafka_bootstrap())
        .set("compression.type", compression)
        .set("message.max.bytes", "20000000")
        .set("linger.ms", "5")
        .create()
        .unwrap()
}
