//! Cluster and topic views against the real local broker (tansu, SQLite engine): the demo
//! topics and their counts, watermarks cross-checked against librdkafka's own per-partition
//! query, create/describe/delete, the prod confirmation, and role checks. Tests that delete
//! topics use a throwaway broker: tansu 0.6.0's DeleteTopics removes every topic.
#![allow(clippy::expect_used, clippy::unwrap_used)] // test code: a panic is the failure report

mod common;

use std::time::Duration;

use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::ClientConfig;
use streamlens_engine::access::{Role, Session};
use streamlens_engine::kafka::model::{ConfigOverride, NewTopic};
use streamlens_engine::profile::{Environment, KafkaSettings, ProfileDraft};
use streamlens_engine::Error;

async fn connection(t: &common::TestWorkspace, environment: Environment) -> String {
    connection_to(t, environment, &common::kafka_bootstrap()).await
}

async fn connection_to(t: &common::TestWorkspace, environment: Environment, bootstrap: &str) -> String {
    let draft = ProfileDraft {
        id: None,
        name: format!("kafka-{}", environment.as_str()),
        environment,
        kafka: Some(KafkaSettings::plaintext(bootstrap)),
        schema_registry: None,
        flink: None,
        secrets: vec![],
    };
    t.workspace.save_connection(&common::developer(), draft).await.unwrap().id
}

fn unique(prefix: &str) -> String {
    format!("{prefix}.{}", common::uuid_like())
}

#[tokio::test]
async fn demo_topics_are_listed_with_their_message_counts() {
    let t = common::workspace().await;
    let id = connection(&t, Environment::Dev).await;
    let topics = t.workspace.list_topics(&common::developer(), &id).await.unwrap();
    for name in ["demo.customers", "demo.orders", "demo.payments"] {
        let topic =
            topics.iter().find(|t| t.name == name).unwrap_or_else(|| panic!("{name} listed: {topics:?}"));
        assert_eq!(topic.partitions, 3, "{name}");
        assert!(topic.message_count >= 200, "{name}: {}", topic.message_count);
        assert!(!topic.internal);
    }
    let mut names: Vec<_> = topics.iter().map(|t| t.name.clone()).collect();
    let listed = names.clone();
    names.sort();
    assert_eq!(names, listed, "sorted by name");

    let overview = t.workspace.cluster_overview(&common::developer(), &id).await.unwrap();
    assert_eq!(overview.brokers.len(), 1);
    assert_eq!(overview.brokers[0].host, "127.0.0.1");
    assert!(overview.topic_count >= 3);
    assert!(overview.partition_count >= 9);
}

#[tokio::test]
async fn batched_watermarks_match_librdkafkas_per_partition_query() {
    let t = common::workspace().await;
    let id = connection(&t, Environment::Dev).await;
    let detail = t.workspace.describe_topic(&common::developer(), &id, "demo.orders").await.unwrap();
    assert_eq!(detail.partitions.len(), 3);
    let overview = t.workspace.cluster_overview(&common::developer(), &id).await.unwrap();
    let broker_ids: Vec<i32> = overview.brokers.iter().map(|b| b.id).collect();
    let consumer: BaseConsumer =
        ClientConfig::new().set("bootstrap.servers", common::kafka_bootstrap()).create().unwrap();
    for p in &detail.partitions {
        let (low, high) = consumer.fetch_watermarks("demo.orders", p.id, Duration::from_secs(10)).unwrap();
        assert_eq!((p.low_watermark, p.high_watermark), (low, high), "partition {}", p.id);
        assert!(broker_ids.contains(&p.leader), "leader {} is not a broker {broker_ids:?}", p.leader);
        assert!(p.replicas.contains(&p.leader) && p.isr.contains(&p.leader), "{p:?}");
    }
    assert_eq!(detail.message_count, detail.partitions.iter().map(|p| p.message_count).sum::<i64>());
    // tansu answers DescribeConfigs with no entries: the detail says so instead of failing.
    if detail.configs.is_empty() {
        assert!(detail.config_note.is_some());
    }
}

