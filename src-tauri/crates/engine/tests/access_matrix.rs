//! The role × command matrix: every workspace command, called as every role on a dev and
//! a prod connection, is allowed or refused exactly as the table below says. A command
//! that is allowed may still fail for another reason (a topic that does not exist, an
//! invalid schema); only `Forbidden` counts as refused. Runs against the real broker and
//! registry stand-in, under the built-in policy.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::ops::ControlFlow;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use common::kafka::{connection_with_registry, fresh_topic, request};
use streamlens_engine::access::{Role, Session};
use streamlens_engine::browse::export::{ExportFormat, ExportTarget};
use streamlens_engine::browse::{StartPosition, TailRequest, TopicDecoders};
use streamlens_engine::flink::model::{JobActionKind, JobActionRequest};
use streamlens_engine::kafka::group_model::{OffsetReset, ResetTarget};
use streamlens_engine::kafka::model::NewTopic;
use streamlens_engine::kafka::producing::{ProduceFormat, ProduceRequest};
use streamlens_engine::profile::{Environment, KafkaSettings, ProfileDraft};
use streamlens_engine::schema::model::{SchemaDraft, SchemaType};
use streamlens_engine::settings::AppSettings;
use streamlens_engine::workspace::RecordRequest;
use streamlens_engine::Error;

use Role::{Admin as A, Developer as D, Support as S, Troubleshooter as T};

const ALL: &[Role] = &[D, S, T, A];
const BUILDERS: &[Role] = &[D, A];
const READERS: &[Role] = &[D, S, A];
const NOBODY: &[Role] = &[];

/// (command, roles allowed on a dev connection, roles allowed on a prod connection)
const MATRIX: &[(&str, &[Role], &[Role])] = &[
    ("list_connections", ALL, ALL),
    ("save_connection", BUILDERS, BUILDERS),
    ("delete_connection", BUILDERS, BUILDERS),
    ("test_connection", ALL, ALL),
    ("test_draft", ALL, ALL),
    ("diagnostics", ALL, ALL),
    ("cluster_overview", ALL, ALL),
    ("list_topics", ALL, ALL),
    ("describe_topic", ALL, ALL),
    ("create_topic", BUILDERS, BUILDERS),
    ("delete_topic", BUILDERS, BUILDERS),
    ("browse_messages", READERS, READERS),
    ("stream_messages", READERS, READERS),
    ("tail_messages", READERS, READERS),
    ("export_messages", READERS, READERS),
    ("produce", BUILDERS, NOBODY),
    ("list_groups", ALL, ALL),
    ("describe_group", ALL, ALL),
    ("reset_offsets", BUILDERS, NOBODY),
    ("registry_overview", ALL, ALL),
    ("subject_detail", ALL, ALL),
    ("subject_version", ALL, ALL),
    ("check_compatibility", ALL, ALL),
    ("register_schema", BUILDERS, BUILDERS),
    ("topic_decoders", ALL, ALL),
    ("pin_topic_decoders", READERS, READERS),
    ("flink_overview", ALL, ALL),
    ("flink_jobs", ALL, ALL),
    ("flink_job_graph", ALL, ALL),
    ("flink_graph_metrics", ALL, ALL),
    ("flink_vertex", ALL, ALL),
    ("flink_vertex_metric_names", ALL, ALL),
    ("flink_vertex_metrics", ALL, ALL),
    ("flink_checkpoints", ALL, ALL),
    ("flink_checkpoint_detail", ALL, ALL),
    ("flink_exceptions", ALL, ALL),
    ("flink_configuration", ALL, ALL),
    ("flink_job_action", BUILDERS, BUILDERS),
    ("flink_savepoint_status", ALL, ALL),
    ("record_job", BUILDERS, BUILDERS),
    ("open_recording", ALL, ALL),
    ("replay_recording", BUILDERS, NOBODY),
    ("audit_entries", &[A], &[A]),
    ("verify_audit", &[A], &[A]),
    ("export_audit", &[A], &[A]),
    ("policy_document", &[A], &[A]),
    ("check_policy", &[A], &[A]),
    ("save_policy", &[A], &[A]),
    ("app_settings", ALL, ALL),
    ("save_app_settings", ALL, ALL),
];

/// A job id no cluster has (the matrix connections have no Flink part anyway).
const JOB: &str = "0123456789abcdef0123456789abcdef";

struct Fixture {
    t: common::TestWorkspace,
    topic: String,
    /// A sealed recording with no records (replaying it produces nothing).
    recording: String,
}

