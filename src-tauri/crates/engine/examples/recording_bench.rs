//! Benchmark for recordings (docs/benchmarks.md): writes a recording of HOURS at 1 s
//! sampling for a VERTICES-vertex job plus RECORDS captured records, then measures what a
//! person opening it waits for — the first screen (summary, events, the graph and
//! metrics at the start), seeking to random times (metrics and graph at a time), a
//! series, records around a time, the full integrity check — and the peak memory.
//!
//!   cargo run --release -p streamlens-engine --example recording_bench -- OUT.slrec [HOURS] [VERTICES] [RECORDS]
//!
//! Prints one JSON object. An existing OUT is reused (delete it to regenerate).

use std::path::PathBuf;
use std::time::Instant;

use serde_json::json;
use streamlens_engine::browse::MessageFilter;
use streamlens_engine::recording::model::{EventKind, Manifest, FORMAT_VERSION};
use streamlens_engine::recording::writer::{Batch, NewEvent, NewRecord, Sample};
use streamlens_engine::recording::{RecordingReader, RecordingWriter};

const JOB: &str = "0123456789abcdef0123456789abcdef";

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let out =
        PathBuf::from(args.get(1).ok_or("usage: recording_bench OUT.slrec [HOURS] [VERTICES] [RECORDS]")?);
    let hours: f64 = args.get(2).map_or(Ok(1.0), |a| a.parse())?;
    let vertices: usize = args.get(3).map_or(Ok(50), |a| a.parse())?;
    let records: usize = args.get(4).map_or(Ok(1_000_000), |a| a.parse())?;
    let polls = (hours * 3600.0) as usize;
    let start = 1_796_000_000_000.0;
    let ids: Vec<String> = (0..vertices).map(|i| format!("{i:032x}")).collect();

    let mut write_s = None;
    if !out.exists() {
        let t = Instant::now();
        write(&out, start, polls, &ids, records).await?;
        write_s = Some(t.elapsed().as_secs_f64());
    }
    let file_bytes = std::fs::metadata(&out)?.len();

    // The first screen.
    let t = Instant::now();
    let reader = RecordingReader::open(&out).await?;
    let summary = reader.summary().await?;
    let events = reader.events(&[], 5_000).await?;
    let graph = reader.graph_at(summary.start).await?;
    let metrics = reader.metrics_at(summary.start + 1000.0).await?;
    let records_page = reader.records(summary.start, false, &MessageFilter::default(), 200).await?;
    let first_screen_ms = t.elapsed().as_secs_f64() * 1000.0;

    // Seeks to 200 times spread over the recording (deterministic).
    let mut seeks = Vec::new();
    for i in 0..200u64 {
        let at = summary.start + ((i * 7919) % 200) as f64 / 200.0 * (summary.end - summary.start);
        let t = Instant::now();
        let m = reader.metrics_at(at).await?;
        let g = reader.graph_at(at).await?;
        let r = reader.records(at, false, &MessageFilter::default(), 100).await?;
        seeks.push(t.elapsed().as_secs_f64() * 1000.0);
        assert!(!m.is_empty() && !g.vertices.is_empty() && r.records.len() <= 100);
    }
    seeks.sort_by(f64::total_cmp);
    let t = Instant::now();
    let series = reader.series(&ids[0], "busyPercent", None).await?;
    let series_ms = t.elapsed().as_secs_f64() * 1000.0;
    let t = Instant::now();
    let integrity = reader.verify().await?;
    let verify_s = t.elapsed().as_secs_f64();
    println!(
        "{}",
        json!({
            "hours": hours, "vertices": vertices, "records": records,
            "samples": summary.counts.samples, "file_mib": file_bytes as f64 / 1048576.0,
            "write_s": write_s,
            "first_screen_ms": first_screen_ms,
            "first_screen": {"events": events.len(), "graph_vertices": graph.vertices.len(), "metrics": metrics.len(), "records": records_page.records.len()},
            "seek_ms": {"median": seeks[seeks.len() / 2], "p95": seeks[seeks.len() * 95 / 100], "max": seeks[seeks.len() - 1]},
            "series_ms": series_ms, "series_points": series.points.len(),
            "verify_s": verify_s, "integrity": integrity,
            "peak_rss_mib": peak_rss_mib(),
        })
    );
    Ok(())
}

