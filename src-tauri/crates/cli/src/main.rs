//! `streamlens`: the command-line face of the engine. Same workspace, same access checks,
//! same data path as the desktop app; output for people by default, `--json` for scripts.

mod connections;
mod consume;
mod flink;
mod groups;
mod policy;
mod produce;
mod recording;
mod schemas;
mod topics;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use streamlens_engine::access::{current_user, load, Role};
use streamlens_engine::paths::AppPaths;
use streamlens_engine::secrets::Keyring;
use streamlens_engine::Workspace;

#[derive(Parser)]
#[command(
    name = "streamlens",
    version,
    about = "Look inside a Kafka + Flink platform: topics, schemas, masked data, Flink jobs, recordings."
)]
struct Cli {
    /// The app data directory (database, logs). Defaults to the desktop app's.
    #[arg(long, global = true, env = "STREAMLENS_DATA_DIR")]
    data_dir: Option<PathBuf>,
    /// The role to act as. Personal mode: any role (developer by default). Managed mode: the
    /// policy assigns your role; this may only view as a role below it.
    #[arg(long, global = true, value_enum, env = "STREAMLENS_ROLE")]
    role: Option<RoleArg>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum RoleArg {
    Developer,
    Support,
    Troubleshooter,
    Admin,
}

impl From<RoleArg> for Role {
    fn from(role: RoleArg) -> Self {
        match role {
            RoleArg::Developer => Role::Developer,
            RoleArg::Support => Role::Support,
            RoleArg::Troubleshooter => Role::Troubleshooter,
            RoleArg::Admin => Role::Admin,
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Connection profiles: list, add, remove, test.
    #[command(subcommand)]
    Connections(connections::ConnectionsCommand),
    /// Kafka topics of a connection: list, describe.
    #[command(subcommand)]
    Topics(topics::TopicsCommand),
    /// Send one message (developer role; not to prod connections).
    Produce(produce::ProduceArgs),
    /// Consumer groups: list, describe (lag), reset offsets.
    #[command(subcommand)]
    Groups(groups::GroupsCommand),
    /// Schema Registry subjects: list, show, diff.
    #[command(subcommand)]
    Schemas(schemas::SchemasCommand),
    /// Read a topic's messages through the data path (decode, mask for your role, filter) as JSON lines.
    Consume(consume::ConsumeArgs),
    /// Flink: overview, jobs, a job's graph (text, DOT, SVG), checkpoints, exceptions.
    #[command(subcommand)]
    Flink(flink::FlinkCommand),
    /// Record a Flink job (and its topics, masked) into a .slrec file (developer role).
    Record(recording::RecordArgs),
    /// Open a .slrec recording offline: summary and integrity, events, exports, replay.
    Open(recording::OpenArgs),
    /// The workspace policy: keygen, sign, verify, show.
    #[command(subcommand)]
    Policy(policy::PolicyCommand),
    /// The audit log: list, verify (admin).
    #[command(subcommand)]
    Audit(policy::AuditCommand),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let _logs = streamlens_engine::logging::init(None, "warn");
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("error: cannot start the async runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let paths = match cli.data_dir {
        Some(dir) => AppPaths::new(dir),
        None => AppPaths::from_env()?,
    };
    if let Command::Policy(command) = &cli.command {
        if let Some(code) = policy::run_offline(command)? {
            return Ok(code);
        }
    }
    let loaded = load::load(&paths)?;
    let session = loaded.session(&current_user(), cli.role.map(Into::into))?;
    let workspace = Workspace::open(paths.clone(), Keyring::from_env()).await?;
    let source = loaded.source.as_ref().map(|p| p.display().to_string());
    workspace.note_policy(&session, &loaded.hash, source.as_deref()).await?;
    let code = match cli.command {
        Command::Connections(command) => connections::run(&workspace, &session, command).await,
        Command::Topics(command) => topics::run(&workspace, &session, command).await,
        Command::Consume(args) => consume::run(&workspace, &session, args).await,
        Command::Groups(command) => groups::run(&workspace, &session, command).await,
        Command::Produce(args) => produce::run(&workspace, &session, args).await,
        Command::Schemas(command) => schemas::run(&workspace, &session, command).await,
        Command::Flink(command) => flink::run(&workspace, &session, command).await,
        Command::Record(args) => recording::record(&workspace, &session, args).await,
        Command::Open(args) => recording::open(&workspace, &session, args).await,
        Command::Policy(_) => {
            policy::show(&loaded, &session, &paths);
            Ok(ExitCode::SUCCESS)
        }
        Command::Audit(command) => policy::run_audit(&workspace, &session, command).await,
    };
    workspace.close().await;
    code
}
