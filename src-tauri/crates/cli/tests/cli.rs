//! The `streamlens` binary against the real local environment: add a profile, list it,
//! test it (exit 0 when every part answers, 1 with the cause when one does not), and
//! refuse edits for a role that may not make them.
#![allow(clippy::expect_used, clippy::unwrap_used)] // test code: a panic is the failure report

mod common;

use common::{env, stdout, Cli};

#[test]
fn help_names_the_commands() {
    let output = Cli::new().run(&["--help"]);
    assert!(output.status.success());
    assert!(stdout(&output).contains("connections"));
}

#[test]
fn add_list_and_test_a_profile_of_the_local_environment() {
    let cli = Cli::new();
    let added = cli.run(&[
        "connections",
        "add",
        "--name",
        "local",
        "--env",
        "dev",
        "--kafka",
        &env("STREAMLENS_KAFKA_BOOTSTRAP"),
        "--registry",
        &env("STREAMLENS_REGISTRY_URL"),
        "--flink",
        &env("STREAMLENS_FLINK_URL"),
    ]);
    assert!(added.status.success(), "{}", String::from_utf8_lossy(&added.stderr));
    // --if-missing makes a second add a no-op rather than a name clash.
    let again = cli.run(&["connections", "add", "--if-missing", "--name", "local", "--kafka", "x:1"]);
    assert!(again.status.success());
    let clash = cli.run(&["connections", "add", "--name", "LOCAL", "--kafka", "x:1"]);
    assert!(!clash.status.success());
    assert!(String::from_utf8_lossy(&clash.stderr).contains("already exists"));

    let list = cli.run(&["connections", "list", "--json"]);
    let profiles: serde_json::Value = serde_json::from_slice(&list.stdout).expect("json");
    assert_eq!(profiles.as_array().map(Vec::len), Some(1));
    assert_eq!(profiles[0]["kafka"]["bootstrapServers"], env("STREAMLENS_KAFKA_BOOTSTRAP"));

    let tested = cli.run(&["connections", "test", "local", "--json"]);
    assert!(tested.status.success(), "{}", stdout(&tested));
    let report: serde_json::Value = serde_json::from_slice(&tested.stdout).expect("json");
    for part in ["kafka", "schemaRegistry", "flink"] {
        assert_eq!(report[part]["ok"], true, "{part}: {report}");
    }
    let human = stdout(&cli.run(&["connections", "test", "local"]));
    assert!(human.contains("ok Kafka"), "{human}");
}

#[test]
fn a_failing_part_exits_1_with_its_cause() {
    let cli = Cli::new();
    let added = cli.run(&["connections", "add", "--name", "bad", "--kafka", "127.0.0.1:1"]);
    assert!(added.status.success());
    let tested = cli.run(&["connections", "test", "bad"]);
    assert_eq!(tested.status.code(), Some(1));
    let text = stdout(&tested);
    assert!(text.contains("FAIL") && text.contains("[refused]"), "{text}");
}

#[test]
fn support_may_not_add_connections() {
    let cli = Cli::new();
    let output = cli.run(&["--role", "support", "connections", "add", "--name", "x", "--kafka", "h:1"]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("support role may not"));
}

#[test]
fn topics_list_and_describe_show_the_demo_topics() {
    let cli = Cli::new();
    let added =
        cli.run(&["connections", "add", "--name", "local", "--kafka", &env("STREAMLENS_KAFKA_BOOTSTRAP")]);
    assert!(added.status.success());
    let listed = cli.run(&["topics", "list", "-c", "local", "--json"]);
    assert!(listed.status.success(), "{}", String::from_utf8_lossy(&listed.stderr));
    let topics: serde_json::Value = serde_json::from_slice(&listed.stdout).expect("json");
    let orders = topics
        .as_array()
        .and_then(|t| t.iter().find(|t| t["name"] == "demo.orders"))
        .expect("demo.orders listed");
    assert_eq!(orders["partitions"], 3);
    assert!(orders["messageCount"].as_i64().unwrap_or(0) >= 200, "{orders}");

    let described = stdout(&cli.run(&["topics", "describe", "-c", "local", "demo.orders"]));
    let partition_rows =
        described.lines().filter(|l| l.trim_start().starts_with(|c: char| c.is_ascii_digit())).count();
    assert_eq!(partition_rows, 3, "{described}");
    let missing = cli.run(&["topics", "describe", "-c", "local", "no.such.topic"]);
    assert!(!missing.status.success());
}

#[test]
fn consume_streams_json_lines_filtered_by_text_or_cel_and_masked_for_support() {
    let cli = Cli::new();
    assert!(cli
        .run(&["connections", "add", "--name", "local", "--kafka", &env("STREAMLENS_KAFKA_BOOTSTRAP")])
        .status
        .success());
    let all = stdout(&cli.run(&["consume", "demo.payments", "-c", "local"]));
    let rows: Vec<serde_json::Value> =
        all.lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect();
    assert!(rows.len() >= 200);
    let big = |r: &serde_json::Value| r["value"]["amount"]["value"].as_f64().unwrap_or(0.0) > 500.0;
    let expected = rows.iter().filter(|r| big(r)).count();
    assert!(expected > 0 && expected < rows.len());

    let filtered = stdout(&cli.run(&[
        "consume",
        "demo.payments",
        "-c",
        "local",
        "--where",
        "value.amount.value > 500.0",
    ]));
    let got: Vec<serde_json::Value> =
        filtered.lines().map(|l| serde_json::from_str(l).expect("json")).collect();
    assert_eq!(got.len(), expected);
    assert!(got.iter().all(big));

    let bad = cli.run(&["consume", "demo.payments", "-c", "local", "--where", "value. =="]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("does not parse"));

    let csv =
        stdout(&cli.run(&["consume", "demo.payments", "-c", "local", "--format", "csv", "--limit", "3"]));
    assert_eq!(csv.lines().count(), 4, "header + 3 rows: {csv}");

    let support =
        stdout(&cli.run(&["--role", "support", "consume", "demo.payments", "-c", "local", "--limit", "20"]));
    assert_eq!(support.lines().count(), 20);
    assert!(!support.contains('@'), "an email reached the support role");
}
