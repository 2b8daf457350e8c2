//! Live recordings of the local Flink 2.3 cluster's jobs: a topic captured through the data
//! path while PII is produced into it — masked for support, so none of it is in the file —
//! opened by a troubleshooter, exported and replayed into another topic; and a job that has
//! already ended, recorded from its final state.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::flink::{flink_connection, live_job, submit_extra, wait_state};
use common::kafka::{connection, fresh_topic, producer};
use common::{developer, flink_url, workspace};
use rdkafka::producer::FutureRecord;
use serde_json::{json, Value};
use streamlens_engine::access::{Role, Session};
use streamlens_engine::browse::MessageFilter;
use streamlens_engine::profile::{Environment, HttpEndpoint, ProfileDraft};
use streamlens_engine::recording::model::{Integrity, RecordedTopic};
use streamlens_engine::recording::RecordingReader;
use streamlens_engine::workspace::RecordRequest;
use streamlens_engine::Error;

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
    let job = live_job(&t, &id, "FlakyJob").await;

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
    let replay =
        |session: Session, connection: String, sink: streamlens_engine::workspace::ReplayProgressSink| {
            let (workspace, path, target) = (&t.workspace, path.display().to_string(), target.clone());
            async move {
                workspace
                    .replay_recording(
                        &session,
                        &path,
                        &connection,
                        &target,
                        None,
                        Arc::new(AtomicBool::new(false)),
                        sink,
                    )
                    .await
            }
        };
    let refused = replay(support, id.clone(), Box::new(|_| {})).await;
    assert!(matches!(refused, Err(Error::Forbidden { .. })), "{refused:?}");
    // Never into prod, even where the policy lets developers produce there.
    let prod = connection(&t, Environment::Prod).await;
    let prod_name = t.workspace.find_connection(&developer(), &prod).await.unwrap().name;
    let policy = streamlens_engine::access::Policy::parse(&format!(
        "[[grants]]\nroles = [\"developer\"]\nactions = [\"produce\"]\nconnections = [\"{prod_name}\"]\n"
    ))
    .unwrap();
    let granted = Session::with_policy(Role::Developer, "dev".into(), Arc::new(policy));
    let refused = replay(granted, prod, Box::new(|_| {})).await;
    match refused {
        Err(Error::Forbidden { message }) => assert!(message.contains("non-prod"), "{message}"),
        other => panic!("replay into prod: {other:?}"),
    }

    // Replay into a fresh topic, as fast as possible: the masked values, in order, with
    // progress that only grows and ends at the total.
    let seen = Arc::new(Mutex::new(Vec::new()));
    let sink = {
        let seen = Arc::clone(&seen);
        Box::new(move |p: streamlens_engine::recording::replay::ReplayProgress| seen.lock().unwrap().push(p))
    };
    let done = replay(developer(), id.clone(), sink).await.unwrap();
    assert_eq!((done.produced, done.total, done.skipped, done.cancelled), (20, 20, 0, false));
    // One report before the first page, one after it (20 records fit in one page).
    let seen = seen.lock().unwrap().clone();
    let start = streamlens_engine::recording::replay::ReplayProgress { total: 20, ..Default::default() };
    assert_eq!(seen, vec![start, done.clone()], "progress reports");
    let overview = t.workspace.describe_topic(&developer(), &id, &target).await.unwrap();
    let count: i64 = overview.partitions.iter().map(|p| p.high_watermark - p.low_watermark).sum();
    assert_eq!(count, 20);
    let audit = t.workspace.audit_entries(&Session::new(Role::Admin), 100).await.unwrap();
    for action in ["recording_made", "recording_opened", "recording_replayed"] {
        assert!(audit.iter().any(|e| e.action == action), "{action} not audited");
    }
}

#[tokio::test]
async fn a_job_that_has_ended_is_recorded_from_its_final_state() {
    let url = flink_url();
    // A job of the test's own, cancelled before recording starts.
    let job = submit_extra(&url, "FlakyJob").await;
    reqwest::Client::new().patch(format!("{url}/jobs/{job}?mode=cancel")).send().await.unwrap();
    wait_state(&url, &job, "CANCELED").await;
    let t = workspace().await;
    let id = flink_connection(&t, &url, Environment::Dev).await;
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
