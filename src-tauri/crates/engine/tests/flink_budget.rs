//! The request budget of the graph view on a 300-vertex job. No real Flink job with 300
//! vertices runs on this 2-core machine, so this serves the generated plan
//! (tests/fixtures/flink-synthetic, the Flink 2.3 REST shapes) from a minimal HTTP server
//! of the test's own that counts what the client asks. This is the one place Flink is
//! stood in for; every other Flink test uses the live clusters.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use common::{developer, repo_root, uuid_like, workspace};
use serde_json::Value;
use streamlens_engine::flink::metrics::MAX_DETAILED_VERTICES;
use streamlens_engine::flink::model::MetricSource;
use streamlens_engine::profile::{Environment, HttpEndpoint, ProfileDraft};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

fn fixture(name: &str) -> Value {
    let path = repo_root().join("tests/fixtures/flink-synthetic").join(name);
    let wrapped: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    wrapped["response"].clone()
}

/// Serves /jobs/:id, /jobs/:id/plan and the aggregated vertex metrics; counts requests
/// and remembers the most in flight at once.
struct FakeRest {
    url: String,
    requests: Arc<AtomicUsize>,
    paths: Arc<Mutex<Vec<String>>>,
    peak: Arc<AtomicUsize>,
}

async fn serve(job: Value, plan: Value) -> FakeRest {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let requests = Arc::new(AtomicUsize::new(0));
    let paths = Arc::new(Mutex::new(Vec::new()));
    let peak = Arc::new(AtomicUsize::new(0));
    let in_flight = Arc::new(AtomicUsize::new(0));
    let (r, p, k) = (requests.clone(), paths.clone(), peak.clone());
    tokio::spawn(async move {
        loop {
            let Ok((mut socket, _)) = listener.accept().await else { return };
            let (job, plan, r, p, k, f) =
                (job.clone(), plan.clone(), r.clone(), p.clone(), k.clone(), in_flight.clone());
            tokio::spawn(async move {
                let mut buf = vec![0u8; 8192];
                let n = socket.read(&mut buf).await.unwrap_or(0);
                let head = String::from_utf8_lossy(&buf[..n]).to_string();
                let path = head.split_whitespace().nth(1).unwrap_or("/").to_string();
                r.fetch_add(1, Ordering::SeqCst);
                let now = f.fetch_add(1, Ordering::SeqCst) + 1;
                k.fetch_max(now, Ordering::SeqCst);
                p.lock().unwrap().push(path.clone());
                // Hold each request a moment so concurrency would show.
                tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                let body = if path.ends_with("/plan") {
                    plan.to_string()
                } else if path.contains("/subtasks/metrics") {
                    r#"[{"id":"numRecordsInPerSecond","min":1.0,"max":2.0,"sum":3.0},{"id":"busyTimeMsPerSecond","min":100.0,"max":500.0,"sum":600.0},{"id":"currentInputWatermark","min":1795322313906.0,"max":1795322313999.0,"sum":1.0}]"#.to_string()
                } else {
                    job.to_string()
                };
                f.fetch_sub(1, Ordering::SeqCst);
                let response = format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = socket.write_all(response.as_bytes()).await;
            });
        }
    });
    FakeRest { url, requests, paths, peak }
}

#[tokio::test]
async fn a_300_vertex_graph_refresh_stays_within_a_few_dozen_requests() {
    let job = fixture("job-300.json");
    let plan = fixture("plan-300.json");
    let job_id = job["jid"].as_str().unwrap().to_string();
    let rest = serve(job, plan).await;
    let t = workspace().await;
    let draft = ProfileDraft {
        id: None,
        name: format!("synthetic-{}", uuid_like()),
        environment: Environment::Dev,
        kafka: None,
        schema_registry: None,
        flink: Some(HttpEndpoint::open(&rest.url)),
        secrets: vec![],
    };
    let id = t.workspace.save_connection(&developer(), draft).await.unwrap().id;

    let graph = t.workspace.flink_job_graph(&developer(), &id, &job_id).await.unwrap();
    assert_eq!(graph.vertices.len(), 300);
    let before = rest.requests.load(Ordering::SeqCst);
    assert_eq!(before, 2, "the graph is two requests: the job and its plan");

    // The UI asks for the vertices on screen; even if it asked for all 300, the budget holds.
    let all: Vec<String> = graph.vertices.iter().map(|v| v.id.clone()).collect();
    let metrics = t.workspace.flink_graph_metrics(&developer(), &id, &job_id, &all).await.unwrap();
    let spent = rest.requests.load(Ordering::SeqCst) - before;
    assert_eq!(spent, 1 + MAX_DETAILED_VERTICES, "{:?}", rest.paths.lock().unwrap());
    assert_eq!(metrics.requests as usize, spent);
    assert_eq!(metrics.over_budget as usize, 300 - MAX_DETAILED_VERTICES);
    assert_eq!(metrics.vertices.len(), 300);
    let detailed = metrics.vertices.iter().filter(|v| v.source == MetricSource::Detailed).count();
    assert_eq!(detailed, MAX_DETAILED_VERTICES);
    assert!(rest.peak.load(Ordering::SeqCst) <= streamlens_engine::flink::client::MAX_CONCURRENT_REQUESTS);

    // A screenful of 12 vertices costs 13 requests; the rest come from the job's counters.
    let before = rest.requests.load(Ordering::SeqCst);
    let metrics = t.workspace.flink_graph_metrics(&developer(), &id, &job_id, &all[..12]).await.unwrap();
    assert_eq!(rest.requests.load(Ordering::SeqCst) - before, 13);
    assert_eq!(metrics.over_budget, 0);
    let detailed = metrics.vertices.iter().find(|v| v.vertex_id == all[0]).unwrap();
    assert_eq!(detailed.busy_percent, Some(50.0), "the busiest subtask's 500 ms/s");
    assert_eq!(detailed.low_watermark, Some(1_795_322_313_906.0));
}
