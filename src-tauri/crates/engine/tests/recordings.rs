//! Execution recordings: the format round trip (write, seal, sign, open, query), integrity
//! (tampered rows and signatures, incomplete files), untrusted input (zero bytes, not
//! SQLite, truncated, SQLite but not a recording, a newer format), and a live recording of
//! the local Flink job with a topic captured through the data path — masked for support,
//! so none of the PII produced during the recording is in the file — exported and
//! replayed into another topic.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use std::str::FromStr;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::kafka::{connection, fresh_topic, producer};
use common::{developer, flink_url, workspace};
use rdkafka::producer::FutureRecord;
use serde_json::{json, Value};
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use streamlens_engine::access::{signature, Role, Session};
use streamlens_engine::browse::MessageFilter;
use streamlens_engine::profile::{Environment, HttpEndpoint, ProfileDraft};
use streamlens_engine::recording::model::{EventKind, Integrity, Manifest, RecordedTopic, FORMAT_VERSION};
use streamlens_engine::recording::writer::{Batch, NewEvent, NewRecord, Sample, Signing};
use streamlens_engine::recording::{RecordingReader, RecordingWriter};
use streamlens_engine::workspace::RecordRequest;
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
async fn a_live_recording_masks_what_it_captures_and_replays_its_input() {
    let t = workspace().await;
    let id = connection(&t, Environment::Dev).await;
    let profile = t.workspace.find_connection(&developer(), &id).await.unwrap();
    let draft = ProfileDraft {
        id: Some(profile.id.clone()),
        name: profile.name.clone(),
        environment: profile.environment,
        kafka: profile.kafka.clone(),
        schema_registry: None,
        flink: Some(HttpEndpoint::open(flink_url())),
        secrets: vec![],
    };
    t.workspace.save_connection(&developer(), draft).await.unwrap();
    let input = fresh_topic(&t, &id, 1).await;
    let jobs = t.workspace.flink_jobs(&developer(), &id).await.unwrap();
    // The environment's own FlakyJob (the oldest live one), not an instance another test
    // submits and cancels.
    let job = jobs
        .iter()
        .filter(|j| j.name == "FlakyJob" && j.end_time.is_none())
        .min_by(|a, b| a.start_time.unwrap_or(0.0).total_cmp(&b.start_time.unwrap_or(0.0)))
        .unwrap()
        .id
        .clone();

    let path = t.dir.path().join("live.slrec");
    let request = RecordRequest {
        job_id: job,
        path: path.display().to_string(),
        interval_ms: 500,
        duration_ms: Some(12_000),
        topics: vec![RecordedTopic { topic: input.clone(), direction: "input".into() }],
        masked_for: None,
    };
    // Produce PII while the recording runs.
    let emails: Vec<String> =
        (0..20).map(|n| format!("leak.check.{n}.{}@example.org", common::uuid_like())).collect();
    let produce = {
        let (input, emails) = (input.clone(), emails.clone());
        async move {
            tokio::time::sleep(Duration::from_secs(3)).await;
            let producer = producer("none");
            for email in &emails {
                let value =
                    json!({"customer": {"email": email}, "note": format!("contact {email}")}).to_string();
                producer
                    .send(
                        FutureRecord::<str, str>::to(&input).payload(&value).key(email.as_str()),
                        Duration::from_secs(5),
                    )
                    .await
                    .map_err(|(e, _)| e)
                    .unwrap();
            }
        }
    };
    let seen = Arc::new(Mutex::new(Vec::new()));
    let progress = {
        let seen = Arc::clone(&seen);
        Box::new(move |p: streamlens_engine::recording::model::RecordingProgress| {
            seen.lock().unwrap().push(p)
        })
    };
    let cancel = Arc::new(AtomicBool::new(false));
    let dev = developer();
    let (summary, ()) =
        tokio::join!(t.workspace.record_job(&dev, &id, &request, None, cancel, progress), produce);
    let summary = summary.unwrap();
    assert_eq!(summary.integrity, Integrity::Unsigned);
    assert_eq!(summary.manifest.masked_for_role, "support");
    assert_eq!(summary.counts.records, 20.0, "every produced record was captured");
    assert!(summary.counts.samples > 10.0 && summary.counts.events >= 1.0, "{:?}", summary.counts);
    let polls = seen.lock().unwrap().len();
    assert!((15..=30).contains(&polls), "~24 polls at 500 ms over 12 s, got {polls}");

    // The leak check: no produced address anywhere in the file's bytes.
    let bytes = std::fs::read(&path).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    for email in &emails {
        assert!(!text.contains(email.as_str()), "{email} leaked into the recording");
    }

    // A troubleshooter opens it offline; the records are there, masked.
    let troubleshooter = Session::new(Role::Troubleshooter);
    let opened = t.workspace.open_recording(&troubleshooter, &path.display().to_string()).await.unwrap();
    assert_eq!(opened.counts.records, 20.0);
    let page = t
        .workspace
        .recording_records(
            &troubleshooter,
            &path.display().to_string(),
            0.0,
            false,
            &MessageFilter::default(),
            50,
        )
        .await
        .unwrap();
    assert_eq!(page.records.len(), 20);
    assert!(page.records.iter().all(|r| !r.record["value"]["masks"].as_array().unwrap().is_empty()));
    let graph = t
        .workspace
        .recording_graph_at(&troubleshooter, &path.display().to_string(), opened.end)
        .await
        .unwrap();
    assert_eq!(graph.vertices.len(), 1);

    // Exports.
    let archive = t.dir.path().join("archive.json");
    let paths = t
        .workspace
        .export_recording(&troubleshooter, &path.display().to_string(), &archive.display().to_string(), true)
        .await
        .unwrap();
    let archive: Value = serde_json::from_str(&std::fs::read_to_string(&archive).unwrap()).unwrap();
    assert_eq!(archive["archive"].as_array().unwrap().len() as u64, paths);
    assert!(archive["archive"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["path"].as_str().unwrap().ends_with("/plan")));
    let jsonl = t.dir.path().join("records.jsonl");
    let n = t
        .workspace
        .export_recording(&troubleshooter, &path.display().to_string(), &jsonl.display().to_string(), false)
        .await
        .unwrap();
    assert_eq!(n, 20);

    // Roles: troubleshooters may not record; support may not replay (produce).
    let refused = t
        .workspace
        .record_job(&troubleshooter, &id, &request, None, Arc::new(AtomicBool::new(false)), Box::new(|_| {}))
        .await;
    assert!(matches!(refused, Err(Error::Forbidden { .. })), "{:?}", refused.map(|_| ()));
    let target = fresh_topic(&t, &id, 1).await;
    let support = Session::new(Role::Support);
    let refused = t
        .workspace
        .replay_recording(
            &support,
            &path.display().to_string(),
            &id,
            &target,
            None,
            Arc::new(AtomicBool::new(false)),
        )
        .await;
    assert!(matches!(refused, Err(Error::Forbidden { .. })), "{refused:?}");

    // Replay into a fresh topic, as fast as possible: the masked values, in order.
    let done = t
        .workspace
        .replay_recording(
            &developer(),
            &path.display().to_string(),
            &id,
            &target,
            None,
            Arc::new(AtomicBool::new(false)),
        )
        .await
        .unwrap();
    assert_eq!(done.produced, 20);
    let overview = t.workspace.describe_topic(&developer(), &id, &target).await.unwrap();
    let count: i64 = overview.partitions.iter().map(|p| p.high_watermark - p.low_watermark).sum();
    assert_eq!(count, 20);
    let audit = t.workspace.audit_entries(&Session::new(Role::Admin), 100).await.unwrap();
    for action in ["recording_made", "recording_opened", "recording_replayed"] {
        assert!(audit.iter().any(|e| e.action == action), "{action} not audited");
    }
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

#[tokio::test]
async fn a_job_that_has_ended_is_recorded_from_its_final_state() {
    let url = flink_url();
    // A job of the test's own, cancelled before recording starts.
    let jars: Value = reqwest::get(format!("{url}/jars")).await.unwrap().json().await.unwrap();
    let jar = jars["files"]
        .as_array()
        .and_then(|files| {
            files.iter().find(|f| f["name"].as_str().is_some_and(|n| n.contains("streamlens-test-jobs")))
        })
        .and_then(|f| f["id"].as_str())
        .expect("the environment uploaded the test jar")
        .to_string();
    let client = reqwest::Client::new();
    let run: Value = client
        .post(format!("{url}/jars/{jar}/run?entry-class=dev.streamlens.testjobs.FlakyJob"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let job = run["jobid"].as_str().unwrap_or_else(|| panic!("run failed: {run}")).to_string();
    tokio::time::sleep(Duration::from_secs(2)).await;
    client.patch(format!("{url}/jobs/{job}?mode=cancel")).send().await.unwrap();
    for _ in 0..60 {
        let detail: Value = reqwest::get(format!("{url}/jobs/{job}")).await.unwrap().json().await.unwrap();
        if detail["state"] == "CANCELED" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }

    let t = workspace().await;
    let draft = ProfileDraft {
        id: None,
        name: format!("ended-{}", common::uuid_like()),
        environment: Environment::Dev,
        kafka: None,
        schema_registry: None,
        flink: Some(HttpEndpoint::open(flink_url())),
        secrets: vec![],
    };
    let id = t.workspace.save_connection(&developer(), draft).await.unwrap().id;
    let path = t.dir.path().join("ended.slrec");
    let request = RecordRequest {
        job_id: job,
        path: path.display().to_string(),
        interval_ms: 1000,
        duration_ms: None, // no duration: it must stop by itself
        topics: vec![],
        masked_for: None,
    };
    let polls = Arc::new(Mutex::new(0u32));
    let counter = Arc::clone(&polls);
    let summary = tokio::time::timeout(
        Duration::from_secs(30),
        t.workspace.record_job(
            &developer(),
            &id,
            &request,
            None,
            Arc::new(AtomicBool::new(false)),
            Box::new(move |p| *counter.lock().unwrap() = p.polls),
        ),
    )
    .await
    .expect("a recording of an ended job stops by itself")
    .unwrap();
    assert_eq!(*polls.lock().unwrap(), 1, "one poll of the final state");
    assert_eq!(summary.integrity, Integrity::Unsigned);
    assert_eq!(summary.state_bands.last().map(|b| b.state.as_str()), Some("CANCELED"));
    let reader = RecordingReader::open(&path).await.unwrap();
    assert!(reader.graph_at(summary.end).await.is_ok(), "the final plan is in the file");
}
