//! The Flink model against live clusters: Flink 2.3.0 and 1.20 from PyPI, running the
//! local environment's test jobs (OrdersPipeline, FlakyJob, JoinJob; tests/env/flink.sh).
//! Graphs are checked against each job's own plan, metrics against the job's counters,
//! and the job actions (savepoint, stop with savepoint, cancel) run for real on job
//! instances the test submits itself.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use std::time::Duration;

use common::flink::{flink_connection, live_job, raw, submit_extra, wait_state};
use common::{developer, env, flink_url, workspace};
use serde_json::Value;
use streamlens_engine::access::{Role, Session};
use streamlens_engine::flink::model::{JobActionKind, JobActionRequest, MetricSource};
use streamlens_engine::profile::Environment;
use streamlens_engine::Error;

/// Both live clusters: (url, expected version prefix).
fn clusters() -> Vec<(String, String)> {
    vec![
        (flink_url(), env("STREAMLENS_FLINK_VERSION")),
        (env("STREAMLENS_FLINK120_URL"), env("STREAMLENS_FLINK120_VERSION")),
    ]
}

#[tokio::test]
async fn overview_jobs_and_graphs_on_both_versions() {
    let t = workspace().await;
    for (url, version) in clusters() {
        let id = flink_connection(&t, &url, Environment::Dev).await;
        let overview = t.workspace.flink_overview(&developer(), &id).await.unwrap();
        assert_eq!(overview.flink_version, version);
        assert!(overview.jobs_running >= 2 && overview.slots_total >= 1, "{overview:?}");
        assert_eq!(overview.task_managers.len(), 1, "{overview:?}");

        for name in ["OrdersPipeline", "FlakyJob", "JoinJob"] {
            let job = live_job(&t, &id, name).await;
            let graph = t.workspace.flink_job_graph(&developer(), &id, &job).await.unwrap();
            // Against the job's own plan, as Flink serves it.
            let plan = raw(&url, &format!("jobs/{job}/plan")).await;
            let nodes = plan["plan"]["nodes"].as_array().unwrap();
            assert_eq!(graph.vertices.len(), nodes.len(), "{version} {name}");
            for node in nodes {
                let vertex = graph.vertices.iter().find(|v| v.id == node["id"].as_str().unwrap()).unwrap();
                assert_eq!(u64::from(vertex.parallelism), node["parallelism"].as_u64().unwrap());
                let inputs = node.get("inputs").and_then(Value::as_array).cloned().unwrap_or_default();
                for input in &inputs {
                    let edge = graph
                        .edges
                        .iter()
                        .find(|e| e.target == vertex.id && e.source == input["id"].as_str().unwrap())
                        .unwrap_or_else(|| panic!("{version} {name}: edge into {} missing", vertex.name));
                    assert_eq!(edge.ship_strategy, input["ship_strategy"].as_str().unwrap().trim());
                }
                let chained = node["description"].as_str().unwrap_or_default().matches("+-").count();
                assert_eq!(vertex.operators.len(), chained + 1, "{version} {name} {}", vertex.name);
            }
            assert_eq!(graph.job.name, name);
        }
        let join = live_job(&t, &id, "JoinJob").await;
        let graph = t.workspace.flink_job_graph(&developer(), &id, &join).await.unwrap();
        let sources = graph.vertices.iter().filter(|v| v.is_source).count();
        assert_eq!(sources, 2, "{version}: JoinJob has two sources");
        assert!(graph.edges.iter().filter(|e| e.ship_strategy == "HASH").count() >= 2);
    }
}

