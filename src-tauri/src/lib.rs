//! The Streamlens desktop shell. It adapts the engine to Tauri — managed state, one command
//! file per domain, the capability-checked window — and decides nothing itself.

mod commands;
mod state;

use std::process::ExitCode;

use streamlens_engine::access::{current_user, load, Role, Session};
use streamlens_engine::paths::AppPaths;
use streamlens_engine::secrets::Keyring;
use streamlens_engine::Workspace;

/// The session this window acts in: the workspace policy's (signed, in managed mode) and
/// the role it gives the OS user; `STREAMLENS_ROLE` picks a role in personal mode, or views
/// as a lower one in managed mode.
fn session_from_policy(paths: &AppPaths) -> Result<(Session, load::LoadedPolicy), streamlens_engine::Error> {
    let loaded = load::load(paths)?;
    Ok((session_under(&loaded)?, loaded))
}

/// The session `loaded` gives the OS user (with the role `STREAMLENS_ROLE` asks for).
pub(crate) fn session_under(loaded: &load::LoadedPolicy) -> Result<Session, streamlens_engine::Error> {
    let requested = match std::env::var("STREAMLENS_ROLE").as_deref() {
        Ok("developer") => Some(Role::Developer),
        Ok("support") => Some(Role::Support),
        Ok("troubleshooter") => Some(Role::Troubleshooter),
        Ok("admin") => Some(Role::Admin),
        _ => None,
    };
    loaded.session(&current_user(), requested)
}

pub fn run() -> ExitCode {
    let started = std::time::Instant::now();
    let paths = match AppPaths::from_env() {
        Ok(paths) => paths,
        Err(err) => {
            eprintln!("Streamlens cannot start: {err}");
            return ExitCode::FAILURE;
        }
    };
    let _ = paths.ensure();
    let _logs = streamlens_engine::logging::init(Some(&paths.log_dir()), "info,streamlens=debug");
    let workspace = match tauri::async_runtime::block_on(Workspace::open(paths.clone(), Keyring::from_env()))
    {
        Ok(workspace) => workspace,
        Err(err) => {
            tracing::error!(%err, "cannot open the workspace");
            eprintln!("Streamlens cannot start: {err}");
            return ExitCode::FAILURE;
        }
    };
    let (session, policy) = match session_from_policy(&paths) {
        Ok(found) => found,
        Err(err) => {
            tracing::error!(%err, "the workspace policy is refused");
            eprintln!("Streamlens cannot start: {err}");
            return ExitCode::FAILURE;
        }
    };
    tracing::info!(data_dir = %paths.data_dir.display(), role = session.role.as_str(), "starting");
    let source = policy.source.as_ref().map(|p| p.display().to_string());
    if let Err(err) =
        tauri::async_runtime::block_on(workspace.note_policy(&session, &policy.hash, source.as_deref()))
    {
        eprintln!("Streamlens cannot start: the audit log cannot be written: {err}");
        return ExitCode::FAILURE;
    }

    let result = tauri::Builder::default()
        .manage(state::AppState::new(workspace, session))
        .on_page_load(move |webview, payload| {
            if payload.event() == tauri::webview::PageLoadEvent::Finished {
                // The footprint benchmark (tests/bench/footprint.py) times start-up by this line.
                tracing::info!(
                    window = webview.label(),
                    ms = started.elapsed().as_millis() as u64,
                    "window loaded"
                );
            }
        })
        .invoke_handler(tauri::generate_handler![
            commands::app::app_info,
            commands::app::diagnostics,
            commands::app::view_as,
            commands::app::audit_entries,
            commands::app::verify_audit,
            commands::app::export_audit,
            commands::app::policy_document,
            commands::app::check_policy,
            commands::app::save_policy,
            commands::app::app_settings,
            commands::app::save_app_settings,
            commands::connections::list_connections,
            commands::connections::save_connection,
            commands::connections::delete_connection,
            commands::connections::test_connection,
            commands::connections::test_connection_draft,
            commands::topics::cluster_overview,
            commands::topics::list_topics,
            commands::topics::describe_topic,
            commands::topics::create_topic,
            commands::topics::delete_topic,
            commands::messages::browse_messages,
            commands::messages::cancel_scan,
            commands::messages::tail_messages,
            commands::messages::produce_message,
            commands::messages::export_messages,
            commands::groups::list_groups,
            commands::groups::describe_group,
            commands::groups::reset_offsets,
            commands::flink::flink_overview,
            commands::flink::flink_jobs,
            commands::flink::flink_job_graph,
            commands::flink::flink_graph_metrics,
            commands::flink::flink_vertex,
            commands::flink::flink_vertex_metric_names,
            commands::flink::flink_vertex_metrics,
            commands::flink::flink_checkpoints,
            commands::flink::flink_checkpoint_detail,
            commands::flink::flink_exceptions,
            commands::flink::flink_configuration,
            commands::flink::flink_job_action,
            commands::flink::flink_savepoint_status,
            commands::recordings::record_job,
            commands::recordings::open_recording,
            commands::recordings::sample_recording,
            commands::recordings::verify_recording,
            commands::recordings::recording_events,
            commands::recordings::recording_graph_at,
            commands::recordings::recording_metrics_at,
            commands::recordings::recording_series,
            commands::recordings::recording_records,
            commands::recordings::export_recording,
            commands::recordings::replay_recording,
            commands::recordings::close_recording,
            commands::recordings::launch_recording,
            commands::schemas::registry_overview,
            commands::schemas::subject_detail,
            commands::schemas::subject_version,
            commands::schemas::check_compatibility,
            commands::schemas::register_schema,
            commands::schemas::topic_decoders,
            commands::schemas::pin_topic_decoders,
        ])
        .run(tauri::generate_context!());
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            tracing::error!(%err, "the window failed");
            eprintln!("Streamlens stopped: {err}");
            ExitCode::FAILURE
        }
    }
}
