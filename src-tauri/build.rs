//! Generates the Tauri context and one `allow-<command>` permission per app command,
//! so the capability file can list exactly what the window may call.

fn main() {
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
    ]);
    if let Err(err) = tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest)) {
        println!("cargo:warning=tauri-build failed: {err:#}");
        std::process::exit(1);
    }
}
