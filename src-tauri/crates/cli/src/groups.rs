//! `streamlens groups …`: consumer groups of a connection — list, describe (lag), reset.

use std::process::ExitCode;

use clap::Subcommand;
use streamlens_engine::access::Session;
use streamlens_engine::kafka::group_model::{OffsetReset, ResetTarget};
use streamlens_engine::Workspace;

#[derive(Subcommand)]
pub(crate) enum GroupsCommand {
    /// List consumer groups with state, members and total lag.
    List {
        #[arg(short, long)]
        connection: String,
        #[arg(long)]
        json: bool,
    },
    /// A group's members and per-partition committed offset, end offset and lag.
    Describe {
        #[arg(short, long)]
        connection: String,
        group: String,
        #[arg(long)]
        json: bool,
    },
    /// Move an inactive group's committed offsets on one topic. Prints the plan; applies it with --execute.
    Reset {
        #[arg(short, long)]
        connection: String,
        group: String,
        #[arg(long)]
        topic: String,
        /// earliest | latest | offset:N | timestamp:MILLIS
        #[arg(long = "to")]
        to: String,
        #[arg(short, long)]
        partition: Vec<i32>,
        /// Apply the plan (without it, a dry run).
        #[arg(long)]
        execute: bool,
        /// The broker cannot describe the group and you have stopped its consumers.
        #[arg(long)]
        assume_inactive: bool,
        /// On a prod connection: the group id again, to confirm.
        #[arg(long)]
        confirm: Option<String>,
    },
}

fn target(text: &str) -> anyhow::Result<ResetTarget> {
    let (kind, arg) = text.split_once(':').unwrap_or((text, ""));
    Ok(match kind {
        "earliest" => ResetTarget::Earliest,
        "latest" => ResetTarget::Latest,
        "offset" => ResetTarget::Offset { offset: arg.parse()? },
        "timestamp" => ResetTarget::Timestamp { millis: arg.parse()? },
        _ => anyhow::bail!("--to {text}: use earliest, latest, offset:N or timestamp:MILLIS"),
    })
}

pub(crate) async fn run(
    workspace: &Workspace,
    session: &Session,
    command: GroupsCommand,
) -> anyhow::Result<ExitCode> {
    match command {
        GroupsCommand::List { connection, json } => {
            let groups = workspace.list_groups(session, &connection).await?;
            if json {
                println!("{}", serde_json::to_string_pretty(&groups)?);
            } else {
                println!("{:<40} {:<20} {:>7} {:>12}  TOPICS", "GROUP", "STATE", "MEMBERS", "LAG");
                for g in &groups {
                    println!(
                        "{:<40} {:<20} {:>7} {:>12}  {}",
                        g.group_id,
                        g.state,
                        g.members,
                        g.total_lag,
                        g.topics.join(",")
                    );
                }
            }
        }
        GroupsCommand::Describe { connection, group, json } => {
            let detail = workspace.describe_group(session, &connection, &group).await?;
            if json {
                println!("{}", serde_json::to_string_pretty(&detail)?);
            } else {
                let s = &detail.summary;
                println!("{} — {} — {} member(s) — lag {}", s.group_id, s.state, s.members, s.total_lag);
                if let Some(note) = &detail.note {
                    println!("note: {note}");
                }
                for m in &detail.members {
                    println!(
                        "  member {} ({} @ {}): {}",
                        m.member_id,
                        m.client_id,
                        m.host,
                        m.assignment.join(", ")
                    );
                }
                println!(
                    "{:<40} {:>9} {:>12} {:>12} {:>10}",
                    "TOPIC", "PARTITION", "COMMITTED", "END", "LAG"
                );
                for p in &detail.partitions {
                    println!(
                        "{:<40} {:>9} {:>12} {:>12} {:>10}",
                        p.topic, p.partition, p.committed, p.end_offset, p.lag
                    );
                }
            }
        }
        GroupsCommand::Reset {
            connection,
            group,
            topic,
            to,
            partition,
            execute,
            assume_inactive,
            confirm,
        } => {
            let reset = OffsetReset {
                group_id: group,
                topic,
                partitions: (!partition.is_empty()).then_some(partition),
                target: target(&to)?,
                dry_run: !execute,
                assume_inactive,
            };
            let plan = workspace.reset_offsets(session, &connection, &reset, confirm.as_deref()).await?;
            for c in &plan.changes {
                let from = c.from.map_or("-".to_string(), |f| f.to_string());
                println!("{}-{}: {} -> {}", plan.topic, c.partition, from, c.to);
            }
            println!(
                "{}",
                if plan.applied { "applied" } else { "dry run: nothing changed (add --execute to apply)" }
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
