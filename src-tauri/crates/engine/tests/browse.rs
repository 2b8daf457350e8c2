//! The message browser's data path against the real broker: paging that always moves and
//! covers every message once, filters that only see masked values, roles, and bad input —
//! invalid UTF-8, tombstones, every compression codec, large messages, timestamps.
//! Mock: snappy is read from librdkafka's mock cluster, because tansu cannot serve it.
#![allow(clippy::expect_used, clippy::unwrap_used)] // test code: a panic is the failure report

mod common;

use std::collections::BTreeSet;
use std::time::Duration;

use rdkafka::message::{Header, OwnedHeaders};
use rdkafka::producer::{FutureProducer, FutureRecord};
use rdkafka::ClientConfig;
use streamlens_engine::access::{Role, Session};
use streamlens_engine::browse::record::PayloadFormat;
use streamlens_engine::browse::{BrowseRequest, MessageFilter, MessagePage, StartPosition};
use streamlens_engine::kafka::model::NewTopic;
use streamlens_engine::profile::{Environment, KafkaSettings, ProfileDraft};
use streamlens_engine::Error;

async fn connection(t: &common::TestWorkspace, environment: Environment) -> String {
    let draft = ProfileDraft {
        id: None,
        name: format!("browse-{}", environment.as_str()),
        environment,
        kafka: Some(KafkaSettings::plaintext(common::kafka_bootstrap())),
        schema_registry: None,
        flink: None,
        secrets: vec![],
    };
    t.workspace.save_connection(&common::developer(), draft).await.unwrap().id
}

fn request(topic: &str, start: StartPosition, limit: u32) -> BrowseRequest {
    BrowseRequest { topic: topic.into(), partitions: None, start, limit, filter: MessageFilter::default() }
}

fn ids(page: &MessagePage) -> Vec<(i32, i64)> {
    page.messages.iter().map(|m| (m.partition, m.offset)).collect()
}

/// A new topic of the test's own on the shared broker (never deleted: see tests/env/README.md).
async fn fresh_topic(t: &common::TestWorkspace, id: &str, partitions: u32) -> String {
    let name = format!("it.browse.{}", common::uuid_like());
    let topic = NewTopic { name: name.clone(), partitions, replication_factor: 1, configs: vec![] };
    t.workspace.create_topic(&common::developer(), id, &topic, None).await.unwrap();
    name
}

fn producer(compression: &str) -> FutureProducer {
    ClientConfig::new()
        .set("bootstrap.servers", common::kafka_bootstrap())
        .set("compression.type", compression)
        .set("message.max.bytes", "20000000")
        .set("linger.ms", "5")
        .create()
        .unwrap()
}

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

    // Support: every payload withheld, and a filter on PII finds nothing to match.
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
    assert!(masked.messages.iter().all(|m| m.value.format == PayloadFormat::Withheld));

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
    assert!(page.messages.iter().all(|m| m.value.format == PayloadFormat::Withheld));

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
    let draft = ProfileDraft {
        id: None,
        name: "mock".into(),
        environment: Environment::Dev,
        kafka: Some(KafkaSettings::plaintext(mock.bootstrap_servers())),
        schema_registry: None,
        flink: None,
        secrets: vec![],
    };
    let id = t.workspace.save_connection(&common::developer(), draft).await.unwrap().id;
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