#[tokio::test]
async fn create_describe_and_delete_a_topic() {
    let broker = common::ThrowawayBroker::start();
    let t = common::workspace().await;
    let id = connection_to(&t, Environment::Dev, &broker.bootstrap).await;
    let dev = common::developer();
    let name = unique("it.created");
    let topic = NewTopic {
        name: name.clone(),
        partitions: 2,
        replication_factor: 1,
        configs: vec![ConfigOverride { name: "retention.ms".into(), value: "3600000".into() }],
    };
    let created = t.workspace.create_topic(&dev, &id, &topic, None).await.unwrap();
    assert_eq!(created.partitions.len(), 2);
    assert_eq!(created.message_count, 0);
    let again = t.workspace.create_topic(&dev, &id, &topic, None).await.unwrap_err();
    assert!(matches!(again, Error::InvalidInput { .. }), "{again:?}");

    t.workspace.delete_topic(&dev, &id, &name, None).await.unwrap();
    let mut gone = false;
    for _ in 0..30 {
        let topics = t.workspace.list_topics(&dev, &id).await.unwrap();
        if !topics.iter().any(|t| t.name == name) {
            gone = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(gone, "{name} still listed after delete");
    let err = t.workspace.describe_topic(&dev, &id, "no.such.topic.here").await.unwrap_err();
    assert!(matches!(err, Error::NotFound { .. } | Error::Unavailable { .. }), "{err:?}");
}

#[tokio::test]
async fn prod_needs_the_name_typed_and_support_may_only_look() {
    let broker = common::ThrowawayBroker::start();
    let t = common::workspace().await;
    let id = connection_to(&t, Environment::Prod, &broker.bootstrap).await;
    let dev = common::developer();
    let name = unique("it.prod");
    let topic = NewTopic { name: name.clone(), partitions: 1, replication_factor: 1, configs: vec![] };
    let err = t.workspace.create_topic(&dev, &id, &topic, None).await.unwrap_err();
    assert!(err.to_string().contains("type the topic name"), "{err}");
    let err = t.workspace.create_topic(&dev, &id, &topic, Some("wrong")).await.unwrap_err();
    assert!(matches!(err, Error::InvalidInput { .. }));
    t.workspace.create_topic(&dev, &id, &topic, Some(&name)).await.unwrap();

    let support = Session::new(Role::Support);
    assert!(t.workspace.list_topics(&support, &id).await.is_ok());
    let err = t.workspace.delete_topic(&support, &id, &name, Some(&name)).await.unwrap_err();
    assert!(matches!(err, Error::Forbidden { .. }), "{err:?}");
    assert!(t.workspace.delete_topic(&dev, &id, &name, None).await.is_err());
    t.workspace.delete_topic(&dev, &id, &name, Some(&name)).await.unwrap();

    // A connection the policy pins to prod needs the name typed too, whatever its profile says.
    let dev_id = connection_to(&t, Environment::Dev, &broker.bootstrap).await;
    let profile = t.workspace.find_connection(&dev, &dev_id).await.unwrap();
    let pinned = streamlens_engine::access::Policy::parse(&format!(
        "[[connections]]\nname = \"{}\"\nenvironment = \"prod\"\n",
        profile.name
    ))
    .unwrap();
    let under_policy = Session::with_policy(Role::Developer, "ann".into(), std::sync::Arc::new(pinned));
    let err = t.workspace.create_topic(&under_policy, &dev_id, &topic, None).await.unwrap_err();
    assert!(err.to_string().contains("type the topic name"), "{err}");
}

#[tokio::test]
async fn an_unreachable_cluster_is_unavailable_not_a_crash() {
    let t = common::workspace().await;
    let draft = ProfileDraft {
        id: None,
        name: "down".into(),
        environment: Environment::Dev,
        kafka: Some(KafkaSettings::plaintext(format!("127.0.0.1:{}", common::closed_port()))),
        schema_registry: None,
        flink: None,
        secrets: vec![],
    };
    let id = t.workspace.save_connection(&common::developer(), draft).await.unwrap().id;
    let err = t.workspace.list_topics(&common::developer(), &id).await.unwrap_err();
    assert!(matches!(err, Error::Unavailable { .. }), "{err:?}");
    assert!(err.to_string().contains("Test connection"), "{err}");
}