async fn call(f: &Fixture, session: &Session, connection: &str, command: &str) -> Result<(), Error> {
    let w = &f.t.workspace;
    let topic = f.topic.as_str();
    let draft = |name: &str| ProfileDraft {
        id: None,
        name: format!("matrix-{name}-{}", common::uuid_like()),
        environment: Environment::Dev,
        kafka: Some(KafkaSettings::plaintext("127.0.0.1:1")),
        schema_registry: None,
        flink: None,
        secrets: vec![],
    };
    let page = request(topic, StartPosition::Earliest, 5);
    let cancel = || Arc::new(AtomicBool::new(false));
    let reset = OffsetReset {
        group_id: "matrix-group".into(),
        topic: topic.into(),
        partitions: None,
        target: ResetTarget::Earliest,
        dry_run: true,
        assume_inactive: true,
    };
    let schema =
        SchemaDraft { schema_type: SchemaType::Avro, schema: "not a schema".into(), references: vec![] };
    let subject = format!("{topic}-value");
    match command {
        "list_connections" => w.list_connections(session).await.map(drop),
        "save_connection" => w.save_connection(session, draft("save")).await.map(drop),
        "delete_connection" => w.delete_connection(session, "no-such-connection").await,
        "test_connection" => w.test_connection(session, connection).await.map(drop),
        "test_draft" => w.test_draft(session, draft("draft")).await.map(drop),
        "diagnostics" => w.diagnostics(session).await.map(drop),
        "cluster_overview" => w.cluster_overview(session, connection).await.map(drop),
        "list_topics" => w.list_topics(session, connection).await.map(drop),
        "describe_topic" => w.describe_topic(session, connection, topic).await.map(drop),
        "create_topic" => {
            // An invalid name: refused or rejected before anything is created.
            let new =
                NewTopic { name: "bad name!".into(), partitions: 1, replication_factor: 1, configs: vec![] };
            w.create_topic(session, connection, &new, None).await.map(drop)
        }
        "delete_topic" => w.delete_topic(session, connection, "it.matrix.missing", None).await,
        "browse_messages" => {
            w.browse_messages(session, connection, &page, None, Box::new(|_| {})).await.map(drop)
        }
        "stream_messages" => w
            .stream_messages(
                session,
                connection,
                &page,
                cancel(),
                Box::new(|_| ControlFlow::Continue(())),
                Box::new(|_| {}),
            )
            .await
            .map(drop),
        "tail_messages" => {
            let tail = TailRequest { topic: topic.into(), partitions: None, filter: Default::default() };
            let id = format!("matrix-tail-{}", common::uuid_like());
            let stop = async {
                tokio::time::sleep(std::time::Duration::from_millis(300)).await;
                w.cancel_scan(&id).await;
            };
            let (result, ()) = tokio::join!(
                w.tail_messages(session, connection, &tail, &id, Box::new(|_| ControlFlow::Continue(()))),
                stop
            );
            result
        }
        "export_messages" => {
            let target = ExportTarget {
                path: f.t.dir.path().join(format!("matrix-{}.jsonl", common::uuid_like())),
                format: ExportFormat::Jsonl,
            };
            w.export_messages(session, connection, &page, &target, cancel(), Box::new(|_| {})).await.map(drop)
        }
        "produce" => {
            let message = ProduceRequest {
                topic: topic.into(),
                partition: None,
                key: None,
                value: Some("{\"matrix\":true}".into()),
                headers: vec![],
                format: ProduceFormat::Json,
                schema: None,
            };
            w.produce(session, connection, &message).await.map(drop)
        }
        "list_groups" => w.list_groups(session, connection).await.map(drop),
        "describe_group" => w.describe_group(session, connection, "matrix-group").await.map(drop),
        "reset_offsets" => w.reset_offsets(session, connection, &reset, None).await.map(drop),
        "registry_overview" => w.registry_overview(session, connection).await.map(drop),
        "subject_detail" => w.subject_detail(session, connection, &subject).await.map(drop),
        "subject_version" => w.subject_version(session, connection, &subject, "latest").await.map(drop),
        "check_compatibility" => {
            w.check_compatibility(session, connection, &subject, &schema).await.map(drop)
        }
        "register_schema" => w.register_schema(session, connection, &subject, &schema).await.map(drop),
        "topic_decoders" => w.topic_decoders(session, connection, topic).await.map(drop),
        "pin_topic_decoders" => {
            w.pin_topic_decoders(session, connection, topic, TopicDecoders::default()).await
        }
        "flink_overview" => w.flink_overview(session, connection).await.map(drop),
        "flink_jobs" => w.flink_jobs(session, connection).await.map(drop),
        "flink_job_graph" => w.flink_job_graph(session, connection, JOB).await.map(drop),
        "flink_graph_metrics" => w.flink_graph_metrics(session, connection, JOB, &[]).await.map(drop),
        "flink_vertex" => w.flink_vertex(session, connection, JOB, JOB).await.map(drop),
        "flink_vertex_metric_names" => {
            w.flink_vertex_metric_names(session, connection, JOB, JOB).await.map(drop)
        }
        "flink_vertex_metrics" => w.flink_vertex_metrics(session, connection, JOB, JOB, &[]).await.map(drop),
        "flink_checkpoints" => w.flink_checkpoints(session, connection, JOB).await.map(drop),
        "flink_checkpoint_detail" => w.flink_checkpoint_detail(session, connection, JOB, 1).await.map(drop),
        "flink_exceptions" => w.flink_exceptions(session, connection, JOB).await.map(drop),
        "flink_configuration" => w.flink_configuration(session, connection, JOB).await.map(drop),
        "flink_job_action" => {
            let cancel =
                JobActionRequest { kind: JobActionKind::Cancel, target_directory: None, confirm: None };
            w.flink_job_action(session, connection, JOB, &cancel).await.map(drop)
        }
        "flink_savepoint_status" => w.flink_savepoint_status(session, connection, JOB, JOB).await.map(drop),
        "record_job" => {
            let request = RecordRequest {
                job_id: JOB.into(),
                path: f
                    .t
                    .dir
                    .path()
                    .join(format!("matrix-{}.slrec", common::uuid_like()))
                    .display()
                    .to_string(),
                interval_ms: 1000,
                duration_ms: Some(1),
                topics: vec![],
                masked_for: None,
            };
            w.record_job(session, connection, &request, None, cancel(), Box::new(|_| {})).await.map(drop)
        }
        "open_recording" => w.open_recording(session, "/nonexistent/matrix.slrec").await.map(drop),
        "replay_recording" => {
            // The recording is checked (opened) first for the roles that may open it, so
            // use a real one: the replay target is what the matrix decides.
            w.replay_recording(session, &f.recording, connection, topic, None, cancel(), Box::new(|_| {}))
                .await
                .map(drop)
        }
        "audit_entries" => w.audit_entries(session, 5).await.map(drop),
        "verify_audit" => w.verify_audit(session).await.map(drop),
        "export_audit" => {
            let target = ExportTarget {
                path: f.t.dir.path().join(format!("audit-{}.jsonl", common::uuid_like())),
                format: ExportFormat::Jsonl,
            };
            w.export_audit(session, &target).await.map(drop)
        }
        "policy_document" => w.policy_document(session).map(drop),
        "check_policy" => w.check_policy(session, "version = 1").map(drop),
        "save_policy" => w.save_policy(session, "version = 1\n").await.map(drop),
        "app_settings" => w.app_settings(session).await.map(drop),
        "save_app_settings" => w.save_app_settings(session, AppSettings::default()).await.map(drop),
        other => panic!("the matrix names a command the test does not call: {other}"),
    }
}