#[tokio::test]
async fn produced_messages_read_back_and_bad_input_is_refused() {
    use streamlens_engine::kafka::producing::{HeaderInput, ProduceFormat, ProduceRequest};
    let t = common::workspace().await;
    let dev = common::developer();
    let id = connection(&t, Environment::Dev).await;
    let topic = fresh_topic(&t, &id, 2).await;
    let request = ProduceRequest {
        topic: topic.clone(),
        partition: Some(1),
        key: Some("order-1".into()),
        value: Some(r#"{"total": 12.5, "items": ["a"]}"#.into()),
        headers: vec![HeaderInput { key: "source".into(), value: "streamlens-test".into() }],
        format: ProduceFormat::Json,
    };
    let sent = t.workspace.produce(&dev, &id, &request).await.unwrap();
    assert_eq!((sent.partition, sent.offset), (1, 0));
    let page = t
        .workspace
        .browse_messages(
            &dev,
            &id,
            &self::request(&topic, StartPosition::Earliest, 10),
            None,
            Box::new(|_| {}),
        )
        .await
        .unwrap();
    assert_eq!(page.messages.len(), 1);
    let m = &page.messages[0];
    assert_eq!((m.partition, m.key.text.as_deref()), (1, Some("order-1")));
    assert_eq!(m.value.text.as_deref(), Some(r#"{"total":12.5,"items":["a"]}"#));
    assert_eq!(
        (m.headers[0].key.as_str(), m.headers[0].value.text.as_deref()),
        ("source", Some("streamlens-test"))
    );

    let mut bad = request.clone();
    bad.value = Some("{not json".into());
    let err = t.workspace.produce(&dev, &id, &bad).await.unwrap_err();
    assert!(err.to_string().contains("not valid JSON (line 1, column 2"), "{err}");
    let err = t.workspace.produce(&Session::new(Role::Support), &id, &request).await.unwrap_err();
    assert!(matches!(err, Error::Forbidden { .. }));
    let prod = connection(&t, Environment::Prod).await;
    let err = t.workspace.produce(&dev, &prod, &request).await.unwrap_err();
    assert!(err.to_string().contains("prod connection"), "{err}");
}

#[tokio::test]
async fn a_scan_reports_progress_and_a_tail_follows_new_messages() {
    use std::sync::{Arc, Mutex};
    use streamlens_engine::browse::{ScanProgress, TailBatch, TailRequest};
    let t = common::workspace().await;
    let dev = common::developer();
    let id = connection(&t, Environment::Dev).await;

    let seen: Arc<Mutex<Vec<ScanProgress>>> = Arc::default();
    let sink = Arc::clone(&seen);
    let mut nothing = request("demo.customers", StartPosition::Earliest, 100);
    nothing.filter.text = Some("zz-matches-nothing-zz".into());
    let page = t
        .workspace
        .browse_messages(&dev, &id, &nothing, None, Box::new(move |p| sink.lock().unwrap().push(p)))
        .await
        .unwrap();
    let last = *seen.lock().unwrap().last().expect("progress was reported");
    assert_eq!((last.scanned, last.matched), (page.scanned, 0));
    assert!(page.scanned >= 200 && last.total >= last.scanned, "{last:?}");

    let topic = fresh_topic(&t, &id, 2).await;
    let batches: Arc<Mutex<Vec<TailBatch>>> = Arc::default();
    let sink = Arc::clone(&batches);
    let emit = Box::new(move |b: TailBatch| {
        sink.lock().unwrap().push(b);
        std::ops::ControlFlow::Continue(())
    });
    let everything = TailRequest { topic: topic.clone(), partitions: None, filter: MessageFilter::default() };
    let following = t.workspace.tail_messages(&dev, &id, &everything, "tail-test", emit);
    let feeding = async {
        tokio::time::sleep(Duration::from_millis(1500)).await;
        let p = producer("none");
        for i in 0..3 {
            let value = format!("{{\"live\":{i}}}");
            p.send(FutureRecord::<str, str>::to(&topic).payload(&value), Duration::from_secs(10))
                .await
                .map_err(|(e, _)| e)
                .unwrap();
        }
        for _ in 0..100 {
            if batches.lock().unwrap().iter().map(|b| b.messages.len()).sum::<usize>() >= 3 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        t.workspace.cancel_scan("tail-test").await;
    };
    let (followed, ()) = tokio::join!(following, feeding);
    followed.unwrap();
    let got: Vec<String> = batches
        .lock()
        .unwrap()
        .iter()
        .flat_map(|b| b.messages.iter().filter_map(|m| m.value.text.clone()))
        .collect();
    let mut got = got;
    got.sort();
    assert_eq!(got, vec![r#"{"live":0}"#, r#"{"live":1}"#, r#"{"live":2}"#]);
    assert!(batches.lock().unwrap().iter().all(|b| b.dropped == 0));
}

#[tokio::test]
async fn exports_write_every_row_masked_for_the_role_and_leave_nothing_when_cancelled() {
    use std::sync::atomic::AtomicBool;
    use std::sync::Arc;
    use streamlens_engine::browse::export::{ExportFormat, ExportTarget};
    let t = common::workspace().await;
    let dev = common::developer();
    let id = connection(&t, Environment::Dev).await;
    let dir = tempfile::tempdir().unwrap();
    let total = t.workspace.describe_topic(&dev, &id, "demo.payments").await.unwrap().message_count as u64;
    let all = request("demo.payments", StartPosition::Earliest, 1);
    let go = || Arc::new(AtomicBool::new(false));

    let jsonl = ExportTarget { path: dir.path().join("payments.jsonl"), format: ExportFormat::Jsonl };
    let summary = t.workspace.export_messages(&dev, &id, &all, &jsonl, go(), Box::new(|_| {})).await.unwrap();
    assert_eq!(summary.rows, total);
    let text = std::fs::read_to_string(&jsonl.path).unwrap();
    assert_eq!(text.lines().count() as u64, total);
    for line in text.lines() {
        let row: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(row["value"]["payment_id"].is_string(), "{line}");
    }
    assert!(!dir.path().join("payments.partial").exists());

    let csv = ExportTarget { path: dir.path().join("payments.csv"), format: ExportFormat::Csv };
    let support = Session::new(Role::Support);
    let summary =
        t.workspace.export_messages(&support, &id, &all, &csv, go(), Box::new(|_| {})).await.unwrap();
    assert_eq!(summary.rows, total);
    let text = std::fs::read_to_string(&csv.path).unwrap();
    assert!(text.starts_with("topic,partition,offset,timestamp,key,value,headers\n"));
    assert!(!text.contains('@'), "an email reached a support export");

    let cancelled = Arc::new(AtomicBool::new(true));
    let target = ExportTarget { path: dir.path().join("cancelled.jsonl"), format: ExportFormat::Jsonl };
    let summary =
        t.workspace.export_messages(&dev, &id, &all, &target, cancelled, Box::new(|_| {})).await.unwrap();
    assert!(summary.cancelled);
    assert!(!target.path.exists() && !dir.path().join("cancelled.partial").exists());
}
