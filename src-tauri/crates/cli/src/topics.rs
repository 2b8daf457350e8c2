//! `streamlens topics …`: list, describe and create topics of a connection's Kafka cluster.

use std::process::ExitCode;

use clap::Subcommand;
use streamlens_engine::access::Session;
use streamlens_engine::Workspace;

#[derive(Subcommand)]
pub(crate) enum TopicsCommand {
    /// List topics with partitions, replication factor and message count.
    List {
        /// The connection (name or id).
        #[arg(short, long)]
        connection: String,
        /// Include internal topics (names starting with "__").
        #[arg(long)]
        internal: bool,
        #[arg(long)]
        json: bool,
    },
    /// Show a topic's partitions (leader, replicas, ISR, watermarks) and configs.
    Describe {
        #[arg(short, long)]
        connection: String,
        topic: String,
        #[arg(long)]
        json: bool,
    },
    /// Create a topic (developer role; on a prod connection, --confirm with the topic name).
    Create {
        #[arg(short, long)]
        connection: String,
        topic: String,
        #[arg(long, default_value_t = 1)]
        partitions: u32,
        #[arg(long, default_value_t = 1)]
        replication_factor: u32,
        #[arg(long)]
        confirm: Option<String>,
    },
}

pub(crate) async fn run(
    workspace: &Workspace,
    session: &Session,
    command: TopicsCommand,
) -> anyhow::Result<ExitCode> {
    match command {
        TopicsCommand::List { connection, internal, json } => {
            let topics: Vec<_> = workspace
                .list_topics(session, &connection)
                .await?
                .into_iter()
                .filter(|t| internal || !t.internal)
                .collect();
            if json {
                println!("{}", serde_json::to_string_pretty(&topics)?);
            } else {
                println!("{:<48} {:>10} {:>11} {:>12}", "TOPIC", "PARTITIONS", "REPLICATION", "MESSAGES");
                for t in &topics {
                    println!(
                        "{:<48} {:>10} {:>11} {:>12}",
                        t.name, t.partitions, t.replication_factor, t.message_count
                    );
                }
            }
        }
        TopicsCommand::Create { connection, topic, partitions, replication_factor, confirm } => {
            let new = streamlens_engine::kafka::model::NewTopic {
                name: topic,
                partitions,
                replication_factor,
                configs: vec![],
            };
            let created = workspace.create_topic(session, &connection, &new, confirm.as_deref()).await?;
            println!("created {} ({} partitions)", created.name, created.partitions.len());
        }
        TopicsCommand::Describe { connection, topic, json } => {
            let detail = workspace.describe_topic(session, &connection, &topic).await?;
            if json {
                println!("{}", serde_json::to_string_pretty(&detail)?);
            } else {
                println!("{} ({} messages)", detail.name, detail.message_count);
                println!(
                    "{:>9} {:>6} {:<12} {:<12} {:>10} {:>10}",
                    "PARTITION", "LEADER", "REPLICAS", "ISR", "LOW", "HIGH"
                );
                for p in &detail.partitions {
                    let list = |v: &[i32]| v.iter().map(i32::to_string).collect::<Vec<_>>().join(",");
                    println!(
                        "{:>9} {:>6} {:<12} {:<12} {:>10} {:>10}",
                        p.id,
                        p.leader,
                        list(&p.replicas),
                        list(&p.isr),
                        p.low_watermark,
                        p.high_watermark
                    );
                }
                match &detail.config_note {
                    Some(note) => println!("configs: {note}"),
                    None => {
                        for c in &detail.configs {
                            let value = c.value.as_deref().unwrap_or("(sensitive)");
                            println!(
                                "  {} = {}{}",
                                c.name,
                                value,
                                if c.is_default { "  (default)" } else { "" }
                            );
                        }
                    }
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
