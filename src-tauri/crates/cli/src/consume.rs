//! `streamlens consume`: a topic's messages through the one data path (decode → mask for
//! the role → filter) to stdout as JSON lines or CSV, streamed — memory stays flat however many.

use std::io::Write;
use std::ops::ControlFlow;
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use anyhow::{bail, Context};
use clap::{Args, ValueEnum};
use streamlens_engine::access::Session;
use streamlens_engine::browse::export::ExportFormat;
use streamlens_engine::browse::{BrowseRequest, MessageFilter, MessageRecord, StartPosition};
use streamlens_engine::Workspace;

#[derive(Args)]
pub(crate) struct ConsumeArgs {
    topic: String,
    /// The connection (name or id).
    #[arg(short, long)]
    connection: String,
    /// earliest | latest:N (newest N per partition) | offset:N | timestamp:MILLIS
    #[arg(long, default_value = "earliest")]
    from: String,
    /// Read only these partitions (repeatable).
    #[arg(short, long)]
    partition: Vec<i32>,
    /// Stop after this many messages (after filtering).
    #[arg(long)]
    limit: Option<u64>,
    /// Keep only messages whose key, value or headers contain this text (case-insensitive).
    #[arg(long)]
    filter: Option<String>,
    /// Keep only messages for which this CEL expression is true, e.g. 'value.amount.value > 500.0'
    /// (variables: key, value, headers, partition, offset, timestamp, size).
    #[arg(long = "where")]
    expression: Option<String>,
    #[arg(long, value_enum, default_value = "jsonl")]
    format: Format,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Jsonl,
    Csv,
}

fn start_position(text: &str) -> anyhow::Result<StartPosition> {
    let (kind, arg) = text.split_once(':').unwrap_or((text, ""));
    let number = || arg.parse::<i64>().with_context(|| format!("--from {text}: '{arg}' is not a number"));
    Ok(match kind {
        "earliest" | "beginning" => StartPosition::Earliest,
        "latest" | "end" => {
            StartPosition::Latest { count: if arg.is_empty() { 0 } else { u32::try_from(number()?)? } }
        }
        "offset" => StartPosition::Offset { offset: number()? },
        "timestamp" => StartPosition::Timestamp { millis: number()? },
        _ => bail!("--from {text}: use earliest, latest:N, offset:N or timestamp:MILLIS"),
    })
}

pub(crate) async fn run(
    workspace: &Workspace,
    session: &Session,
    args: ConsumeArgs,
) -> anyhow::Result<ExitCode> {
    let format = match args.format {
        Format::Jsonl => ExportFormat::Jsonl,
        Format::Csv => ExportFormat::Csv,
    };
    let request = BrowseRequest {
        topic: args.topic.clone(),
        partitions: (!args.partition.is_empty()).then(|| args.partition.clone()),
        start: start_position(&args.from)?,
        limit: 0,
        filter: MessageFilter { text: args.filter.clone(), expression: args.expression.clone() },
    };
    let limit = args.limit.unwrap_or(u64::MAX);
    let records = format.writer(&args.topic);
    let mut out = std::io::BufWriter::with_capacity(256 * 1024, std::io::stdout());
    if let Some(header) = format.header() {
        out.write_all(header.as_bytes())?;
    }
    let mut written = 0u64;
    let mut line = String::with_capacity(1024);
    let sink = Box::new(move |record: MessageRecord| {
        line.clear();
        records.write(&mut line, &record);
        if out.write_all(line.as_bytes()).is_err() {
            return ControlFlow::Break(()); // stdout closed (`| head`): stop quietly
        }
        written += 1;
        if written >= limit {
            let _ = out.flush();
            return ControlFlow::Break(());
        }
        ControlFlow::Continue(())
    });
    let outcome = workspace
        .stream_messages(
            session,
            &args.connection,
            &request,
            Arc::new(AtomicBool::new(false)),
            sink,
            Box::new(|_| {}),
        )
        .await?;
    eprintln!("{} scanned, {} matched", outcome.scanned, outcome.matched);
    if let Some(why) = &outcome.stopped {
        // Resume with `--from offset:N -p P` from the positions named.
        eprintln!("streamlens: {why}");
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}
