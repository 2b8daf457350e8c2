//! `streamlens flink …`: the connection's Flink cluster — overview, jobs, a job's graph
//! (text, Graphviz DOT or SVG), checkpoints and exceptions. A job is named by id or by
//! name (the running job of that name, else the newest).

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{anyhow, Context};
use clap::{Subcommand, ValueEnum};
use streamlens_engine::access::Session;
use streamlens_engine::flink::model::JobSummary;
use streamlens_engine::flink::render;
use streamlens_engine::Workspace;

#[derive(Subcommand)]
pub(crate) enum FlinkCommand {
    /// Flink version, task managers, slots, job counts.
    Overview {
        #[arg(short, long)]
        connection: String,
        #[arg(long)]
        json: bool,
    },
    /// Jobs, running first, then finished ones, newest first.
    Jobs {
        #[arg(short, long)]
        connection: String,
        #[arg(long)]
        json: bool,
    },
    /// A job's graph: vertices, chained operators and edges with their ship strategy.
    Graph {
        #[arg(short, long)]
        connection: String,
        /// Job id or name.
        job: String,
        #[arg(long, value_enum, default_value = "text")]
        format: GraphFormat,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// A job's checkpoint counts, latest checkpoints and history.
    Checkpoints {
        #[arg(short, long)]
        connection: String,
        job: String,
        #[arg(long)]
        json: bool,
    },
    /// A job's exception history, newest first, with root causes.
    Exceptions {
        #[arg(short, long)]
        connection: String,
        job: String,
        /// Print the full stack traces.
        #[arg(long)]
        traces: bool,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum GraphFormat {
    Text,
    Dot,
    Svg,
    Json,
}

pub(crate) async fn run(
    workspace: &Workspace,
    session: &Session,
    command: FlinkCommand,
) -> anyhow::Result<ExitCode> {
    match command {
        FlinkCommand::Overview { connection, json } => {
            let o = workspace.flink_overview(session, &connection).await?;
            if json {
                println!("{}", serde_json::to_string_pretty(&o)?);
                return Ok(ExitCode::SUCCESS);
            }
            println!("Flink {} ({})", o.flink_version, o.flink_commit.as_deref().unwrap_or("no commit"));
            println!("slots: {} total, {} free", o.slots_total, o.slots_available);
            println!(
                "jobs: {} running, {} finished, {} failed, {} cancelled",
                o.jobs_running, o.jobs_finished, o.jobs_failed, o.jobs_cancelled
            );
            for tm in &o.task_managers {
                println!(
                    "task manager {}  slots {}/{} free  cpu {}  memory {}",
                    tm.host,
                    tm.slots_free,
                    tm.slots_total,
                    tm.cpu_cores.map_or("?".into(), |c| c.to_string()),
                    tm.physical_memory.map_or("?".into(), |m| format!("{:.1} GiB", m / 1024f64.powi(3)))
                );
            }
            o.notes.iter().for_each(|n| println!("note: {n}"));
        }
        FlinkCommand::Jobs { connection, json } => {
            let jobs = workspace.flink_jobs(session, &connection).await?;
            if json {
                println!("{}", serde_json::to_string_pretty(&jobs)?);
                return Ok(ExitCode::SUCCESS);
            }
            println!("{:<32}  {:<11}  {:>10}  {:>5}  name", "id", "state", "duration", "tasks");
            for job in &jobs {
                println!(
                    "{:<32}  {:<11}  {:>10}  {:>5}  {}",
                    job.id,
                    job.state,
                    job.duration_ms.map_or("-".into(), duration),
                    job.tasks_total,
                    job.name
                );
            }
        }
        FlinkCommand::Graph { connection, job, format, output } => {
            let id = resolve_job(workspace, session, &connection, &job).await?;
            let graph = workspace.flink_job_graph(session, &connection, &id).await?;
            let text = match format {
                GraphFormat::Text => render::to_text(&graph),
                GraphFormat::Dot => render::to_dot(&graph),
                GraphFormat::Svg => render::to_svg(&graph),
                GraphFormat::Json => serde_json::to_string_pretty(&graph)? + "\n",
            };
            match output {
                Some(path) => {
                    std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?
                }
                None => print!("{text}"),
            }
        }
        FlinkCommand::Checkpoints { connection, job, json } => {
            let id = resolve_job(workspace, session, &connection, &job).await?;
            let c = workspace.flink_checkpoints(session, &connection, &id).await?;
            if json {
                println!("{}", serde_json::to_string_pretty(&c)?);
                return Ok(ExitCode::SUCCESS);
            }
            println!(
                "checkpoints: {} total, {} completed, {} failed, {} in progress, {} restored",
                c.total, c.completed, c.failed, c.in_progress, c.restored
            );
            println!("{:>6}  {:<11}  {:>9}  {:>10}  failure", "id", "status", "duration", "size");
            for cp in &c.history {
                println!(
                    "{:>6}  {:<11}  {:>9}  {:>10}  {}",
                    cp.id,
                    if cp.is_savepoint { format!("{}*", cp.status) } else { cp.status.clone() },
                    cp.end_to_end_duration_ms.map_or("-".into(), |d| format!("{d} ms")),
                    cp.checkpointed_size.map_or("-".into(), |s| format!("{s} B")),
                    cp.failure_message.as_deref().unwrap_or("")
                );
            }
            c.notes.iter().for_each(|n| println!("note: {n}"));
        }
        FlinkCommand::Exceptions { connection, job, traces, json } => {
            let id = resolve_job(workspace, session, &connection, &job).await?;
            let e = workspace.flink_exceptions(session, &connection, &id).await?;
            if json {
                println!("{}", serde_json::to_string_pretty(&e)?);
                return Ok(ExitCode::SUCCESS);
            }
            for entry in &e.entries {
                let at = entry
                    .timestamp
                    .and_then(|t| chrono::DateTime::from_timestamp_millis(t as i64))
                    .map_or("?".into(), |t| t.to_rfc3339());
                println!("{at}  {}", entry.message);
                if let Some(root) = &entry.root_cause {
                    println!("    root cause: {root}");
                }
                if let Some(task) = &entry.task_name {
                    println!("    task: {task} at {}", entry.location.as_deref().unwrap_or("?"));
                }
                if !entry.concurrent.is_empty() {
                    println!("    + {} concurrent exception(s)", entry.concurrent.len());
                }
                if traces {
                    println!("{}", entry.stacktrace);
                }
            }
            if e.truncated {
                println!("note: Flink dropped older entries (its history is bounded)");
            }
            e.notes.iter().for_each(|n| println!("note: {n}"));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A job id as given, or the id of the job with that name (running first, then newest).
pub(crate) async fn resolve_job(
    workspace: &Workspace,
    session: &Session,
    connection: &str,
    job: &str,
) -> anyhow::Result<String> {
    let looks_like_id = job.len() == 32 && job.bytes().all(|b| b.is_ascii_hexdigit());
    if looks_like_id {
        return Ok(job.to_string());
    }
    let jobs: Vec<JobSummary> = workspace.flink_jobs(session, connection).await?;
    jobs.iter().find(|j| j.name == job).map(|j| j.id.clone()).ok_or_else(|| {
        anyhow!("no Flink job with id or name '{job}' (see `streamlens flink jobs -c {connection}`)")
    })
}

fn duration(ms: f64) -> String {
    let s = (ms / 1000.0) as u64;
    match s {
        0..=59 => format!("{s}s"),
        60..=3599 => format!("{}m{:02}s", s / 60, s % 60),
        _ => format!("{}h{:02}m", s / 3600, (s % 3600) / 60),
    }
}
