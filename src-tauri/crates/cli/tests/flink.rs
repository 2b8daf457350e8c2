//! `streamlens flink …` against the local Flink 2.3.0 cluster and its test jobs: overview,
//! jobs, the graph as text / DOT / SVG, checkpoints and exceptions — by job name or id.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use common::{env, Cli};
use serde_json::Value;

fn flink_cli() -> Cli {
    let cli = Cli::new();
    let added = cli.run(&["connections", "add", "--name", "flink", "--flink", &env("STREAMLENS_FLINK_URL")]);
    assert!(added.status.success(), "{}", String::from_utf8_lossy(&added.stderr));
    cli
}

fn stdout(cli: &Cli, args: &[&str]) -> String {
    let out = cli.run(args);
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn overview_jobs_graph_checkpoints_and_exceptions() {
    let cli = flink_cli();
    let overview = stdout(&cli, &["flink", "overview", "-c", "flink"]);
    assert!(overview.starts_with(&format!("Flink {}", env("STREAMLENS_FLINK_VERSION"))), "{overview}");

    let jobs: Vec<Value> =
        serde_json::from_str(&stdout(&cli, &["flink", "jobs", "-c", "flink", "--json"])).unwrap();
    let orders = jobs.iter().find(|j| j["name"] == "OrdersPipeline" && j["state"] == "RUNNING").unwrap();
    let id = orders["id"].as_str().unwrap();

    // By name and by id alike.
    let text = stdout(&cli, &["flink", "graph", "-c", "flink", "OrdersPipeline"]);
    assert!(text.contains("+- event-time-watermarks") && text.contains("--HASH-->"), "{text}");
    let dot = stdout(&cli, &["flink", "graph", "-c", "flink", id, "--format", "dot"]);
    assert!(dot.starts_with("digraph") && dot.matches(" -> ").count() == 3, "{dot}");
    let svg_path = cli.data_dir().join("orders.svg");
    stdout(&cli, &["flink", "graph", "-c", "flink", id, "--format", "svg", "-o", svg_path.to_str().unwrap()]);
    let svg = std::fs::read_to_string(&svg_path).unwrap();
    assert_eq!(svg.matches("<rect").count(), 4, "one box per vertex");
    assert!(svg.contains(">REBALANCE<"));

    let checkpoints = stdout(&cli, &["flink", "checkpoints", "-c", "flink", "OrdersPipeline"]);
    assert!(checkpoints.contains("COMPLETED"), "{checkpoints}");
    let exceptions = stdout(&cli, &["flink", "exceptions", "-c", "flink", "FlakyJob"]);
    assert!(exceptions.contains("Simulated failure") && exceptions.contains("root cause:"), "{exceptions}");

    let missing = cli.run(&["flink", "graph", "-c", "flink", "NoSuchJob"]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no Flink job with id or name 'NoSuchJob'"));
}
