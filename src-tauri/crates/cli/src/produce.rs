//! `streamlens produce`: send one message (developer role, never to a prod connection).
//! The value comes from --value or standard input.

use std::io::Read;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use streamlens_engine::access::Session;
use streamlens_engine::kafka::producing::{HeaderInput, ProduceFormat, ProduceRequest, ProduceSchema};
use streamlens_engine::Workspace;

#[derive(Args)]
pub(crate) struct ProduceArgs {
    topic: String,
    #[arg(short, long)]
    connection: String,
    #[arg(short, long)]
    key: Option<String>,
    /// The value; without it, standard input is read. `--tombstone` sends none.
    #[arg(long)]
    value: Option<String>,
    #[arg(long, conflicts_with = "value")]
    tombstone: bool,
    #[arg(short, long)]
    partition: Option<i32>,
    /// A header as name=value (repeatable).
    #[arg(short = 'H', long = "header")]
    headers: Vec<String>,
    #[arg(long, value_enum, default_value = "json")]
    format: FormatArg,
    /// Encode the JSON value with this Schema Registry subject (Avro, Protobuf or JSON Schema).
    #[arg(long)]
    subject: Option<String>,
    /// The subject's version to encode with (default: the latest).
    #[arg(long, requires = "subject")]
    schema_version: Option<i32>,
    /// Protobuf: the message type to encode (default: the file's first message).
    #[arg(long, requires = "subject")]
    message: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Json,
    Text,
}

pub(crate) async fn run(
    workspace: &Workspace,
    session: &Session,
    args: ProduceArgs,
) -> anyhow::Result<ExitCode> {
    let value = match (args.tombstone, args.value) {
        (true, _) => None,
        (false, Some(v)) => Some(v),
        (false, None) => {
            let mut text = String::new();
            std::io::stdin().read_to_string(&mut text)?;
            Some(text.trim_end_matches('\n').to_string())
        }
    };
    let headers = args
        .headers
        .iter()
        .map(|h| {
            h.split_once('=')
                .map(|(k, v)| HeaderInput { key: k.to_string(), value: v.to_string() })
                .ok_or_else(|| anyhow::anyhow!("--header {h}: write it as name=value"))
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let request = ProduceRequest {
        topic: args.topic,
        partition: args.partition,
        key: args.key,
        value,
        headers,
        format: match args.format {
            FormatArg::Json => ProduceFormat::Json,
            FormatArg::Text => ProduceFormat::Text,
        },
        schema: args.subject.map(|subject| ProduceSchema {
            subject,
            version: args.schema_version,
            message: args.message,
        }),
    };
    let result = workspace.produce(session, &args.connection, &request).await?;
    println!("produced to {}-{} at offset {}", request.topic, result.partition, result.offset);
    Ok(ExitCode::SUCCESS)
}
