//! `streamlens connections …`: list, show, add, remove and test connection profiles.
//! Secrets are read from environment variables, never from arguments (which `ps` shows).

use std::process::ExitCode;

use clap::{Args, Subcommand, ValueEnum};
use streamlens_engine::access::Session;
use streamlens_engine::probe::{PartProbe, ProbeReport};
use streamlens_engine::profile::{
    ConnectionProfile, Environment, HttpAuth, HttpEndpoint, KafkaSettings, ProfileDraft, SaslMechanism,
    SecretSlot, SecretUpdate, SecurityProtocol,
};
use streamlens_engine::Workspace;

#[derive(Subcommand)]
pub(crate) enum ConnectionsCommand {
    /// List the connection profiles.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Show one profile's settings (never its secrets).
    Show { profile: String },
    /// Add a profile. Secrets come from STREAMLENS_KAFKA_PASSWORD, STREAMLENS_KAFKA_CLIENT_KEY,
    /// STREAMLENS_REGISTRY_PASSWORD, STREAMLENS_REGISTRY_TOKEN, STREAMLENS_FLINK_PASSWORD, STREAMLENS_FLINK_TOKEN.
    Add(AddArgs),
    /// Remove a profile and its secrets.
    Remove { profile: String },
    /// Check each part of a profile and say precisely what failed. Exit code 1 if any part fails.
    Test {
        profile: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
pub(crate) struct AddArgs {
    #[arg(long)]
    name: String,
    #[arg(long, value_enum, default_value = "dev")]
    env: EnvArg,
    /// Kafka bootstrap servers, host:port[,host:port…]
    #[arg(long)]
    kafka: Option<String>,
    #[arg(long, value_enum, default_value = "plaintext")]
    kafka_protocol: ProtocolArg,
    #[arg(long, value_enum, default_value = "plain")]
    sasl_mechanism: MechanismArg,
    #[arg(long)]
    sasl_username: Option<String>,
    /// Schema Registry URL
    #[arg(long)]
    registry: Option<String>,
    #[arg(long, value_enum, default_value = "none")]
    registry_auth: AuthArg,
    #[arg(long)]
    registry_username: Option<String>,
    /// Flink REST URL
    #[arg(long)]
    flink: Option<String>,
    #[arg(long, value_enum, default_value = "none")]
    flink_auth: AuthArg,
    #[arg(long)]
    flink_username: Option<String>,
    /// Do nothing (and succeed) when a profile with this name exists.
    #[arg(long)]
    if_missing: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum EnvArg {
    Dev,
    Test,
    Prod,
}

#[derive(Clone, Copy, ValueEnum)]
enum ProtocolArg {
    Plaintext,
    Ssl,
    SaslPlaintext,
    SaslSsl,
}

#[derive(Clone, Copy, ValueEnum)]
enum MechanismArg {
    Plain,
    ScramSha256,
    ScramSha512,
}

#[derive(Clone, Copy, ValueEnum)]
enum AuthArg {
    None,
    Basic,
    Bearer,
}

impl From<AuthArg> for HttpAuth {
    fn from(a: AuthArg) -> Self {
        match a {
            AuthArg::None => HttpAuth::None,
            AuthArg::Basic => HttpAuth::Basic,
            AuthArg::Bearer => HttpAuth::Bearer,
        }
    }
}

pub(crate) async fn run(
    workspace: &Workspace,
    session: &Session,
    command: ConnectionsCommand,
) -> anyhow::Result<ExitCode> {
    match command {
        ConnectionsCommand::List { json } => {
            let profiles = workspace.list_connections(session).await?;
            if json {
                println!("{}", serde_json::to_string_pretty(&profiles)?);
            } else if profiles.is_empty() {
                println!("No connections yet. Add one with `streamlens connections add --name NAME --kafka HOST:PORT`.");
            } else {
                for p in &profiles {
                    println!("{:<28} {:<5} {}", p.name, p.environment.as_str(), parts(p));
                }
            }
        }
        ConnectionsCommand::Show { profile } => {
            let profile = workspace.find_connection(session, &profile).await?;
            println!("{}", serde_json::to_string_pretty(&profile)?);
        }
        ConnectionsCommand::Add(args) => {
            if args.if_missing && workspace.find_connection(session, &args.name).await.is_ok() {
                println!("Connection '{}' exists; left as it is.", args.name);
                return Ok(ExitCode::SUCCESS);
            }
            let saved = workspace.save_connection(session, draft_from(args)).await?;
            println!("Saved connection '{}' ({}).", saved.name, saved.id);
        }
        ConnectionsCommand::Remove { profile } => {
            let found = workspace.find_connection(session, &profile).await?;
            workspace.delete_connection(session, &found.id).await?;
            println!("Removed connection '{}' and its secrets.", found.name);
        }
        ConnectionsCommand::Test { profile, json } => {
            let found = workspace.find_connection(session, &profile).await?;
            let report = workspace.test_connection(session, &found.id).await?;
            if json {
                println!("{}", serde_json::to_string_pretty(&report)?);
            } else {
                print_report(&found, &report);
            }
            return Ok(if report.all_ok() { ExitCode::SUCCESS } else { ExitCode::from(1) });
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn parts(p: &ConnectionProfile) -> String {
    let mut out = Vec::new();
    if let Some(k) = &p.kafka {
        out.push(format!("kafka={}", k.bootstrap_servers));
    }
    if let Some(r) = &p.schema_registry {
        out.push(format!("registry={}", r.url));
    }
    if let Some(f) = &p.flink {
        out.push(format!("flink={}", f.url));
    }
    out.join(" ")
}

fn draft_from(args: AddArgs) -> ProfileDraft {
    let kafka = args.kafka.map(|bootstrap| KafkaSettings {
        security_protocol: match args.kafka_protocol {
            ProtocolArg::Plaintext => SecurityProtocol::Plaintext,
            ProtocolArg::Ssl => SecurityProtocol::Ssl,
            ProtocolArg::SaslPlaintext => SecurityProtocol::SaslPlaintext,
            ProtocolArg::SaslSsl => SecurityProtocol::SaslSsl,
        },
        sasl_mechanism: match args.sasl_mechanism {
            MechanismArg::Plain => SaslMechanism::Plain,
            MechanismArg::ScramSha256 => SaslMechanism::ScramSha256,
            MechanismArg::ScramSha512 => SaslMechanism::ScramSha512,
        },
        sasl_username: args.sasl_username,
        ..KafkaSettings::plaintext(bootstrap)
    });
    let endpoint = |url: Option<String>, auth: AuthArg, username: Option<String>| {
        url.map(|url| HttpEndpoint { auth: auth.into(), username, ..HttpEndpoint::open(url) })
    };
    let secrets = [
        (SecretSlot::KafkaPassword, "STREAMLENS_KAFKA_PASSWORD"),
        (SecretSlot::KafkaClientKey, "STREAMLENS_KAFKA_CLIENT_KEY"),
        (SecretSlot::RegistryPassword, "STREAMLENS_REGISTRY_PASSWORD"),
        (SecretSlot::RegistryToken, "STREAMLENS_REGISTRY_TOKEN"),
        (SecretSlot::FlinkPassword, "STREAMLENS_FLINK_PASSWORD"),
        (SecretSlot::FlinkToken, "STREAMLENS_FLINK_TOKEN"),
    ]
    .into_iter()
    .filter_map(|(slot, var)| {
        std::env::var(var).ok().filter(|v| !v.is_empty()).map(|v| SecretUpdate { slot, value: Some(v) })
    })
    .collect();
    ProfileDraft {
        id: None,
        name: args.name,
        environment: match args.env {
            EnvArg::Dev => Environment::Dev,
            EnvArg::Test => Environment::Test,
            EnvArg::Prod => Environment::Prod,
        },
        kafka,
        schema_registry: endpoint(args.registry, args.registry_auth, args.registry_username),
        flink: endpoint(args.flink, args.flink_auth, args.flink_username),
        secrets,
    }
}

fn print_report(profile: &ConnectionProfile, report: &ProbeReport) {
    println!("Testing '{}' ({})", profile.name, profile.environment.as_str());
    let rows =
        [("Kafka", &report.kafka), ("Schema Registry", &report.schema_registry), ("Flink", &report.flink)];
    for (label, part) in rows {
        match part {
            None => println!("  -  {label:<16} not configured"),
            Some(PartProbe { ok: true, summary, elapsed_ms, .. }) => {
                println!("  ok {label:<16} {summary} ({elapsed_ms} ms)")
            }
            Some(PartProbe { failure, elapsed_ms, .. }) => {
                let (kind, message) = failure
                    .as_ref()
                    .map(|f| (format!("{:?}", f.kind).to_lowercase(), f.message.as_str()))
                    .unwrap_or_default();
                println!("  FAIL {label:<14} [{kind}] {message} ({elapsed_ms} ms)");
            }
        }
    }
}
