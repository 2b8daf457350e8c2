//! Schemas through the `streamlens` binary against the real local environment:
//! - interop: messages written by an independent implementation (Python confluent-kafka's
//!   Avro, Protobuf and JSON Schema serializers, tests/interop/interop.py) decode to the
//!   same values its own deserializers give, for every type in tests/fixtures/schemas and
//!   a schema evolved over three versions;
//! - `schemas list|show|diff` on the subjects that run registered.
#![allow(clippy::expect_used, clippy::unwrap_used)] // test code: a panic is the failure report

mod common;

use std::collections::HashMap;
use std::process::Command;

use common::{env, stdout, Cli};
use serde_json::Value;

/// Runs the interop producer once per test binary run and returns (prefix, expected lines).
fn interop_messages() -> (String, Vec<Value>) {
    let out = tempfile::tempdir().expect("temp dir");
    let prefix = format!("interop-{}-{}", std::process::id(), chrono_like_now());
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../..");
    let run = Command::new(env("STREAMLENS_PYTHON"))
        .arg(root.join("tests/interop/interop.py"))
        .args([
            "--bootstrap",
            &env("STREAMLENS_KAFKA_BOOTSTRAP"),
            "--registry",
            &env("STREAMLENS_REGISTRY_URL"),
        ])
        .args(["--prefix", &prefix, "--out"])
        .arg(out.path())
        .output()
        .expect("run interop.py");
    assert!(
        run.status.success(),
        "interop.py failed:\n{}\n{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    let text = std::fs::read_to_string(out.path().join("expected.jsonl")).expect("expected.jsonl");
    (prefix, text.lines().map(|l| serde_json::from_str(l).expect("an expected line")).collect())
}

fn chrono_like_now() -> u128 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis()).unwrap_or(0)
}

/// JSON equality where numbers compare by value (1e300 = 1E+300, 3.0 = 3) but integers
/// beyond 2^53 must match exactly, and object key order does not matter.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_i64(), y.as_i64(), x.as_u64(), y.as_u64()) {
            (Some(i), Some(j), _, _) => i == j,
            (_, _, Some(i), Some(j)) => i == j,
            _ => x.as_f64() == y.as_f64(),
        },
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

#[test]
fn values_written_by_confluent_kafka_serializers_decode_to_what_its_deserializers_read() {
    let (prefix, expected) = interop_messages();
    let cli = Cli::new();
    cli.add_local();
    let mut by_topic: HashMap<String, Vec<&Value>> = HashMap::new();
    for line in &expected {
        by_topic.entry(line["topic"].as_str().unwrap().to_string()).or_default().push(line);
    }
    assert_eq!(by_topic.len(), 4, "avro, avro-evolution, protobuf, jsonschema");
    let mut schema_ids = std::collections::BTreeSet::new();
    for (topic, wanted) in &by_topic {
        let output = cli.run(&["consume", topic, "-c", "local"]);
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        let got: HashMap<(i64, i64), Value> = stdout(&output)
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).expect("a JSON line"))
            .map(|v| ((v["partition"].as_i64().unwrap(), v["offset"].as_i64().unwrap()), v))
            .collect();
        assert_eq!(got.len(), wanted.len(), "{topic}: message count");
        for want in wanted {
            let at = (want["partition"].as_i64().unwrap(), want["offset"].as_i64().unwrap());
            let row = &got[&at];
            assert_eq!(row["key"], want["key"], "{topic} {at:?}: the key is plain text");
            assert!(
                same(&row["value"], &want["value"]),
                "{topic} {at:?} decoded differently:\n streamlens: {}\n confluent:  {}",
                row["value"],
                want["value"]
            );
            assert_eq!(row["valueSchemaId"], want["schema_id"], "{topic} {at:?}");
            schema_ids.insert((topic.clone(), row["valueSchemaId"].as_u64().unwrap()));
        }
    }
    let evolution = format!("{prefix}.avro-evolution");
    assert_eq!(
        schema_ids.iter().filter(|(t, _)| *t == evolution).count(),
        3,
        "three schema versions in one topic"
    );
}

#[test]
fn schemas_list_show_and_diff_read_the_registry() {
    let cli = Cli::new();
    cli.add_local();
    let list = stdout(&cli.run(&["schemas", "list", "-c", "local", "--json"]));
    let overview: Value = serde_json::from_str(&list).expect("json");
    let subjects: Vec<&str> =
        overview["subjects"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
    assert!(subjects.contains(&"demo.orders-value"), "{subjects:?}");
    assert!(overview["compatibility"].is_string());

    let shown = stdout(&cli.run(&["schemas", "show", "demo.orders-value", "-c", "local"]));
    assert!(shown.contains("used by demo.orders"), "{shown}");
    assert!(shown.contains("\"confluent:tags\""), "the schema is printed: {shown}");

    // A subject with three versions: the diff shows what v3 added over v1.
    let subject = "streamlens-cli-diff-value";
    let version = |fields: &str| {
        serde_json::json!({"schema": format!(
            r#"{{"type":"record","name":"Diffed","fields":[{{"name":"id","type":"string"}}{fields}]}}"#
        )})
    };
    let client = |body: Value| {
        let url = format!("{}/subjects/{subject}/versions", env("STREAMLENS_REGISTRY_URL"));
        let status = Command::new(env("STREAMLENS_PYTHON"))
            .args(["-c", "import sys,requests; r=requests.post(sys.argv[1], data=sys.argv[2], headers={'Content-Type':'application/vnd.schemaregistry.v1+json'}); r.raise_for_status()"])
            .arg(url)
            .arg(body.to_string())
            .status()
            .expect("python");
        assert!(status.success());
    };
    client(version(""));
    client(version(r#",{"name":"email","type":["null","string"],"default":null}"#));
    client(version(
        r#",{"name":"email","type":["null","string"],"default":null},{"name":"tier","type":"int","default":0}"#,
    ));
    let diff = stdout(&cli.run(&["schemas", "diff", subject, "1", "3", "-c", "local"]));
    assert!(diff.contains(&format!("--- {subject} v1")), "{diff}");
    let added: Vec<&str> = diff.lines().filter(|l| l.starts_with('+') && !l.starts_with("+++")).collect();
    assert!(added.iter().any(|l| l.contains("\"tier\"")), "{diff}");
    assert!(added.iter().any(|l| l.contains("\"email\"")), "{diff}");
    let missing = cli.run(&["schemas", "show", "no-such-subject", "-c", "local"]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("not found"), "{:?}", missing);
}