#[tokio::test]
async fn every_command_as_every_role_is_allowed_or_refused_as_the_table_says() {
    let t = common::workspace().await;
    let registry = common::registry_url();
    let dev = connection_with_registry(&t, Environment::Dev, Some(&registry)).await;
    let prod = connection_with_registry(&t, Environment::Prod, Some(&registry)).await;
    let topic = fresh_topic(&t, &dev, 1).await;
    let recording = t.dir.path().join("matrix.slrec");
    let manifest = streamlens_engine::recording::model::Manifest {
        format_version: streamlens_engine::recording::model::FORMAT_VERSION,
        app_version: "test".into(),
        recorded_by: "matrix".into(),
        recorded_at: "2026-11-30T00:00:00Z".into(),
        connection: "matrix".into(),
        flink_url: "http://127.0.0.1:1".into(),
        flink_version: "2.3.0".into(),
        job_id: JOB.into(),
        job_name: "matrix".into(),
        start: 0.0,
        end: None,
        interval_ms: 1000,
        policy_hash: String::new(),
        masked_for_role: "support".into(),
        topics: vec![],
    };
    let writer = streamlens_engine::recording::RecordingWriter::create(&recording, manifest).await.unwrap();
    writer.finish(1.0, None).await.unwrap();
    let f = Fixture { t, topic, recording: recording.display().to_string() };
    let mut wrong = Vec::new();
    for (command, dev_roles, prod_roles) in MATRIX {
        for (connection, env, allowed) in [(&dev, "dev", dev_roles), (&prod, "prod", prod_roles)] {
            for role in [D, S, T, A] {
                let session = Session::new(role);
                let outcome = call(&f, &session, connection, command).await;
                let refused = matches!(outcome, Err(Error::Forbidden { .. }));
                if refused == allowed.contains(&role) {
                    wrong.push(format!("{command} as {role:?} on {env}: {outcome:?}"));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{} cells differ from the table:\n{}", wrong.len(), wrong.join("\n"));
}
