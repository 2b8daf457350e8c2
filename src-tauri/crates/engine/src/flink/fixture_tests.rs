//! The typed model against REST answers recorded from real clusters
//! (`tests/fixtures/flink-<version>/`, captured by `tests/env/capture_flink_fixtures.py`)
//! and the generated 300-vertex plan (`tests/fixtures/flink-synthetic/`): every recorded
//! version parses, graphs match their plans, metrics and checkpoints read as numbers.

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::checkpoints::parse_checkpoints;
use super::cluster::{parse_jobs, parse_overview};
use super::exceptions::parse_exceptions;
use super::graph::build_graph;
use super::metrics::{counters, parse_aggregated};
use super::render;
use super::vertex::build_vertex_detail;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../tests/fixtures")
}

/// The recorded answer of one request (`{"request", "response"}`).
fn answer(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let wrapped: Value = serde_json::from_str(&text).expect("fixture is JSON");
    wrapped.get("response").cloned().unwrap_or_else(|| panic!("{} has no response", path.display()))
}

/// Every captured Flink version's fixture directory.
fn versions() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(fixtures())
        .expect("fixtures dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("flink-") && n != "flink-synthetic")
        })
        .collect();
    dirs.sort();
    assert!(!dirs.is_empty(), "no recorded Flink fixtures");
    dirs
}

fn job_dirs(version: &Path) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(version)
        .expect("version dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("plan.json").exists())
        .collect();
    dirs.sort();
    dirs
}

#[test]
fn every_recorded_version_gives_an_overview_and_jobs() {
    for version in versions() {
        let name = version.file_name().unwrap().to_string_lossy().to_string();
        let overview = parse_overview(
            &answer(&version.join("config.json")),
            &answer(&version.join("overview.json")),
            Some(&answer(&version.join("taskmanagers.json"))),
        );
        assert_eq!(format!("flink-{}", overview.flink_version), name);
        assert!(overview.slots_total > 0 && !overview.task_managers.is_empty(), "{name}: {overview:?}");
        assert!(
            overview.task_managers.iter().all(|tm| tm.slots_total > 0 && tm.host.contains(':')),
            "{name}"
        );
        let jobs = parse_jobs(&answer(&version.join("jobs-overview.json"))).expect("job list");
        assert!(jobs.iter().any(|j| j.name == "OrdersPipeline" && j.tasks_total > 0), "{name}: {jobs:?}");
        assert!(jobs.iter().all(|j| j.start_time.is_some() && !j.tasks.contains_key("total")), "{name}");
    }
}

#[test]
fn graphs_match_their_plans() {
    for version in versions() {
        for job in job_dirs(&version) {
            let plan = answer(&job.join("plan.json"));
            let graph = build_graph(&answer(&job.join("job.json")), &plan).expect("graph");
            let nodes = plan["plan"]["nodes"].as_array().unwrap();
            assert_eq!(graph.vertices.len(), nodes.len(), "{}", job.display());
            let inputs: usize =
                nodes.iter().map(|n| n.get("inputs").and_then(Value::as_array).map_or(0, Vec::len)).sum();
            assert_eq!(graph.edges.len(), inputs);
            // Topological: every edge goes from an earlier vertex to a later one.
            let at = |id: &str| graph.vertices.iter().position(|v| v.id == id).unwrap();
            assert!(graph.edges.iter().all(|e| at(&e.source) < at(&e.target)), "{}", job.display());
            assert!(graph.vertices.iter().all(|v| !v.operators.is_empty() && v.parallelism >= 1));
            assert!(graph.vertices.first().unwrap().is_source && graph.vertices.last().unwrap().is_sink);
        }
    }
}

#[test]
fn the_orders_pipeline_has_its_known_shape() {
    for version in versions() {
        let job = version.join("orders-pipeline");
        let graph = build_graph(&answer(&job.join("job.json")), &answer(&job.join("plan.json"))).unwrap();
        let strategies: Vec<&str> = graph.edges.iter().map(|e| e.ship_strategy.as_str()).collect();
        for expected in ["FORWARD", "HASH", "REBALANCE"] {
            assert!(strategies.contains(&expected), "{}: {strategies:?}", version.display());
        }
        let validate = graph.vertices.iter().find(|v| v.name.starts_with("validate-order")).unwrap();
        let ops: Vec<(&str, u32)> = validate.operators.iter().map(|o| (o.name.as_str(), o.depth)).collect();
        assert_eq!(ops, vec![("validate-order", 0), ("event-time-watermarks", 1)]);
        assert_eq!(graph.vertices[0].name, "Source: orders-source");
        // The job detail has task counts per vertex only: the job's are their sum (4 × 2).
        assert_eq!(graph.job.tasks_total, 8, "{}", version.display());
        assert!(render::to_dot(&graph).contains("label=\"HASH\""));
        assert!(render::to_text(&graph).contains("+- event-time-watermarks"));
    }
}