async fn write(
    out: &std::path::Path,
    start: f64,
    polls: usize,
    ids: &[String],
    records: usize,
) -> Result<(), Box<dyn std::error::Error>> {
    let manifest = Manifest {
        format_version: FORMAT_VERSION,
        app_version: "bench".into(),
        recorded_by: "bench".into(),
        recorded_at: "2026-11-30T00:00:00Z".into(),
        connection: "bench".into(),
        flink_url: "http://127.0.0.1:18082".into(),
        flink_version: "2.3.0".into(),
        job_id: JOB.into(),
        job_name: "Bench".into(),
        start,
        end: None,
        interval_ms: 1000,
        policy_hash: "0".repeat(64),
        masked_for_role: "support".into(),
        topics: vec![],
    };
    let mut writer = RecordingWriter::create(out, manifest).await?;
    let nodes: Vec<serde_json::Value> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let inputs = if i == 0 { json!([]) } else { json!([{"id": ids[i - 1], "ship_strategy": "HASH", "exchange": "pipelined_bounded"}]) };
            json!({"id": id, "parallelism": 4, "description": format!("op-{i}<br/>+- chained-{i}<br/>"), "inputs": inputs})
        })
        .collect();
    let plan = json!({"plan": {"jid": JOB, "name": "Bench", "nodes": nodes}}).to_string();
    let per_poll = records / polls.max(1);
    let mut offset = 0i64;
    for poll in 0..polls {
        let at = start + poll as f64 * 1000.0;
        let mut batch = Batch::default();
        let detail = json!({"jid": JOB, "name": "Bench", "state": "RUNNING", "now": at,
            "vertices": ids.iter().map(|id| json!({"id": id, "name": id, "parallelism": 4, "status": "RUNNING"})).collect::<Vec<_>>()});
        if poll % 10 == 0 {
            batch.snapshots.push((at, format!("jobs/{JOB}"), detail.to_string()));
        }
        if poll == 0 {
            batch.snapshots.push((at, format!("jobs/{JOB}/plan"), plan.clone()));
            batch.events.push(NewEvent {
                at,
                kind: EventKind::JobState,
                summary: "Job RUNNING".into(),
                detail: json!({"to": "RUNNING"}),
            });
        }
        if poll % 5 == 0 {
            batch.events.push(NewEvent {
                at,
                kind: EventKind::CheckpointCompleted,
                summary: format!("Checkpoint {poll}"),
                detail: json!({}),
            });
        }
        for id in ids {
            for metric in [
                "recordsInPerSecond",
                "recordsOutPerSecond",
                "busyPercent",
                "backpressuredPercent",
                "lowWatermark",
                "readRecords",
                "writeRecords",
            ] {
                batch.samples.push(Sample {
                    at,
                    vertex: id.clone(),
                    subtask: None,
                    metric: metric.into(),
                    value: (poll % 100) as f64,
                });
            }
        }
        for _ in 0..per_poll {
            let value = format!(
                r#"{{"order_id":"O-{offset}","customer":{{"email":"***","phone":"***"}},"total":{}}}"#,
                offset % 1000
            );
            batch.records.push(NewRecord {
                at, direction: "input".into(), topic: "orders".into(), partition: (offset % 3) as i32, offset,
                body: json!({"partition": offset % 3, "offset": offset, "timestamp": at, "timestampKind": "create_time",
                    "key": {"format": "text", "text": format!("O-{offset}"), "masks": []},
                    "value": {"format": "json", "text": value, "masks": [{"path": "$.customer.email", "rule": "built-in: email"}]},
                    "headers": [], "sizeBytes": 120}),
            });
            offset += 1;
        }
        writer.append(&batch).await?;
        if poll % 300 == 0 {
            writer.checkpoint().await?;
        }
    }
    writer.finish(start + polls as f64 * 1000.0, None).await?;
    Ok(())
}

fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).map(str::to_string))
        .and_then(|l| l.split_whitespace().nth(1).and_then(|kb| kb.parse::<f64>().ok()))
        .map_or(0.0, |kb| kb / 1024.0)
}
