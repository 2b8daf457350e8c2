//! The message browser's data path against the real broker: paging that always moves and
//! covers every message once, filters that only see masked values, roles, and bad input —
//! invalid UTF-8, tombstones, every compression codec, large messages, timestamps.
//! Mock: snappy is read from librdkafka's mock cluster, because tansu cannot serve it.
#![allow(clippy::expect_used, clippy::unwrap_used)] // test code: a panic is the failure report

mod common;

use common::kafka::{connection, fresh_topic, ids, producer, request};

use std::collections::BTreeSet;
use std::time::Duration;

use rdkafka::message::{Header, OwnedHeaders};
use rdkafka::producer::{FutureProducer, FutureRecord};
use rdkafka::ClientConfig;
use streamlens_engine::access::{Role, Session};
use streamlens_engine::browse::record::PayloadFormat;
use streamlens_engine::browse::StartPosition;
use streamlens_engine::profile::Environment;
use streamlens_engine::Error;

#[tokio::test]
async fn newer_pages_cover_every_message_once_and_then_stop() {
    let t = common::workspace().await;
    let id = connection(&t, Environment::Dev).await;
    let dev = common::developer();
    let total = t.workspace.describe_topic(&dev, &id, "demo.customers").await.unwrap().message_count;
    let mut seen = BTreeSet::new();
    let mut page = t
        .workspace
        .browse_messages(
            &dev,
            &id,
            &request("demo.customers", StartPosition::Earliest, 70),
            None,
            Box::new(|_| {}),
        )
        .await
        .unwrap();
    let mut pages = 1;
    loop {
        assert!(page.messages.len() <= 70);
        for key in ids(&page) {
            assert!(seen.insert(key), "{key:?} shown twice");
        }
        if !page.has_newer {
            break;
        }
        let next = StartPosition::After { offsets: page.next.clone() };
        page = t
            .workspace
            .browse_messages(&dev, &id, &request("demo.customers", next, 70), None, Box::new(|_| {}))
            .await
            .unwrap();
        pages += 1;
        assert!(pages < 20, "paging did not end");
    }
    assert_eq!(seen.len() as i64, total);
    assert!(pages >= 3);
}

#[tokio::test]
async fn older_pages_move_back_from_the_newest() {
    let t = common::workspace().await;
    let id = connection(&t, Environment::Dev).await;
    let dev = common::developer();
    let newest = t
        .workspace
        .browse_messages(
            &dev,
            &id,
            &request("demo.orders", StartPosition::Latest { count: 5 }, 100),
            None,
            Box::new(|_| {}),
        )
        .await
        .unwrap();
    assert_eq!(newest.messages.len(), 15, "5 from each of 3 partitions");
    assert!(newest.has_older && !newest.has_newer);
    let before = StartPosition::Before { offsets: newest.previous.clone() };
    let older = t
        .workspace
        .browse_messages(&dev, &id, &request("demo.orders", before, 30), None, Box::new(|_| {}))
        .await
        .unwrap();
    assert_eq!(older.messages.len(), 30);
    let newest_ids: BTreeSet<_> = ids(&newest).into_iter().collect();
    for (partition, offset) in ids(&older) {
        assert!(!newest_ids.contains(&(partition, offset)));
        let boundary = newest.previous.iter().find(|p| p.partition == partition).unwrap().offset;
        assert!(offset < boundary, "older page reached past the newer one");
    }
}

