//! Flink helpers for the integration tests: a connection to a live cluster, raw REST
//! reads, the environment's own job by name, and job instances a test submits itself.

use std::time::Duration;

use serde_json::Value;
use streamlens_engine::profile::{Environment, HttpEndpoint, ProfileDraft};

use super::{developer, uuid_like, TestWorkspace};

/// A connection with only a Flink part, at `url`.
pub async fn flink_connection(t: &TestWorkspace, url: &str, environment: Environment) -> String {
    let draft = ProfileDraft {
        id: None,
        name: format!("flink-{}-{}", environment.as_str(), uuid_like()),
        environment,
        kafka: None,
        schema_registry: None,
        flink: Some(HttpEndpoint::open(url)),
        secrets: vec![],
    };
    t.workspace.save_connection(&developer(), draft).await.unwrap().id
}

/// A REST answer straight from the cluster, bypassing the engine.
pub async fn raw(url: &str, path: &str) -> Value {
    reqwest::get(format!("{url}/{path}")).await.unwrap().json().await.unwrap()
}

/// The environment's own live job named `name`: running or restarting (FlakyJob restarts
/// every few seconds), and the oldest such — not an instance another test submitted.
pub async fn live_job(t: &TestWorkspace, connection: &str, name: &str) -> String {
    let jobs = t.workspace.flink_jobs(&developer(), connection).await.unwrap();
    jobs.iter()
        .filter(|j| j.name == name && j.end_time.is_none())
        .min_by(|a, b| a.start_time.unwrap_or(0.0).total_cmp(&b.start_time.unwrap_or(0.0)))
        .unwrap_or_else(|| panic!("{name} is not running: {jobs:?}"))
        .id
        .clone()
}

/// Submits another instance of a test job from the jar the environment uploaded; returns
/// its id once every vertex runs.
pub async fn submit_extra(url: &str, class: &str) -> String {
    let jars = raw(url, "jars").await;
    let jar = jars["files"]
        .as_array()
        .and_then(|files| {
            files.iter().find(|f| f["name"].as_str().is_some_and(|n| n.contains("streamlens-test-jobs")))
        })
        .and_then(|f| f["id"].as_str())
        .expect("the environment uploaded the test jar")
        .to_string();
    let answer: Value = reqwest::Client::new()
        .post(format!("{url}/jars/{jar}/run?entry-class=dev.streamlens.testjobs.{class}"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let job = answer["jobid"].as_str().unwrap_or_else(|| panic!("run failed: {answer}")).to_string();
    for _ in 0..60 {
        let detail = raw(url, &format!("jobs/{job}")).await;
        let running =
            detail["vertices"].as_array().is_some_and(|v| v.iter().all(|v| v["status"] == "RUNNING"));
        if running {
            return job;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    panic!("{class} did not start");
}

/// Waits (up to 60 s) until job `job` is in state `want`.
pub async fn wait_state(url: &str, job: &str, want: &str) {
    for _ in 0..120 {
        if raw(url, &format!("jobs/{job}")).await["state"] == want {
            return;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    panic!("job {job} never reached {want}");
}
