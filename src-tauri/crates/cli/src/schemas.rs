//! `streamlens schemas …`: the connection's Schema Registry — list subjects, show a version,
//! diff two versions (unified diff of the pretty-printed schemas).

use std::process::ExitCode;

use clap::Subcommand;
use similar::TextDiff;
use streamlens_engine::access::Session;
use streamlens_engine::schema::{SchemaType, SubjectVersion};
use streamlens_engine::Workspace;

#[derive(Subcommand)]
pub(crate) enum SchemasCommand {
    /// List subjects, with the global compatibility level and mode.
    List {
        #[arg(short, long)]
        connection: String,
        #[arg(long)]
        json: bool,
    },
    /// A subject's schema (latest or --version N), pretty-printed, with its id, versions and compatibility.
    Show {
        #[arg(short, long)]
        connection: String,
        subject: String,
        #[arg(long, default_value = "latest")]
        version: String,
        #[arg(long)]
        json: bool,
    },
    /// Unified diff between two versions of a subject (numbers or "latest").
    Diff {
        #[arg(short, long)]
        connection: String,
        subject: String,
        from: String,
        to: String,
    },
}

pub(crate) async fn run(
    workspace: &Workspace,
    session: &Session,
    command: SchemasCommand,
) -> anyhow::Result<ExitCode> {
    match command {
        SchemasCommand::List { connection, json } => {
            let overview = workspace.registry_overview(session, &connection).await?;
            if json {
                println!("{}", serde_json::to_string_pretty(&overview)?);
            } else {
                println!("# compatibility {}, mode {}", overview.compatibility, overview.mode);
                for subject in &overview.subjects {
                    println!("{subject}");
                }
            }
        }
        SchemasCommand::Show { connection, subject, version, json } => {
            let detail = workspace.subject_detail(session, &connection, &subject).await?;
            let shown = if version == "latest" {
                detail.latest.clone()
            } else {
                workspace.subject_version(session, &connection, &subject, &version).await?
            };
            if json {
                println!("{}", serde_json::to_string_pretty(&shown)?);
            } else {
                let global = if detail.compatibility_is_global { " (global)" } else { "" };
                println!(
                    "# {} version {} of {:?}, id {}, {}, compatibility {}{global}, mode {}",
                    shown.subject,
                    shown.version,
                    detail.versions,
                    shown.id,
                    shown.schema_type.as_str(),
                    detail.compatibility,
                    detail.mode
                );
                for reference in &shown.references {
                    println!(
                        "# reference {} -> {} v{}",
                        reference.name, reference.subject, reference.version
                    );
                }
                if !detail.topics.is_empty() {
                    println!("# used by {}", detail.topics.join(", "));
                }
                println!("{}", pretty(&shown));
            }
        }
        SchemasCommand::Diff { connection, subject, from, to } => {
            let (old, new) = tokio::try_join!(
                workspace.subject_version(session, &connection, &subject, &from),
                workspace.subject_version(session, &connection, &subject, &to),
            )?;
            let (old_text, new_text) = (pretty(&old), pretty(&new));
            let diff = TextDiff::from_lines(&old_text, &new_text);
            let header = (format!("{subject} v{}", old.version), format!("{subject} v{}", new.version));
            print!("{}", diff.unified_diff().context_radius(3).header(&header.0, &header.1));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Avro and JSON Schema re-indented as JSON; Protobuf text as registered.
fn pretty(version: &SubjectVersion) -> String {
    match version.schema_type {
        SchemaType::Avro | SchemaType::Json => serde_json::from_str::<serde_json::Value>(&version.schema)
            .and_then(|v| serde_json::to_string_pretty(&v))
            .unwrap_or_else(|_| version.schema.clone()),
        SchemaType::Protobuf => version.schema.clone(),
    }
}
