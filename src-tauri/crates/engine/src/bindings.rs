//! The TypeScript types the UI uses, generated from the Rust types with ts-rs and
//! committed in `ui/src/bindings/`. This test fails when they are stale; run it with
//! `UPDATE_BINDINGS=1` to regenerate them.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use ts_rs::TS;

fn bindings_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../ui/src/bindings")
}

struct Check {
    dir: PathBuf,
    update: bool,
    stale: Vec<String>,
    seen: BTreeSet<String>,
}

impl Check {
    fn file<T: TS + 'static>(&mut self) {
        let name = T::name();
        let expected = T::export_to_string().expect("ts-rs renders the type");
        let path = self.dir.join(format!("{name}.ts"));
        self.seen.insert(format!("{name}.ts"));
        if self.update {
            std::fs::create_dir_all(&self.dir).expect("bindings dir");
            std::fs::write(&path, expected).expect("write binding");
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(expected.as_str()) {
            self.stale.push(name);
        }
    }
}

#[test]
fn typescript_bindings_are_current() {
    use crate::{
        access, browse, error, flink, kafka, mask, probe, profile, recording, schema, settings, workspace,
    };
    let mut check = Check {
        dir: bindings_dir(),
        update: std::env::var_os("UPDATE_BINDINGS").is_some(),
        stale: Vec::new(),
        seen: BTreeSet::new(),
    };
    check.file::<profile::Environment>();
    check.file::<profile::SecurityProtocol>();
    check.file::<profile::SaslMechanism>();
    check.file::<profile::TlsSettings>();
    check.file::<profile::KafkaSettings>();
    check.file::<profile::HttpAuth>();
    check.file::<profile::HttpEndpoint>();
    check.file::<profile::SecretSlot>();
    check.file::<profile::ConnectionProfile>();
    check.file::<profile::SecretUpdate>();
    check.file::<profile::ProfileDraft>();
    check.file::<probe::FailureKind>();
    check.file::<probe::ProbeFailure>();
    check.file::<probe::PartProbe>();
    check.file::<probe::ProbeReport>();
    check.file::<access::Role>();
    check.file::<schema::model::SchemaType>();
    check.file::<schema::model::SchemaReference>();
    check.file::<schema::model::SubjectVersion>();
    check.file::<schema::model::SubjectDetail>();
    check.file::<schema::model::RegistryOverview>();
    check.file::<schema::model::CompatibilityReport>();
    check.file::<schema::model::SchemaDraft>();
    check.file::<schema::model::RegisteredId>();
    check.file::<browse::record::SchemaTag>();
    check.file::<browse::DecoderChoice>();
    check.file::<browse::TopicDecoders>();
    check.file::<kafka::producing::ProduceSchema>();
    check.file::<flink::model::FlinkOverview>();
    check.file::<flink::model::TaskManagerInfo>();
    check.file::<flink::model::JobSummary>();
    check.file::<flink::model::ChainedOperator>();
    check.file::<flink::model::GraphVertex>();
    check.file::<flink::model::GraphEdge>();
    check.file::<flink::model::JobGraph>();
    check.file::<flink::model::VertexMetrics>();
    check.file::<flink::model::MetricSource>();
    check.file::<flink::model::GraphMetrics>();
    check.file::<flink::model::SubtaskInfo>();
    check.file::<flink::model::VertexDetail>();
    check.file::<flink::model::AggregatedMetric>();
    check.file::<flink::model::CheckpointSummary>();
    check.file::<flink::model::CheckpointOverview>();
    check.file::<flink::model::CheckpointVertexStats>();
    check.file::<flink::model::CheckpointDetail>();
    check.file::<flink::model::JobException>();
    check.file::<flink::model::JobExceptions>();
    check.file::<flink::model::ConfigPair>();
    check.file::<flink::model::JobConfiguration>();
    check.file::<flink::model::JobActionKind>();
    check.file::<flink::model::JobActionRequest>();
    check.file::<flink::model::SavepointStatus>();
    check.file::<recording::model::RecordedTopic>();
    check.file::<recording::model::Manifest>();
    check.file::<recording::model::Integrity>();
    check.file::<recording::model::EventKind>();
    check.file::<recording::model::RecordingEvent>();
    check.file::<recording::model::RecordingCounts>();
    check.file::<recording::model::RecordingSummary>();
    check.file::<recording::model::StateBand>();
    check.file::<recording::model::MetricSeries>();
    check.file::<recording::model::CapturedRecord>();
    check.file::<recording::model::CapturedPage>();
    check.file::<recording::model::RecordingProgress>();
    check.file::<workspace::RecordRequest>();
    check.file::<recording::replay::ReplayProgress>();
    check.file::<settings::AppSettings>();
    check.file::<settings::Theme>();
    check.file::<settings::TimestampFormat>();
    check.file::<workspace::AppInfo>();
    check.file::<error::Error>();
    check.file::<kafka::model::BrokerInfo>();
    check.file::<kafka::model::ClusterOverview>();
    check.file::<kafka::model::TopicSummary>();
    check.file::<kafka::model::PartitionInfo>();
    check.file::<kafka::model::ConfigEntry>();
    check.file::<kafka::model::TopicDetail>();
    check.file::<kafka::model::ConfigOverride>();
    check.file::<kafka::model::NewTopic>();
    check.file::<browse::record::PayloadFormat>();
    check.file::<browse::record::Payload>();
    check.file::<mask::MaskMark>();
    check.file::<access::audit::AuditEntry>();
    check.file::<access::audit::AuditVerification>();
    check.file::<access::load::PolicyDocument>();
    check.file::<workspace::AuditExport>();
    check.file::<browse::record::HeaderRecord>();
    check.file::<browse::record::TimestampKind>();
    check.file::<browse::record::MessageRecord>();
    check.file::<browse::PartitionOffset>();
    check.file::<kafka::producing::ProduceFormat>();
    check.file::<kafka::producing::HeaderInput>();
    check.file::<kafka::producing::ProduceRequest>();
    check.file::<kafka::producing::ProduceResult>();
    check.file::<kafka::group_model::GroupSummary>();
    check.file::<kafka::group_model::GroupMember>();
    check.file::<kafka::group_model::GroupPartitionLag>();
    check.file::<kafka::group_model::GroupDetail>();
    check.file::<kafka::group_model::ResetTarget>();
    check.file::<kafka::group_model::OffsetReset>();
    check.file::<kafka::group_model::OffsetChange>();
    check.file::<kafka::group_model::ResetPlan>();
    check.file::<browse::StartPosition>();
    check.file::<browse::MessageFilter>();
    check.file::<browse::BrowseRequest>();
    check.file::<browse::MessagePage>();
    check.file::<browse::ScanProgress>();
    check.file::<browse::TailBatch>();
    check.file::<browse::export::ExportFormat>();
    check.file::<browse::export::ExportTarget>();
    check.file::<browse::export::ExportSummary>();

    let on_disk: BTreeSet<String> = std::fs::read_dir(&check.dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".ts"))
                .collect()
        })
        .unwrap_or_default();
    let extra: Vec<_> = on_disk.difference(&check.seen).collect();
    assert!(
        check.stale.is_empty() && (check.update || extra.is_empty()),
        "ui/src/bindings is stale (changed: {:?}, not generated: {:?}). \
         Run `UPDATE_BINDINGS=1 cargo test -p streamlens-engine bindings` and commit the result.",
        check.stale,
        extra
    );
}
