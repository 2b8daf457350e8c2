//! `streamlens record` and `streamlens open`: record a Flink job (and capture its topics,
//! masked for a role) into a `.slrec` file with progress on stderr, stopped by Ctrl-C or a
//! duration; open one offline — summary with the integrity verdict, events, exports,
//! replay of its input records.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use anyhow::{anyhow, Context};
use clap::{Args, Subcommand};
use streamlens_engine::access::{Role, Session};
use streamlens_engine::recording::model::{Integrity, RecordedTopic, RecordingSummary};
use streamlens_engine::recording::replay::ReplayProgress;
use streamlens_engine::recording::writer::Signing;
use streamlens_engine::workspace::RecordRequest;
use streamlens_engine::Workspace;

#[derive(Args)]
pub(crate) struct RecordArgs {
    #[arg(short, long)]
    connection: String,
    /// Job id or name.
    #[arg(long)]
    job: String,
    /// Topics to capture: `in:TOPIC` (the job's input) or `out:TOPIC`, comma-separated.
    #[arg(long, value_delimiter = ',')]
    topics: Vec<String>,
    /// Stop after this long (e.g. 90s, 10m, 1h); without it, until Ctrl-C or the job ends.
    #[arg(long)]
    duration: Option<String>,
    /// Sampling interval (e.g. 1s, 500ms).
    #[arg(long, default_value = "1s")]
    interval: String,
    /// The role the captured records are masked for.
    #[arg(long, default_value = "support")]
    masked_for: String,
    /// Sign the finished recording with this ed25519 secret key file (`policy keygen`).
    #[arg(long)]
    sign_key: Option<PathBuf>,
    /// The signer's name shown to whoever opens it.
    #[arg(long)]
    signer: Option<String>,
    #[arg(short, long)]
    output: PathBuf,
}

#[derive(Args)]
pub(crate) struct OpenArgs {
    file: PathBuf,
    #[command(subcommand)]
    action: Option<OpenAction>,
    /// Print the summary (the default action).
    #[arg(long)]
    summary: bool,
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand)]
pub(crate) enum OpenAction {
    /// Every event in time order.
    Events,
    /// Write a Flink HistoryServer archive.
    ExportArchive { output: PathBuf },
    /// Write the captured records as JSON lines.
    ExportRecords { output: PathBuf },
    /// Produce the input records into a topic of a non-prod connection.
    Replay {
        #[arg(short, long)]
        connection: String,
        #[arg(long)]
        topic: String,
        /// Pace: 1 = original timing, 10 = ten times faster; omit for as fast as possible.
        #[arg(long)]
        speed: Option<f64>,
    },
}