#[tokio::test]
async fn metrics_rates_come_from_counters_and_on_screen_vertices_in_detail() {
    let t = workspace().await;
    for (url, version) in clusters() {
        let id = flink_connection(&t, &url, Environment::Dev).await;
        let job = live_job(&t, &id, "OrdersPipeline").await;
        let graph = t.workspace.flink_job_graph(&developer(), &id, &job).await.unwrap();
        let source = graph.vertices[0].id.clone();
        let window =
            graph.vertices.iter().find(|v| v.name.contains("revenue-per-customer")).unwrap().id.clone();

        let first = t
            .workspace
            .flink_graph_metrics(&developer(), &id, &job, std::slice::from_ref(&window))
            .await
            .unwrap();
        assert_eq!(first.requests, 2, "{version}: one job request + one detailed vertex");
        assert!(
            first.vertices.iter().find(|v| v.vertex_id == source).unwrap().source == MetricSource::Pending
        );
        // Flink refreshes its counters every few seconds (10 s by default): poll until two
        // distinct samples give a rate.
        let mut second = first.clone();
        for _ in 0..30 {
            tokio::time::sleep(Duration::from_secs(1)).await;
            second = t
                .workspace
                .flink_graph_metrics(&developer(), &id, &job, std::slice::from_ref(&window))
                .await
                .unwrap();
            if second.vertices.iter().any(|v| v.vertex_id == source && v.source == MetricSource::Counters) {
                break;
            }
        }
        let src = second.vertices.iter().find(|v| v.vertex_id == source).unwrap();
        assert_eq!(src.source, MetricSource::Counters, "{version}");
        let out = src.records_out_per_second.unwrap();
        // OrdersPipeline's source emits ~20 records/s (2 × 10).
        assert!(out > 1.0 && out < 500.0, "{version}: source out/s {out}");
        let win = second.vertices.iter().find(|v| v.vertex_id == window).unwrap();
        assert_eq!(win.source, MetricSource::Detailed);
        assert!(win.low_watermark.is_some_and(|w| w > 1.7e12), "{version}: {win:?}");
        assert!(win.busy_percent.is_some_and(|b| (0.0..=100.0).contains(&b)));

        let detail = t.workspace.flink_vertex(&developer(), &id, &job, &window).await.unwrap();
        assert_eq!(detail.subtasks.len(), 2);
        assert!(
            detail.subtasks.iter().all(|s| s.watermark.is_some() && !s.host.is_empty()),
            "{version}: {detail:?}"
        );
        let names = t.workspace.flink_vertex_metric_names(&developer(), &id, &job, &window).await.unwrap();
        assert!(names.contains(&"numRecordsIn".to_string()) && !names.iter().any(|n| n.starts_with("0.")));
        let picked = vec!["numRecordsIn".to_string(), "currentInputWatermark".to_string()];
        let agg = t.workspace.flink_vertex_metrics(&developer(), &id, &job, &window, &picked).await.unwrap();
        let records_in = agg.iter().find(|m| m.id == "numRecordsIn").unwrap();
        assert!(records_in.sum.unwrap() > 0.0 && records_in.sum >= records_in.max);
    }
}

