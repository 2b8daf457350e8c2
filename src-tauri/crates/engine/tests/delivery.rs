//! What leaves the data path other than a page: produced messages read back, progress
//! while a scan runs, a live tail, and exports (masked for the role, nothing left behind
//! when cancelled) — against the real broker.
#![allow(clippy::expect_used, clippy::unwrap_used)] // test code: a panic is the failure report

mod common;

use common::kafka::{connection, fresh_topic, producer, request};
use std::time::Duration;

use rdkafka::producer::FutureRecord;
use streamlens_engine::access::{Role, Session};
use streamlens_engine::browse::{MessageFilter, StartPosition};
use streamlens_engine::profile::Environment;
use streamlens_engine::Error;

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
        schema: None,
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
    // Limit 0: the whole range.
    let all = request("demo.payments", StartPosition::Earliest, 0);
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
    assert!(!dir.path().join("payments.jsonl.partial").exists());
    let again =
        t.workspace.export_messages(&dev, &id, &all, &jsonl, go(), Box::new(|_| {})).await.unwrap_err();
    assert!(again.to_string().contains("already exists"), "{again}");
    assert_eq!(std::fs::read_to_string(&jsonl.path).unwrap(), text, "the existing file is kept");

    // A limit stops the export after that many rows.
    let first = ExportTarget { path: dir.path().join("first.jsonl"), format: ExportFormat::Jsonl };
    let three = request("demo.payments", StartPosition::Earliest, 3);
    let summary =
        t.workspace.export_messages(&dev, &id, &three, &first, go(), Box::new(|_| {})).await.unwrap();
    assert_eq!(summary.rows, 3);
    assert_eq!(std::fs::read_to_string(&first.path).unwrap().lines().count(), 3);

    // A folder that does not exist: a clear error naming the file, nothing made.
    let nowhere = ExportTarget { path: dir.path().join("missing/out.jsonl"), format: ExportFormat::Jsonl };
    let err =
        t.workspace.export_messages(&dev, &id, &all, &nowhere, go(), Box::new(|_| {})).await.unwrap_err();
    assert!(matches!(err, Error::InvalidInput { .. }), "{err:?}");
    assert!(err.to_string().contains("missing/out.jsonl") && err.to_string().contains("folder"), "{err}");

    // An expression the filter cannot parse keeps its kind through the export.
    let mut bad = request("demo.payments", StartPosition::Earliest, 0);
    bad.filter.expression = Some("value.amount >".to_string());
    let target = ExportTarget { path: dir.path().join("bad.jsonl"), format: ExportFormat::Jsonl };
    let err =
        t.workspace.export_messages(&dev, &id, &bad, &target, go(), Box::new(|_| {})).await.unwrap_err();
    assert!(matches!(err, Error::InvalidInput { .. }), "{err:?}");
    assert!(!target.path.exists() && !dir.path().join("bad.jsonl.partial").exists());

    let csv = ExportTarget { path: dir.path().join("payments.csv"), format: ExportFormat::Csv };
    let support = Session::new(Role::Support);
    let summary =
        t.workspace.export_messages(&support, &id, &all, &csv, go(), Box::new(|_| {})).await.unwrap();
    assert_eq!(summary.rows, total);
    let text = std::fs::read_to_string(&csv.path).unwrap();
    assert!(text.starts_with("topic,partition,offset,timestamp,key,value,headers\n"));
    assert_eq!(summary.bytes, text.len() as u64, "the header counts too");
    assert!(!text.contains('@'), "an email reached a support export");

    let cancelled = Arc::new(AtomicBool::new(true));
    let target = ExportTarget { path: dir.path().join("cancelled.jsonl"), format: ExportFormat::Jsonl };
    let summary =
        t.workspace.export_messages(&dev, &id, &all, &target, cancelled, Box::new(|_| {})).await.unwrap();
    assert!(summary.cancelled);
    assert!(!target.path.exists() && !dir.path().join("cancelled.jsonl.partial").exists());
}