#[tokio::test]
async fn filters_count_what_they_scan_and_never_see_masked_values() {
    let t = common::workspace().await;
    let dev = common::developer();
    let id = connection(&t, Environment::Dev).await;
    let all = t
        .workspace
        .browse_messages(
            &dev,
            &id,
            &request("demo.customers", StartPosition::Earliest, 1000),
            None,
            Box::new(|_| {}),
        )
        .await
        .unwrap();
    let expected = all
        .messages
        .iter()
        .filter(|m| m.value.text.as_deref().unwrap_or("").to_lowercase().contains("example.org"))
        .count();
    assert!(expected > 0);
    let mut filtered = request("demo.customers", StartPosition::Earliest, 1000);
    filtered.filter.text = Some("EXAMPLE.ORG".into());
    let page = t.workspace.browse_messages(&dev, &id, &filtered, None, Box::new(|_| {})).await.unwrap();
    assert_eq!(page.messages.len(), expected);
    assert_eq!((page.scanned, page.matched), (all.messages.len() as u64, expected as u64));

    // Support: PII masked before the filter, so a filter on it finds nothing to match.
    let support = Session::new(Role::Support);
    let page = t.workspace.browse_messages(&support, &id, &filtered, None, Box::new(|_| {})).await.unwrap();
    assert_eq!(page.matched, 0);
    let masked = t
        .workspace
        .browse_messages(
            &support,
            &id,
            &request("demo.payments", StartPosition::Earliest, 50),
            None,
            Box::new(|_| {}),
        )
        .await
        .unwrap();
    let json = serde_json::to_string(&masked).unwrap();
    assert!(!json.contains('@'), "an email reached the support role");
    assert!(masked
        .messages
        .iter()
        .all(|m| m.value.format == PayloadFormat::Json && !m.value.masks.is_empty()));

    // Developer on a prod connection: masked until the policy unmasks the topic.
    let prod = connection(&t, Environment::Prod).await;
    let page = t
        .workspace
        .browse_messages(
            &dev,
            &prod,
            &request("demo.payments", StartPosition::Earliest, 5),
            None,
            Box::new(|_| {}),
        )
        .await
        .unwrap();
    assert!(page.messages.iter().all(|m| !m.value.masks.is_empty()));
    assert!(!serde_json::to_string(&page).unwrap().contains('@'));

    let troubleshooter = Session::new(Role::Troubleshooter);
    let err = t
        .workspace
        .browse_messages(&troubleshooter, &id, &filtered, None, Box::new(|_| {}))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Forbidden { .. }));
}

#[tokio::test]
async fn odd_payloads_are_shown_for_what_they_are() {
    let t = common::workspace().await;
    let dev = common::developer();
    let id = connection(&t, Environment::Dev).await;
    let topic = fresh_topic(&t, &id, 1).await;
    let p = producer("none");
    let send = |key: Option<&'static [u8]>, value: Option<Vec<u8>>| {
        let topic = topic.clone();
        let p = p.clone();
        async move {
            let mut record = FutureRecord::<[u8], Vec<u8>>::to(&topic).partition(0);
            if let Some(k) = key {
                record = record.key(k);
            }
            if let Some(v) = value.as_ref() {
                record = record.payload(v);
            }
            record = record
                .headers(OwnedHeaders::new().insert(Header { key: "raw", value: Some(&[0xc3u8, 0x28][..]) }));
            p.send(record, Duration::from_secs(10)).await.map_err(|(e, _)| e).unwrap();
        }
    };
    send(Some(b"bad-utf8"), Some(vec![0x66, 0x6f, 0xff, 0xfe])).await;
    send(Some(b"tombstone"), None).await;
    send(None, Some(b"plain text value".to_vec())).await;
    let big = format!("{{\"blob\":\"{}\"}}", "x".repeat(3 * 1024 * 1024));
    send(Some(b"big"), Some(big.clone().into_bytes())).await;

    let page = t
        .workspace
        .browse_messages(&dev, &id, &request(&topic, StartPosition::Earliest, 10), None, Box::new(|_| {}))
        .await
        .unwrap();
    assert_eq!(page.messages.len(), 4);
    let m = &page.messages;
    assert_eq!(m[0].value.format, PayloadFormat::Binary);
    assert_eq!(m[0].value.text.as_deref(), Some("66 6f ff fe"));
    assert!(m[0].value.note.as_deref().unwrap_or("").contains("Not UTF-8"));
    assert_eq!(m[0].headers[0].value.format, PayloadFormat::Binary);
    assert_eq!(m[1].value.format, PayloadFormat::Null, "tombstone");
    assert_eq!(m[2].key.format, PayloadFormat::Null);
    assert_eq!(m[2].value.text.as_deref(), Some("plain text value"));
    assert!(m[3].value.truncated, "a 3 MiB value keeps a bounded preview");
    assert_eq!(m[3].value.size as usize, big.len());
    assert!(m[3].value.text.as_deref().unwrap_or("").len() <= 64 * 1024);
}

async fn produce_codec(bootstrap: &str, topic: &str, codec: &str) {
    let p: FutureProducer = ClientConfig::new()
        .set("bootstrap.servers", bootstrap)
        .set("compression.type", codec)
        .set("linger.ms", "5")
        .create()
        .unwrap();
    for i in 0..5 {
        let value = format!("{{\"codec\":\"{codec}\",\"i\":{i},\"pad\":\"{}\"}}", "abc".repeat(100));
        p.send(FutureRecord::<str, str>::to(topic).key(codec).payload(&value), Duration::from_secs(10))
            .await
            .map_err(|(e, _)| e)
            .unwrap();
    }
}

