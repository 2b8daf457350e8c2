//! Execution recordings as files: the format round trip (write, seal, sign, open, query),
//! integrity (tampered rows and signatures, incomplete files), untrusted input (zero bytes,
//! not SQLite, truncated, SQLite but not a recording, a newer format), and a file written by
//! another tool from the specification alone. Live recordings: `recordings_live.rs`.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use std::str::FromStr;

use serde_json::{json, Value};
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use streamlens_engine::access::signature;
use streamlens_engine::browse::MessageFilter;
use streamlens_engine::recording::model::{EventKind, Integrity, Manifest, FORMAT_VERSION};
use streamlens_engine::recording::writer::{Batch, NewEvent, NewRecord, Sample, Signing};
use streamlens_engine::recording::{RecordingReader, RecordingWriter};
use streamlens_engine::Error;

fn manifest() -> Manifest {
    Manifest {
        format_version: FORMAT_VERSION,
        app_version: "test".into(),
        recorded_by: "tester".into(),
        recorded_at: "2026-11-30T00:00:00Z".into(),
        connection: "local".into(),
        flink_url: "http://127.0.0.1:18082".into(),
        flink_version: "2.3.0".into(),
        job_id: "9277b3e7140e8f63fd44e298fe8e465e".into(),
        job_name: "OrdersPipeline".into(),
        start: 1_000.0,
        end: None,
        interval_ms: 1000,
        policy_hash: "0".repeat(64),
        masked_for_role: "support".into(),
        topics: vec![],
    }
}

fn fixture(path: &str) -> String {
    let text =
        std::fs::read_to_string(common::repo_root().join("tests/fixtures/flink-2.3.0").join(path)).unwrap();
    serde_json::from_str::<Value>(&text).unwrap()["response"].to_string()
}

/// A sealed recording of 60 polls: OrdersPipeline's recorded plan and detail, a busy
/// series, a failed checkpoint and a restart, and 120 captured records.
async fn synthetic(dir: &std::path::Path, signing: Option<Signing<'_>>) -> std::path::PathBuf {
    let path = dir.join(format!("{}.slrec", common::uuid_like()));
    let mut writer = RecordingWriter::create(&path, manifest()).await.unwrap();
    let job = "9277b3e7140e8f63fd44e298fe8e465e";
    for poll in 0..60u32 {
        let at = 1_000.0 + f64::from(poll) * 1000.0;
        let mut batch = Batch::default();
        if poll == 0 {
            batch.snapshots.push((at, format!("jobs/{job}"), fixture("orders-pipeline/job.json")));
            batch.snapshots.push((at, format!("jobs/{job}/plan"), fixture("orders-pipeline/plan.json")));
            batch.events.push(NewEvent {
                at,
                kind: EventKind::JobState,
                summary: "Job RUNNING".into(),
                detail: json!({"to": "RUNNING"}),
            });
        }
        batch.samples.push(Sample {
            at,
            vertex: "v1".into(),
            subtask: None,
            metric: "busyPercent".into(),
            value: f64::from(poll),
        });
        if poll == 30 {
            batch.events.push(NewEvent {
                at,
                kind: EventKind::CheckpointFailed,
                summary: "Checkpoint 7 failed".into(),
                detail: json!({}),
            });
            batch.events.push(NewEvent {
                at: at + 1.0,
                kind: EventKind::JobState,
                summary: "Job RUNNING → RESTARTING".into(),
                detail: json!({"from": "RUNNING", "to": "RESTARTING"}),
            });
        }
        for n in 0..2 {
            batch.records.push(NewRecord {
                at,
                direction: "input".into(),
                topic: "orders".into(),
                partition: 0,
                offset: i64::from(poll * 2 + n),
                body: json!({"offset": poll * 2 + n, "timestamp": at, "value": {"format": "json", "text": format!("{{\"n\":{}}}", poll * 2 + n)}}),
            });
        }
        writer.append(&batch).await.unwrap();
    }
    writer.finish(60_000.0, signing).await.unwrap()
}