#[test]
fn vertex_answers_give_subtasks_watermarks_and_metrics() {
    for version in versions() {
        for job in job_dirs(&version) {
            let detail = answer(&job.join("job.json"));
            let sample = counters(&detail);
            assert!(sample.at > 0.0 && !sample.vertices.is_empty());
            for vertex in std::fs::read_dir(&job)
                .unwrap()
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_dir())
            {
                let read = |f: &str| vertex.join(f).exists().then(|| answer(&vertex.join(f)));
                let Some(detail) = read("detail.json") else { continue };
                let v = build_vertex_detail(
                    &detail,
                    read("backpressure.json").as_ref(),
                    read("watermarks.json").as_ref(),
                    vec![],
                );
                assert_eq!(v.subtasks.len() as u32, v.parallelism, "{}", vertex.display());
                assert!(v
                    .subtasks
                    .iter()
                    .all(|s| s.status == "RUNNING" || s.status == "FINISHED" || s.status == "INITIALIZING"));
                assert!(v.backpressure_level.is_some(), "{}: {:?}", vertex.display(), v.notes);
                if let Some(agg) = read("subtasks-metrics-agg.json") {
                    let metrics = parse_aggregated(&agg);
                    assert!(
                        !metrics.is_empty() && metrics.iter().all(|m| m.max.is_some()),
                        "{}",
                        vertex.display()
                    );
                }
            }
        }
    }
}

#[test]
fn checkpoints_and_exceptions_of_the_flaky_job() {
    for version in versions() {
        let job = version.join("flaky-job");
        let config = if job.join("checkpoints-config.json").exists() {
            answer(&job.join("checkpoints-config.json"))
        } else {
            Value::Null
        };
        let c = parse_checkpoints(&answer(&job.join("checkpoints.json")), &config, vec![]);
        assert!(c.completed > 0 && c.total >= c.completed, "{}: {c:?}", version.display());
        assert!(c.latest_completed.as_ref().is_some_and(|l| l.status == "COMPLETED"));
        assert!(c.history.windows(2).all(|w| w[0].id >= w[1].id), "newest first");
        assert!(!c.config.is_empty());
        let e = parse_exceptions(&answer(&job.join("exceptions.json")));
        assert!(!e.entries.is_empty(), "{}", version.display());
        let first = &e.entries[0];
        assert!(first.message.contains("Simulated failure"), "{first:?}");
        assert!(
            first.root_cause.as_deref().is_some_and(|r| r.contains("NumberFormatException")),
            "{first:?}"
        );
        assert!(e.entries.windows(2).all(|w| w[0].timestamp >= w[1].timestamp));
    }
}

#[test]
fn the_generated_300_vertex_plan_lays_out_in_layers() {
    let dir = fixtures().join("flink-synthetic");
    let plan = answer(&dir.join("plan-300.json"));
    let job = if dir.join("job-300.json").exists() { answer(&dir.join("job-300.json")) } else { Value::Null };
    let graph = build_graph(&job, &plan).unwrap();
    assert_eq!(graph.vertices.len(), 300);
    let positions = render::layered_positions(&graph);
    assert_eq!(positions.len(), 300);
    // Every edge goes to a later layer, and no two vertices share a cell.
    assert!(graph.edges.iter().all(|e| positions[e.source.as_str()].0 < positions[e.target.as_str()].0));
    let cells: std::collections::HashSet<(usize, usize)> = positions.values().copied().collect();
    assert_eq!(cells.len(), 300);
    let svg = render::to_svg(&graph);
    assert_eq!(svg.matches("<rect").count(), 300);
    assert_eq!(svg.matches("<path").count(), graph.edges.len());
}