async fn read_codec(t: &common::TestWorkspace, id: &str, topic: &str, codec: &str) {
    let page = t
        .workspace
        .browse_messages(
            &common::developer(),
            id,
            &request(topic, StartPosition::Earliest, 100),
            None,
            Box::new(|_| {}),
        )
        .await
        .unwrap();
    assert_eq!(page.messages.len(), 5, "{codec}");
    for m in &page.messages {
        assert_eq!(m.value.format, PayloadFormat::Json, "{codec}");
        assert!(m.value.text.as_deref().unwrap_or("").contains(&format!("\"codec\":\"{codec}\"")));
    }
}

#[tokio::test]
async fn gzip_lz4_and_zstd_read_back_from_the_broker() {
    let t = common::workspace().await;
    let id = connection(&t, Environment::Dev).await;
    for codec in ["gzip", "lz4", "zstd"] {
        let topic = fresh_topic(&t, &id, 1).await;
        produce_codec(&common::kafka_bootstrap(), &topic, codec).await;
        read_codec(&t, &id, &topic, codec).await;
    }
}

/// tansu 0.6.0 closes the connection when it fetches snappy batches (confluent-kafka's
/// client sees the same), so snappy is read from librdkafka's mock cluster, a Kafka-protocol
/// broker inside librdkafka itself.
#[tokio::test]
async fn snappy_reads_back_from_librdkafkas_mock_cluster() {
    let mock = rdkafka::mocking::MockCluster::new(1).unwrap();
    mock.create_topic("codec.snappy", 1, 1).unwrap();
    let t = common::workspace().await;
    let id = common::kafka::connection_to(&t, &mock.bootstrap_servers()).await;
    produce_codec(&mock.bootstrap_servers(), "codec.snappy", "snappy").await;
    read_codec(&t, &id, "codec.snappy", "snappy").await;
}

#[tokio::test]
async fn a_timestamp_start_finds_the_first_message_at_or_after_it() {
    let t = common::workspace().await;
    let dev = common::developer();
    let id = connection(&t, Environment::Dev).await;
    let topic = fresh_topic(&t, &id, 1).await;
    let p = producer("none");
    let base = 1_700_000_000_000i64;
    for i in 0..10 {
        let value = format!("{{\"i\":{i}}}");
        p.send(
            FutureRecord::<str, str>::to(&topic).payload(&value).timestamp(base + i * 1000),
            Duration::from_secs(10),
        )
        .await
        .map_err(|(e, _)| e)
        .unwrap();
    }
    let from = |millis| request(&topic, StartPosition::Timestamp { millis }, 100);
    let page =
        t.workspace.browse_messages(&dev, &id, &from(base + 5500), None, Box::new(|_| {})).await.unwrap();
    let times: Vec<_> = page.messages.iter().filter_map(|m| m.timestamp).collect();
    assert_eq!(times, (6..10).map(|i| base + i * 1000).collect::<Vec<_>>());
    // Past the last message: nothing, even from a broker that answers offset 0 there.
    let page =
        t.workspace.browse_messages(&dev, &id, &from(base + 60_000), None, Box::new(|_| {})).await.unwrap();
    assert!(page.messages.is_empty(), "{:?}", ids(&page));
}

#[tokio::test]
async fn unknown_topics_and_partitions_are_clear_errors() {
    let t = common::workspace().await;
    let dev = common::developer();
    let id = connection(&t, Environment::Dev).await;
    let err = t
        .workspace
        .browse_messages(
            &dev,
            &id,
            &request("no.such.topic.xyz", StartPosition::Earliest, 10),
            None,
            Box::new(|_| {}),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, Error::NotFound { .. }), "{err:?}");
    let mut bad = request("demo.orders", StartPosition::Earliest, 10);
    bad.partitions = Some(vec![7]);
    let err = t.workspace.browse_messages(&dev, &id, &bad, None, Box::new(|_| {})).await.unwrap_err();
    assert!(err.to_string().contains("no partition 7"), "{err}");
    let err = t
        .workspace
        .browse_messages(
            &dev,
            &id,
            &request("demo.orders", StartPosition::Earliest, 0),
            None,
            Box::new(|_| {}),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidInput { .. }));
}