pub(crate) async fn record(
    workspace: &Workspace,
    session: &Session,
    args: RecordArgs,
) -> anyhow::Result<ExitCode> {
    let job = crate::flink::resolve_job(workspace, session, &args.connection, &args.job).await?;
    let topics = args
        .topics
        .iter()
        .map(|spec| match spec.split_once(':') {
            Some(("in", topic)) => Ok(RecordedTopic { topic: topic.into(), direction: "input".into() }),
            Some(("out", topic)) => Ok(RecordedTopic { topic: topic.into(), direction: "output".into() }),
            _ => Err(anyhow!("--topics takes in:TOPIC or out:TOPIC, not '{spec}'")),
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let masked_for = Role::parse(&args.masked_for).ok_or_else(|| anyhow!("no role '{}'", args.masked_for))?;
    let request = RecordRequest {
        job_id: job,
        path: args.output.display().to_string(),
        interval_ms: millis(&args.interval)?,
        duration_ms: args.duration.as_deref().map(millis).transpose()?,
        topics,
        masked_for: Some(masked_for),
    };
    let key = match &args.sign_key {
        Some(path) => {
            Some(std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?)
        }
        None => None,
    };
    let signer = args.signer.clone().unwrap_or_else(|| session.user.clone());
    let signing = key.as_deref().map(|secret_key| Signing { signer: &signer, secret_key });
    let cancel = cancel_on_ctrl_c("stopping: sealing the recording…");
    let progress = Box::new(|p: streamlens_engine::recording::model::RecordingProgress| {
        eprint!(
            "\r{:>6.1} s  {} polls  {} samples  {} events  {} records{}  {} KiB  job {}   ",
            p.elapsed_ms / 1000.0,
            p.polls,
            p.samples,
            p.events,
            p.records,
            if p.dropped_records > 0.0 { format!(" ({} dropped)", p.dropped_records) } else { String::new() },
            (p.file_bytes / 1024.0).round(),
            p.job_state
        );
    });
    let summary =
        workspace.record_job(session, &args.connection, &request, signing, cancel, progress).await?;
    eprintln!();
    print_summary(&summary);
    Ok(ExitCode::SUCCESS)
}

pub(crate) async fn open(
    workspace: &Workspace,
    session: &Session,
    args: OpenArgs,
) -> anyhow::Result<ExitCode> {
    let path = args.file.display().to_string();
    let mut summary = workspace.open_recording(session, &path).await?;
    match args.action {
        None => {
            summary.integrity = workspace.verify_recording(session, &path).await?;
            if args.json {
                println!("{}", serde_json::to_string_pretty(&summary)?);
            } else {
                print_summary(&summary);
            }
            let bad = matches!(summary.integrity, Integrity::Tampered { .. });
            return Ok(if bad { ExitCode::from(3) } else { ExitCode::SUCCESS });
        }
        Some(OpenAction::Events) => {
            for event in workspace.recording_events(session, &path, &[], u32::MAX).await? {
                println!("{}  {:<22} {}", time(event.at), event.kind.as_str(), event.summary);
            }
        }
        Some(OpenAction::ExportArchive { output }) => {
            let n = workspace.export_recording(session, &path, &output.display().to_string(), true).await?;
            println!("wrote {} ({n} REST paths)", output.display());
        }
        Some(OpenAction::ExportRecords { output }) => {
            let n = workspace.export_recording(session, &path, &output.display().to_string(), false).await?;
            println!("wrote {} ({n} records)", output.display());
        }
        Some(OpenAction::Replay { connection, topic, speed }) => {
            let cancel = cancel_on_ctrl_c("stopping the replay…");
            let progress = Box::new(|p: ReplayProgress| {
                eprint!("\rreplayed {} of {} records ({} skipped)   ", p.produced, p.total, p.skipped);
            });
            let done = workspace
                .replay_recording(session, &path, &connection, &topic, speed, cancel, progress)
                .await?;
            eprintln!();
            println!(
                "replayed {} records into {topic} ({} skipped: withheld or binary){}",
                done.produced,
                done.skipped,
                if done.cancelled { ", stopped before the end" } else { "" }
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A cancel flag that Ctrl-C sets (saying `what` it does), so the work ends cleanly.
fn cancel_on_ctrl_c(what: &'static str) -> Arc<AtomicBool> {
    let cancel = Arc::new(AtomicBool::new(false));
    let stop = Arc::clone(&cancel);
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            eprintln!("\n{what}");
            stop.store(true, Ordering::Relaxed);
        }
    });
    cancel
}

fn print_summary(s: &RecordingSummary) {
    let m = &s.manifest;
    println!("recording   {} ({:.1} KiB)", s.path, s.file_bytes / 1024.0);
    println!("integrity   {}", integrity_text(&s.integrity));
    println!(
        "job         {} ({}) on {} — Flink {} at {}",
        m.job_name, m.job_id, m.connection, m.flink_version, m.flink_url
    );
    println!("recorded    by {} at {}, every {} ms", m.recorded_by, m.recorded_at, m.interval_ms);
    println!("time        {} → {} ({:.1} s)", time(s.start), time(s.end), (s.end - s.start) / 1000.0);
    println!(
        "masked for  {} (policy sha256 {})",
        m.masked_for_role,
        &m.policy_hash[..m.policy_hash.len().min(16)]
    );
    println!(
        "contents    {} samples, {} events, {} records, {} REST snapshots",
        s.counts.samples, s.counts.events, s.counts.records, s.counts.snapshots
    );
    for band in &s.state_bands {
        println!("state       {} → {}  {}", time(band.from), time(band.to), band.state);
    }
}

pub(crate) fn integrity_text(integrity: &Integrity) -> String {
    match integrity {
        Integrity::Signed { signer, public_key } => {
            format!(
                "intact, signed by {signer} (key {})",
                streamlens_engine::access::signature::fingerprint(public_key)
            )
        }
        Integrity::Unsigned => "intact, unsigned".into(),
        Integrity::Tampered { reason } => format!("TAMPERED: {reason}"),
        Integrity::Incomplete => {
            "incomplete: the recording was cut short (crash or kill); what was written is shown".into()
        }
        Integrity::NewerVersion { version } => {
            format!("written by a newer format version ({version}); update Streamlens")
        }
    }
}

fn time(ms: f64) -> String {
    chrono::DateTime::from_timestamp_millis(ms as i64)
        .map_or_else(|| "?".into(), |t| t.format("%H:%M:%S%.3f").to_string())
}

/// "500ms", "2s", "10m", "1h" (a bare number is seconds) as milliseconds.
fn millis(text: &str) -> anyhow::Result<u32> {
    let text = text.trim();
    let (number, unit) =
        text.split_at(text.find(|c: char| !c.is_ascii_digit() && c != '.').unwrap_or(text.len()));
    let value: f64 =
        number.parse().map_err(|_| anyhow!("'{text}' is not a duration like 500ms, 2s, 10m or 1h"))?;
    let factor = match unit {
        "ms" => 1.0,
        "" | "s" => 1000.0,
        "m" => 60_000.0,
        "h" => 3_600_000.0,
        _ => return Err(anyhow!("'{text}': the unit must be ms, s, m or h")),
    };
    Ok((value * factor).min(f64::from(u32::MAX)) as u32)
}
