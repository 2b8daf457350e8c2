//! Exports: a Flink HistoryServer archive (`{"archive": [{"path": "/jobs/…", "json":
//! "<answer as text>"}]}` — the newest recorded answer of every path, the format
//! Flink's HistoryServer reads from its archive directory), and the captured records as
//! JSON lines.

use std::io::Write;
use std::path::Path;

use serde_json::json;

use super::reader::RecordingReader;
use crate::error::{Error, Result};

/// Writes the HistoryServer archive; returns how many paths it holds.
pub async fn export_history_archive(reader: &RecordingReader, out: &Path) -> Result<usize> {
    let snapshots = reader.latest_snapshots().await?;
    let archive: Vec<serde_json::Value> = snapshots
        .iter()
        .map(|(path, body)| {
            // HistoryServer paths are absolute and without query strings.
            let path = format!("/{}", path.split('?').next().unwrap_or(path));
            json!({ "path": path, "json": body })
        })
        .collect();
    let count = archive.len();
    let text =
        serde_json::to_string(&json!({ "archive": archive })).map_err(|e| Error::internal(e.to_string()))?;
    std::fs::write(out, text).map_err(|e| Error::invalid(format!("Cannot write {}: {e}.", out.display())))?;
    Ok(count)
}

/// Writes every captured record as one JSON line (`direction`, `topic`, `record`).
pub async fn export_records_jsonl(reader: &RecordingReader, out: &Path) -> Result<u64> {
    let file = std::fs::File::create(out)
        .map_err(|e| Error::invalid(format!("Cannot write {}: {e}.", out.display())))?;
    let mut file = std::io::BufWriter::new(file);
    let written = reader
        .each_record(|direction, topic, body| {
            writeln!(
                file,
                "{{\"direction\":{},\"topic\":{},\"record\":{body}}}",
                json!(direction),
                json!(topic)
            )
            .map_err(|e| Error::invalid(format!("Cannot write {}: {e}.", out.display())))
        })
        .await?;
    file.flush().map_err(|e| Error::invalid(format!("Cannot write {}: {e}.", out.display())))?;
    Ok(written)
}
