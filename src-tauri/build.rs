//! Generates the Tauri context and one `allow-<command>` permission per app command,
//! so the capability file can list exactly what the window may call; deflates the sample
//! recording the binary embeds.

use std::io::Write;

fn main() {
    if let Err(err) = deflate_sample() {
        println!("cargo:warning=cannot deflate the sample recording: {err}");
        std::process::exit(1);
    }
    let manifest = tauri_build::AppManifest::new().commands(&[
        "app_info",
        "list_connections",
        "save_connection",
        "delete_connection",
        "test_connection",
        "test_connection_draft",
        "diagnostics",
        "view_as",
        "audit_entries",
        "verify_audit",
        "export_audit",
        "policy_document",
        "check_policy",
        "save_policy",
        "app_settings",
        "save_app_settings",
        "cluster_overview",
        "list_topics",
        "describe_topic",
        "create_topic",
        "delete_topic",
        "browse_messages",
        "cancel_scan",
        "tail_messages",
        "produce_message",
        "export_messages",
        "list_groups",
        "registry_overview",
        "subject_detail",
        "subject_version",
        "check_compatibility",
        "register_schema",
        "topic_decoders",
        "pin_topic_decoders",
        "describe_group",
        "reset_offsets",
        "flink_overview",
        "flink_jobs",
        "flink_job_graph",
        "flink_graph_metrics",
        "flink_vertex",
        "flink_vertex_metric_names",
        "flink_vertex_metrics",
        "flink_checkpoints",
        "flink_checkpoint_detail",
        "flink_exceptions",
        "flink_configuration",
        "flink_job_action",
        "flink_savepoint_status",
        "record_job",
        "open_recording",
        "sample_recording",
        "verify_recording",
        "recording_events",
        "recording_graph_at",
        "recording_metrics_at",
        "recording_series",
        "recording_records",
        "export_recording",
        "replay_recording",
        "close_recording",
        "launch_recording",
    ]);
    if let Err(err) = tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest)) {
        println!("cargo:warning=tauri-build failed: {err:#}");
        std::process::exit(1);
    }
}

/// resources/sample.slrec → $OUT_DIR/sample.slrec.deflate (SQLite pages of JSON shrink ~15×).
fn deflate_sample() -> std::io::Result<()> {
    let source = std::path::Path::new("resources/sample.slrec");
    println!("cargo:rerun-if-changed={}", source.display());
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default())
        .join("sample.slrec.deflate");
    let sample = std::fs::read(source)?;
    let mut encoder =
        flate2::write::DeflateEncoder::new(std::fs::File::create(out)?, flate2::Compression::best());
    encoder.write_all(&sample)?;
    encoder.finish()?;
    // Its inflated size: the app checks the copy on disk by it before inflating anything.
    println!("cargo:rustc-env=STREAMLENS_SAMPLE_LEN={}", sample.len());
    Ok(())
}