async fn edit(path: &std::path::Path, sql: &str) {
    let options = SqliteConnectOptions::from_str("sqlite://").unwrap().filename(path).create_if_missing(true);
    let pool = SqlitePoolOptions::new().max_connections(1).connect_with(options).await.unwrap();
    sqlx::raw_sql(sql).execute(&pool).await.unwrap();
    pool.close().await;
}

#[tokio::test]
async fn a_sealed_recording_round_trips_and_answers_at_any_time() {
    let dir = tempfile::tempdir().unwrap();
    let (secret, public) = signature::generate().unwrap();
    let path = synthetic(dir.path(), Some(Signing { signer: "Ops Team", secret_key: &secret })).await;
    assert!(!std::path::Path::new(&format!("{}-wal", path.display())).exists(), "sealed into one file");

    let reader = RecordingReader::open(&path).await.unwrap();
    assert_eq!(
        reader.verify().await.unwrap(),
        Integrity::Signed { signer: "Ops Team".into(), public_key: public }
    );
    let summary = reader.summary().await.unwrap();
    assert_eq!((summary.counts.samples, summary.counts.events, summary.counts.records), (60.0, 3.0, 120.0));
    assert_eq!(summary.manifest.end, Some(60_000.0));
    let bands: Vec<&str> = summary.state_bands.iter().map(|b| b.state.as_str()).collect();
    assert_eq!(bands, vec!["RUNNING", "RESTARTING"]);

    let series = reader.series("v1", "busyPercent", Some(10_500.0)).await.unwrap();
    assert_eq!(series.points.len(), 10, "up to the scrubbed time only");
    assert_eq!(series.points.last().unwrap(), &[10_000.0, 9.0]);
    let at = reader.metrics_at(20_400.0).await.unwrap();
    assert_eq!(at[0].busy_percent, Some(19.0));
    let graph = reader.graph_at(45_000.0).await.unwrap();
    assert_eq!(graph.vertices.len(), 4);
    let failed = reader.events(&[EventKind::CheckpointFailed], 10).await.unwrap();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].at, 31_000.0);

    let page = reader.records(31_000.0, false, &MessageFilter::default(), 5).await.unwrap();
    assert_eq!(
        page.records.iter().map(|r| r.record["offset"].as_i64().unwrap()).collect::<Vec<_>>(),
        vec![60, 61, 62, 63, 64]
    );
    let before = reader.records(31_000.0, true, &MessageFilter::default(), 4).await.unwrap();
    assert_eq!(
        before.records.iter().map(|r| r.record["offset"].as_i64().unwrap()).collect::<Vec<_>>(),
        vec![56, 57, 58, 59]
    );
    let text = |t: &str| MessageFilter { text: Some(t.into()), expression: None };
    let found = reader.records(0.0, false, &text("\"n\":77"), 10).await.unwrap();
    assert_eq!(found.records.len(), 1);
    // The message browser's CEL filter, over the recorded records.
    let cel = MessageFilter { text: None, expression: Some("value.n >= 100 && offset % 2 == 0".into()) };
    let found = reader.records(0.0, false, &cel, 50).await.unwrap();
    let offsets: Vec<i64> = found.records.iter().map(|r| r.record["offset"].as_i64().unwrap()).collect();
    assert_eq!(offsets, vec![100, 102, 104, 106, 108, 110, 112, 114, 116, 118]);
    let broken = MessageFilter { text: None, expression: Some("value.n >".into()) };
    assert!(matches!(reader.records(0.0, false, &broken, 5).await, Err(Error::InvalidInput { .. })));
}

