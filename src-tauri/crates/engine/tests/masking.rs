//! The masking leak test: the PII corpus (tests/fixtures/pii/corpus.json) — JSON records
//! with personal data in keys, nested values, arrays, free text and headers, plus Avro,
//! Protobuf and JSON Schema records whose schemas tag fields as PII — is produced to the
//! real broker and registry, then read as the support role by every path out of the engine
//! (a page, a stream as the CLI reads it, JSON lines and CSV exports). No original PII value
//! may appear in any of them. The same reads as a developer show the values, so the test
//! would see a leak.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::ops::ControlFlow;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};

use common::kafka::{connection_with_registry, fresh_topic, producer, request};
use rdkafka::message::{Header, OwnedHeaders};
use rdkafka::producer::FutureRecord;
use serde_json::Value;
use streamlens_engine::access::{Role, Session};
use streamlens_engine::browse::export::{ExportFormat, ExportTarget};
use streamlens_engine::browse::StartPosition;
use streamlens_engine::kafka::producing::{ProduceFormat, ProduceRequest, ProduceSchema};
use streamlens_engine::profile::Environment;
use streamlens_engine::schema::model::{SchemaDraft, SchemaType};

fn corpus() -> Value {
    let path = common::repo_root().join("tests/fixtures/pii/corpus.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn strings(list: &Value) -> Vec<String> {
    list.as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect()
}

/// Everything one role can get out of the engine for `topic`, as one string.
async fn every_path_out(t: &common::TestWorkspace, session: &Session, id: &str, topic: &str) -> String {
    let all = request(topic, StartPosition::Earliest, 1000);
    let page = t.workspace.browse_messages(session, id, &all, None, Box::new(|_| {})).await.unwrap();
    let mut out = serde_json::to_string(&page).unwrap();
    let streamed = Arc::new(Mutex::new(Vec::new()));
    let sink_rows = Arc::clone(&streamed);
    let sink = Box::new(move |record| {
        sink_rows.lock().unwrap().push(record);
        ControlFlow::Continue(())
    });
    let cancel = Arc::new(AtomicBool::new(false));
    t.workspace.stream_messages(session, id, &all, cancel, sink, Box::new(|_| {})).await.unwrap();
    out.push_str(&serde_json::to_string(&*streamed.lock().unwrap()).unwrap());
    for (name, format) in [("out.jsonl", ExportFormat::Jsonl), ("out.csv", ExportFormat::Csv)] {
        let file = format!("{topic}-{}-{name}", session.role.as_str());
        let target = ExportTarget { path: t.dir.path().join(file), format };
        let cancel = Arc::new(AtomicBool::new(false));
        t.workspace.export_messages(session, id, &all, &target, cancel, Box::new(|_| {})).await.unwrap();
        out.push_str(&std::fs::read_to_string(&target.path).unwrap());
    }
    out
}

fn leaks<'a>(output: &str, pii: &'a [String]) -> Vec<&'a String> {
    pii.iter().filter(|v| output.contains(v.as_str())).collect()
}

#[tokio::test]
async fn support_gets_no_pii_out_by_any_path() {
    let t = common::workspace().await;
    let dev = common::developer();
    let support = Session::new(Role::Support);
    let registry_url = common::registry_url();
    let id = connection_with_registry(&t, Environment::Dev, Some(&registry_url)).await;
    let corpus = corpus();
    let mut pii: Vec<String> = Vec::new();

    // JSON, text, keys and headers, written by a plain Kafka producer.
    let json_topic = fresh_topic(&t, &id, 2).await;
    let p = producer("none");
    for record in corpus["json"].as_array().unwrap() {
        let value = match &record["value"] {
            Value::String(text) => text.clone(),
            other => other.to_string(),
        };
        let key = record["key"].as_str().map(str::to_string);
        let mut headers = OwnedHeaders::new();
        for (name, value) in record["headers"].as_object().unwrap() {
            headers = headers.insert(Header { key: name, value: value.as_str() });
        }
        let mut message = FutureRecord::to(&json_topic).payload(&value).headers(headers);
        if let Some(key) = &key {
            message = message.key(key);
        }
        p.send(message, std::time::Duration::from_secs(10)).await.map_err(|(e, _)| e).unwrap();
        pii.extend(strings(&record["pii"]));
    }

    // Registry-framed records whose schemas tag fields as PII.
    let mut framed_topics = Vec::new();
    for (section, schema_type) in
        [("avro", SchemaType::Avro), ("protobuf", SchemaType::Protobuf), ("json_schema", SchemaType::Json)]
    {
        let topic = fresh_topic(&t, &id, 1).await;
        let subject = format!("{topic}-value");
        let schema = match &corpus[section]["schema"] {
            Value::String(text) => text.clone(),
            other => other.to_string(),
        };
        let draft = SchemaDraft { schema_type, schema, references: vec![] };
        t.workspace.register_schema(&dev, &id, &subject, &draft).await.unwrap();
        for record in corpus[section]["records"].as_array().unwrap() {
            let produce = ProduceRequest {
                topic: topic.clone(),
                partition: None,
                key: Some(format!("{section}-key")),
                value: Some(record.to_string()),
                headers: vec![],
                format: ProduceFormat::Json,
                schema: Some(ProduceSchema { subject: subject.clone(), version: None, message: None }),
            };
            t.workspace.produce(&dev, &id, &produce).await.unwrap();
        }
        pii.extend(strings(&corpus[section]["pii"]));
        framed_topics.push(topic);
    }

    for topic in std::iter::once(&json_topic).chain(&framed_topics) {
        let developer_sees = every_path_out(&t, &dev, &id, topic).await;
        assert!(!leaks(&developer_sees, &pii).is_empty(), "the developer should see {topic}'s data unmasked");
        let support_sees = every_path_out(&t, &support, &id, topic).await;
        let leaked = leaks(&support_sees, &pii);
        assert!(leaked.is_empty(), "{topic}: {leaked:?} reached the support role:\n{support_sees}");
        assert!(support_sees.contains("\"masks\""), "masked payloads carry their marks");
    }

    // The decoded, tagged records are masked field by field, not withheld whole.
    let page = t
        .workspace
        .browse_messages(
            &support,
            &id,
            &request(&framed_topics[0], StartPosition::Earliest, 10),
            None,
            Box::new(|_| {}),
        )
        .await
        .unwrap();
    let first: Value = serde_json::from_str(page.messages[0].value.text.as_deref().unwrap()).unwrap();
    assert!(first["id"].as_str().unwrap().starts_with("S-"), "{first}");
    assert_eq!(first["recipient"], "***");
    let rules: Vec<&str> = page.messages[0].value.masks.iter().map(|m| m.rule.as_str()).collect();
    assert!(rules.contains(&"schema tag"), "{rules:?}");

    // Every read left an audit entry.
    let admin = Session::new(Role::Admin);
    let entries = t.workspace.audit_entries(&admin, 500).await.unwrap();
    assert!(entries
        .iter()
        .any(|e| e.role == "support" && e.action == "export" && e.detail.contains(&json_topic)));
    assert!(t.workspace.verify_audit(&admin).await.unwrap().intact);
    assert!(t.workspace.audit_entries(&support, 10).await.is_err());
}
