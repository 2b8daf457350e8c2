//! The vertex drawer: subtasks from `/jobs/:jid/vertices/:vid`, their back-pressure from
//! `…/backpressure` and watermarks from `…/watermarks` (three requests, in parallel), with
//! hot spots flagged where one subtask handles far more records than the mean.

use serde_json::Value;

use super::client::{id_segment, FlinkClient};
use super::json::{count, field, list, number, split_subtask, text, watermark};
use super::model::{SubtaskInfo, VertexDetail};
use crate::error::Result;

/// A subtask is a hot spot when its records exceed the mean by this factor.
pub const SKEW_FACTOR: f64 = 1.5;

impl FlinkClient {
    pub async fn vertex_detail(&self, job: &str, vertex: &str) -> Result<VertexDetail> {
        let (job, vertex) = (id_segment("job", job)?, id_segment("vertex", vertex)?);
        let base = format!("jobs/{job}/vertices/{vertex}");
        let (backpressure_path, watermarks_path) =
            (format!("{base}/backpressure"), format!("{base}/watermarks"));
        let (detail, backpressure, watermarks) = tokio::join!(
            self.get(&base),
            self.get_optional(&backpressure_path),
            self.get_optional(&watermarks_path)
        );
        let mut notes = Vec::new();
        let backpressure = backpressure.unwrap_or_else(|e| {
            notes.push(format!("Back-pressure not available: {e}"));
            None
        });
        let watermarks = watermarks.unwrap_or_else(|e| {
            notes.push(format!("Watermarks not available: {e}"));
            None
        });
        Ok(build_vertex_detail(&detail?, backpressure.as_ref(), watermarks.as_ref(), notes))
    }
}

pub(crate) fn build_vertex_detail(
    detail: &Value,
    backpressure: Option<&Value>,
    watermarks: Option<&Value>,
    mut notes: Vec<String>,
) -> VertexDetail {
    let mut subtasks: Vec<SubtaskInfo> = list(detail, &["subtasks"])
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let m = field(s, &["metrics"]).cloned().unwrap_or(Value::Null);
            let n = |keys: &[&str]| number(&m, keys).filter(|x| *x >= 0.0);
            SubtaskInfo {
                subtask: count(s, &["subtask"]).unwrap_or(i as u32),
                status: text(s, &["status"]).unwrap_or_else(|| "UNKNOWN".into()),
                attempt: count(s, &["attempt"]).unwrap_or(0),
                host: text(s, &["endpoint", "host"])
                    .or_else(|| text(s, &["taskmanager-id", "taskmanager_id"]))
                    .unwrap_or_default(),
                read_records: n(&["read-records", "read_records"]),
                write_records: n(&["write-records", "write_records"]),
                read_bytes: n(&["read-bytes", "read_bytes"]),
                write_bytes: n(&["write-bytes", "write_bytes"]),
                duration_ms: number(s, &["duration"]).filter(|d| *d >= 0.0),
                busy_percent: None,
                backpressured_percent: None,
                backpressure_level: None,
                watermark: None,
                skewed: false,
            }
        })
        .collect();

    let mut level = None;
    match backpressure {
        Some(bp) if text(bp, &["status"]).as_deref() != Some("deprecated") => {
            level = text(bp, &["backpressureLevel", "backpressure-level"]);
            for sample in list(bp, &["subtasks"]) {
                let Some(index) = count(sample, &["subtask"]) else { continue };
                if let Some(subtask) = subtasks.iter_mut().find(|s| s.subtask == index) {
                    subtask.backpressure_level = text(sample, &["backpressureLevel", "backpressure-level"]);
                    subtask.backpressured_percent = number(sample, &["ratio"]).map(|r| r * 100.0);
                    subtask.busy_percent = number(sample, &["busyRatio", "busy-ratio"]).map(|r| r * 100.0);
                }
            }
        }
        _ => notes.push("This Flink did not report back-pressure for the vertex.".into()),
    }
    for entry in watermarks.and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default() {
        let Some(id) = text(entry, &["id"]) else { continue };
        let (Some(index), "currentInputWatermark") = split_subtask(&id) else { continue };
        if let Some(subtask) = subtasks.iter_mut().find(|s| s.subtask == index) {
            subtask.watermark = number(entry, &["value"]).and_then(watermark);
        }
    }
    let skew_ratio = flag_skew(&mut subtasks);
    VertexDetail {
        id: text(detail, &["id"]).unwrap_or_default(),
        name: text(detail, &["name"]).unwrap_or_default(),
        parallelism: count(detail, &["parallelism"]).unwrap_or(subtasks.len() as u32),
        subtasks,
        skew_ratio,
        backpressure_level: level,
        notes,
    }
}

/// Marks subtasks whose records (read, or written for sources) exceed the mean by
/// [`SKEW_FACTOR`]; returns max / mean.
fn flag_skew(subtasks: &mut [SubtaskInfo]) -> Option<f64> {
    if subtasks.len() < 2 {
        return None;
    }
    let reads: f64 = subtasks.iter().filter_map(|s| s.read_records).sum();
    let load = |s: &SubtaskInfo| if reads > 0.0 { s.read_records } else { s.write_records };
    let values: Vec<f64> = subtasks.iter().map(|s| load(s).unwrap_or(0.0)).collect();
    let mean = values.iter().sum::<f64>() / values.len() as f64;
    if mean <= 0.0 {
        return None;
    }
    for (subtask, value) in subtasks.iter_mut().zip(&values) {
        subtask.skewed = *value > mean * SKEW_FACTOR;
    }
    Some(values.iter().copied().fold(0.0, f64::max) / mean)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn a_hot_subtask_is_flagged() {
        let detail = json!({"id": "v", "name": "n", "parallelism": 3, "subtasks": [
            {"subtask": 0, "status": "RUNNING", "metrics": {"read-records": 100}},
            {"subtask": 1, "status": "RUNNING", "metrics": {"read-records": 100}},
            {"subtask": 2, "status": "RUNNING", "metrics": {"read-records": 1000}},
        ]});
        let v = build_vertex_detail(&detail, None, None, Vec::new());
        assert_eq!(v.subtasks.iter().map(|s| s.skewed).collect::<Vec<_>>(), vec![false, false, true]);
        assert!((v.skew_ratio.unwrap() - 2.5).abs() < 1e-9);
        assert_eq!(v.notes.len(), 1, "no back-pressure sample is said: {:?}", v.notes);
    }
}