#[tokio::test]
async fn checkpoints_exceptions_and_configuration() {
    let t = workspace().await;
    for (url, version) in clusters() {
        let id = flink_connection(&t, &url, Environment::Dev).await;
        let flaky = live_job(&t, &id, "FlakyJob").await;
        // FlakyJob fails every 400 records (~20 s) and FlakyJob's checkpoints time out every
        // 4th time: right after the environment starts there may be none yet.
        let mut exceptions = t.workspace.flink_exceptions(&developer(), &id, &flaky).await.unwrap();
        let mut checkpoints = t.workspace.flink_checkpoints(&developer(), &id, &flaky).await.unwrap();
        for _ in 0..90 {
            if !exceptions.entries.is_empty() && checkpoints.failed > 0 {
                break;
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
            exceptions = t.workspace.flink_exceptions(&developer(), &id, &flaky).await.unwrap();
            checkpoints = t.workspace.flink_checkpoints(&developer(), &id, &flaky).await.unwrap();
        }
        let failed = checkpoints.history.iter().find(|c| c.status == "FAILED");
        assert!(
            failed.is_some_and(|c| c.failure_message.as_deref().is_some_and(|m| !m.is_empty())),
            "{version}: a failed checkpoint with its reason: {checkpoints:?}"
        );
        assert!(checkpoints.latest_failed.is_some(), "{version}");
        let latest =
            exceptions.entries.first().unwrap_or_else(|| panic!("{version}: FlakyJob has no exceptions yet"));
        assert!(latest.message.contains("Simulated failure"), "{version}: {latest:?}");
        assert!(latest.root_cause.as_deref().unwrap_or_default().contains("NumberFormatException"));
        assert!(latest.timestamp.is_some() && latest.stacktrace.contains("FlakyJob"));

        let orders = live_job(&t, &id, "OrdersPipeline").await;
        let checkpoints = t.workspace.flink_checkpoints(&developer(), &id, &orders).await.unwrap();
        assert!(checkpoints.completed > 0, "{version}: {checkpoints:?}");
        let done = checkpoints.latest_completed.clone().unwrap();
        assert!(done.end_to_end_duration_ms.is_some() && done.trigger_timestamp.is_some());
        assert!(
            checkpoints.config.keys().any(|k| k.contains("interval")),
            "{version}: {:?}",
            checkpoints.config
        );
        let detail =
            t.workspace.flink_checkpoint_detail(&developer(), &id, &orders, done.id as u64).await.unwrap();
        assert_eq!(detail.vertices.len(), 4, "{version}: one entry per vertex");
        assert!(detail.vertices.iter().all(|v| v.vertex_name.is_some()));

        let config = t.workspace.flink_configuration(&developer(), &id, &orders).await.unwrap();
        assert!(config.job_manager.iter().any(|p| p.key == "rest.port"), "{version}");
        assert!(config.job.iter().any(|p| p.key.contains("parallelism")), "{version}: {:?}", config.job);
    }
}

#[tokio::test]
async fn savepoint_stop_and_cancel_for_real_and_only_for_builders() {
    let t = workspace().await;
    let url = flink_url();
    let dev = flink_connection(&t, &url, Environment::Dev).await;
    let prod = flink_connection(&t, &url, Environment::Prod).await;
    let job = submit_extra(&url, "OrdersPipeline").await;
    let request = |kind| JobActionRequest { kind, target_directory: None, confirm: None };

    // Support may look but not act; prod needs the name typed back.
    let refused = t
        .workspace
        .flink_job_action(&Session::new(Role::Support), &dev, &job, &request(JobActionKind::Cancel))
        .await;
    assert!(matches!(refused, Err(Error::Forbidden { .. })), "{refused:?}");
    let unconfirmed =
        t.workspace.flink_job_action(&developer(), &prod, &job, &request(JobActionKind::Savepoint)).await;
    assert!(
        matches!(&unconfirmed, Err(Error::InvalidInput { message }) if message.contains("OrdersPipeline")),
        "{unconfirmed:?}"
    );

    // A savepoint, polled until it completes with a location.
    let confirmed =
        JobActionRequest { confirm: Some("OrdersPipeline".into()), ..request(JobActionKind::Savepoint) };
    let started = t.workspace.flink_job_action(&developer(), &prod, &job, &confirmed).await.unwrap();
    let trigger = started.trigger_id.clone().unwrap();
    let mut status = started;
    for _ in 0..60 {
        status = t.workspace.flink_savepoint_status(&developer(), &dev, &job, &trigger).await.unwrap();
        if status.status != "IN_PROGRESS" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    assert_eq!(status.status, "COMPLETED", "{status:?}");
    assert!(status.location.as_deref().is_some_and(|l| l.contains("savepoint")), "{status:?}");

    // Stop with a savepoint: the job finishes.
    let stop = t
        .workspace
        .flink_job_action(&developer(), &dev, &job, &request(JobActionKind::StopWithSavepoint))
        .await
        .unwrap();
    let trigger = stop.trigger_id.unwrap();
    wait_state(&url, &job, "FINISHED").await;
    let stopped = t.workspace.flink_savepoint_status(&developer(), &dev, &job, &trigger).await.unwrap();
    assert_eq!(stopped.status, "COMPLETED", "{stopped:?}");

    // Cancel another instance.
    let other = submit_extra(&url, "OrdersPipeline").await;
    let cancel = t
        .workspace
        .flink_job_action(&developer(), &dev, &other, &request(JobActionKind::Cancel))
        .await
        .unwrap();
    assert!(cancel.trigger_id.is_none());
    wait_state(&url, &other, "CANCELED").await;
    let jobs = t.workspace.flink_jobs(&developer(), &dev).await.unwrap();
    assert!(jobs.iter().any(|j| j.id == other && j.state == "CANCELED" && j.end_time.is_some()));

    // Every action left an audit entry.
    let audit = t.workspace.audit_entries(&Session::new(Role::Admin), 50).await.unwrap();
    assert_eq!(audit.iter().filter(|e| e.action == "flink_job_action").count(), 3, "{audit:?}");
}

#[tokio::test]
async fn bad_ids_and_unreachable_clusters_say_what_is_wrong() {
    let t = workspace().await;
    let id = flink_connection(&t, &flink_url(), Environment::Dev).await;
    let bad = t.workspace.flink_job_graph(&developer(), &id, "../config").await;
    assert!(matches!(bad, Err(Error::InvalidInput { .. })), "{bad:?}");
    let missing = t.workspace.flink_job_graph(&developer(), &id, "0123456789abcdef0123456789abcdef").await;
    assert!(matches!(missing, Err(Error::NotFound { .. })), "{missing:?}");
    let gone =
        flink_connection(&t, &format!("http://127.0.0.1:{}", common::closed_port()), Environment::Dev).await;
    let err = t.workspace.flink_overview(&developer(), &gone).await.unwrap_err();
    assert!(matches!(err, Error::Unavailable { .. }) && err.to_string().contains("Cannot connect"), "{err}");
}