#[tokio::test]
async fn any_change_after_sealing_is_tampering() {
    let dir = tempfile::tempdir().unwrap();
    for (what, sql) in [
        ("an edited sample", "UPDATE samples SET value = value + 1 WHERE seq = 5"),
        ("a removed record", "DELETE FROM records WHERE seq = 17"),
        ("an added event", "INSERT INTO events (ts, kind, summary, detail) VALUES (5, 'restart', 'x', '{}')"),
        ("an edited manifest", "UPDATE manifest SET body = replace(body, 'support', 'admin')"),
    ] {
        let path = synthetic(dir.path(), None).await;
        edit(&path, sql).await;
        let verdict = RecordingReader::open(&path).await.unwrap().verify().await.unwrap();
        assert!(matches!(verdict, Integrity::Tampered { .. }), "{what}: {verdict:?}");
    }
    // A signature re-made with another key over the same digest names that key; one
    // copied from elsewhere does not match.
    let (secret, _) = signature::generate().unwrap();
    let path = synthetic(dir.path(), Some(Signing { signer: "A", secret_key: &secret })).await;
    let (_, other_public) = signature::generate().unwrap();
    edit(&path, &format!("UPDATE integrity SET public_key = '{other_public}'")).await;
    let verdict = RecordingReader::open(&path).await.unwrap().verify().await.unwrap();
    assert!(matches!(verdict, Integrity::Tampered { .. }), "{verdict:?}");
}

#[tokio::test]
async fn unfinished_broken_and_foreign_files_are_refused_or_flagged_plainly() {
    let dir = tempfile::tempdir().unwrap();
    // Never sealed (the recorder died): opens as incomplete.
    let path = dir.path().join("cut.slrec");
    let mut writer = RecordingWriter::create(&path, manifest()).await.unwrap();
    let mut batch = Batch::default();
    batch.samples.push(Sample {
        at: 1.0,
        vertex: "v".into(),
        subtask: None,
        metric: "busyPercent".into(),
        value: 1.0,
    });
    writer.append(&batch).await.unwrap();
    writer.checkpoint().await.unwrap();
    drop(writer);
    let reader = RecordingReader::open(&path).await.unwrap();
    assert_eq!(reader.verify().await.unwrap(), Integrity::Incomplete);
    assert_eq!(reader.summary().await.unwrap().counts.samples, 1.0);

    let refused = |path: std::path::PathBuf, expect: &'static str| async move {
        match RecordingReader::open(&path).await {
            Err(Error::InvalidInput { message }) => assert!(message.contains(expect), "{expect}: {message}"),
            other => panic!("{expect}: {:?}", other.map(|_| ())),
        }
    };
    let empty = dir.path().join("empty.slrec");
    std::fs::write(&empty, b"").unwrap();
    refused(empty, "empty (0 bytes)").await;
    let text = dir.path().join("text.slrec");
    std::fs::write(&text, "hello, I am not a database, but I am long enough to have a header").unwrap();
    refused(text, "not an SQLite file").await;
    let good = synthetic(dir.path(), None).await;
    let bytes = std::fs::read(&good).unwrap();
    let truncated = dir.path().join("truncated.slrec");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2 + 100]).unwrap();
    refused(truncated, "truncated").await;
    let foreign = dir.path().join("foreign.slrec");
    edit(&foreign, "CREATE TABLE t (x)").await;
    refused(foreign, "not a Streamlens recording").await;

    // A newer format: the manifest still shows, the verdict says to update.
    let newer = synthetic(dir.path(), None).await;
    edit(&newer, "UPDATE manifest SET format_version = 99").await;
    let reader = RecordingReader::open(&newer).await.unwrap();
    assert_eq!(reader.verify().await.unwrap(), Integrity::NewerVersion { version: 99 });
}

#[tokio::test]
async fn a_recording_written_by_another_tool_from_the_spec_opens_intact() {
    // tests/interop/write_slrec.py follows docs/recording-format.md with Python's sqlite3.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("python.slrec");
    let status = std::process::Command::new(common::env("STREAMLENS_PYTHON"))
        .arg(common::repo_root().join("tests/interop/write_slrec.py"))
        .arg(&path)
        .args(["--records", "7", "--samples", "30"])
        .status()
        .unwrap();
    assert!(status.success());
    let reader = RecordingReader::open(&path).await.unwrap();
    assert_eq!(reader.verify().await.unwrap(), Integrity::Unsigned);
    let summary = reader.summary().await.unwrap();
    assert_eq!((summary.counts.samples, summary.counts.records), (30.0, 7.0));
    let graph = reader.graph_at(summary.end).await.unwrap();
    assert_eq!(graph.vertices[0].operators.len(), 2);
    assert_eq!(reader.metrics_at(summary.end).await.unwrap()[0].busy_percent, Some(29.0));
}
