//! Faults the local broker cannot stage, on librdkafka's mock cluster (a Kafka-protocol
//! broker inside librdkafka itself: tansu 0.6.0 has no ACLs and cannot be taken down and
//! brought back mid-fetch from a test): a broker that goes away in the middle of a scan
//! and comes back, and authorization errors. (Transactional topics cannot be tested on
//! either: tansu 0.6.0 refuses EndTxn, and the mock's fetch responses list no aborted
//! transactions, so read_committed has nothing to filter.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::ops::ControlFlow;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::kafka::{connection_to, request};
use rdkafka::config::ClientConfig;
use rdkafka::mocking::MockCluster;
use rdkafka::producer::{FutureProducer, FutureRecord};
use rdkafka::types::RDKafkaRespErr;
use streamlens_engine::browse::export::{ExportFormat, ExportTarget};
use streamlens_engine::browse::{MessageRecord, StartPosition};
use streamlens_engine::Error;

fn producer(bootstrap: &str) -> FutureProducer {
    ClientConfig::new().set("bootstrap.servers", bootstrap).set("linger.ms", "5").create().unwrap()
}

async fn send(producer: &FutureProducer, topic: &str, value: &[u8]) {
    producer
        .send(FutureRecord::<str, [u8]>::to(topic).payload(value), Duration::from_secs(10))
        .await
        .map_err(|(e, _)| e)
        .unwrap();
}

/// Reads `topic` from `start` to its end through the data path; the offsets read, and the
/// scan's word on why it stopped early.
async fn stream(
    t: &common::TestWorkspace,
    id: &str,
    topic: &str,
    start: StartPosition,
    on_first: impl FnOnce() + Send + 'static,
) -> (Vec<i64>, Option<String>) {
    let read = Arc::new(Mutex::new(Vec::new()));
    let sink_read = Arc::clone(&read);
    let mut on_first = Some(on_first);
    let sink = Box::new(move |record: MessageRecord| {
        if let Some(first) = on_first.take() {
            first();
        }
        sink_read.lock().unwrap().push(record.offset);
        ControlFlow::Continue(())
    });
    let cancel = Arc::new(AtomicBool::new(false));
    let outcome = t
        .workspace
        .stream_messages(&common::developer(), id, &request(topic, start, 0), cancel, sink, Box::new(|_| {}))
        .await
        .unwrap();
    let offsets = read.lock().unwrap().clone();
    (offsets, outcome.stopped)
}

/// The broker goes away after the first record arrives (records of 900 kB: one per fetch,
/// so most of the partition is still to fetch): the scan stops after BROKER_AWAY_LIMIT
/// with what it read and says where; once the broker is back, a read from there gets the
/// rest — every record exactly once.
#[tokio::test]
async fn a_broker_that_goes_away_mid_scan_stops_it_with_where_to_resume() {
    let mock = MockCluster::new(1).unwrap();
    let bootstrap = mock.bootstrap_servers();
    mock.create_topic("faults.away", 1, 1).unwrap();
    let p = producer(&bootstrap);
    let value = vec![b'x'; 900_000];
    const RECORDS: i64 = 12;
    for _ in 0..RECORDS {
        send(&p, "faults.away", &value).await;
    }
    let t = common::workspace().await;
    let id = connection_to(&t, &bootstrap).await;

    // The first record holds the scan until the broker is down.
    let (signal, signalled) = tokio::sync::oneshot::channel::<()>();
    let (ack, acked) = std::sync::mpsc::channel::<()>();
    let scan = stream(&t, &id, "faults.away", StartPosition::Earliest, move || {
        let _ = signal.send(());
        let _ = acked.recv_timeout(Duration::from_secs(10));
    });
    let take_down = async {
        if signalled.await.is_ok() {
            mock.broker_down(1).unwrap();
        }
        let _ = ack.send(());
    };
    let ((first, stopped), ()) = tokio::join!(scan, take_down);
    let why = stopped.expect("the scan says why it stopped");
    // The mock keeps only the newest few MB of a partition: the scan starts at its first offset.
    let (Some(&low), Some(&last)) = (first.first(), first.last()) else { panic!("nothing read") };
    let next = last + 1;
    assert!(next < RECORDS, "the whole partition was read before the broker went away");
    assert_eq!(first, (low..next).collect::<Vec<_>>());
    assert!(
        why.contains("stopped answering") && why.contains(&format!("partition 0 offset {next}")),
        "{why}"
    );

    // An export while the broker is away fails, saying so, and leaves no file.
    let target = ExportTarget { path: t.dir.path().join("away.jsonl"), format: ExportFormat::Jsonl };
    let from = request("faults.away", StartPosition::Offset { offset: next }, 0);
    let cancel = Arc::new(AtomicBool::new(false));
    let err = t
        .workspace
        .export_messages(&common::developer(), &id, &from, &target, cancel, Box::new(|_| {}))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Unavailable { .. }) && err.to_string().contains(&bootstrap), "{err:?}");
    assert!(!target.path.exists() && !t.dir.path().join("away.jsonl.partial").exists());

    mock.broker_up(1).unwrap();
    let (rest, stopped) = stream(&t, &id, "faults.away", StartPosition::Offset { offset: next }, || {}).await;
    assert_eq!(stopped, None);
    assert_eq!(rest, (next..RECORDS).collect::<Vec<_>>(), "the rest, from where the scan stopped");
}

/// A topic the principal may not read: a Forbidden error that names the topic and the ACL.
#[tokio::test]
async fn authorization_errors_name_the_topic_and_the_missing_acl() {
    let mock = MockCluster::new(1).unwrap();
    let bootstrap = mock.bootstrap_servers();
    mock.create_topic("faults.secret", 1, 1).unwrap();
    mock.topic_error("faults.secret", RDKafkaRespErr::RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED).unwrap();
    let t = common::workspace().await;
    let id = connection_to(&t, &bootstrap).await;
    let dev = common::developer();
    let err = t.workspace.describe_topic(&dev, &id, "faults.secret").await.unwrap_err();
    assert!(matches!(err, Error::Forbidden { .. }), "{err:?}");
    assert!(err.to_string().contains("'faults.secret'") && err.to_string().contains("DESCRIBE ACL"), "{err}");
    let err = t
        .workspace
        .browse_messages(
            &dev,
            &id,
            &request("faults.secret", StartPosition::Earliest, 10),
            None,
            Box::new(|_| {}),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Forbidden { .. }), "{err:?}");
    assert!(err.to_string().contains("faults.secret") && err.to_string().contains("ACL"), "{err}");
}
