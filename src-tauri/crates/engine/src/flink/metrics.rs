//! Live graph metrics within a request budget. One `/jobs/:jid` per refresh gives every
//! vertex's cumulative counters (records, accumulated busy and back-pressured time); rates
//! come from the difference between the last two *distinct* counter samples, each timed
//! when first seen — Flink refreshes these counters only every few seconds (10 s by
//! default), so two refreshes in a row often see the same numbers. Only the vertices the caller names
//! (those on screen) are also read from the aggregated
//! `vertices/:vid/subtasks/metrics?get=…&agg=…` endpoint — at most
//! [`MAX_DETAILED_VERTICES`] per refresh — for instantaneous rates, the busiest subtask and
//! the low watermark. A 300-vertex job thus costs 1 + 24 requests, where a dashboard that
//! asks per vertex costs 300 or more.

use std::collections::HashMap;

use futures_util::future::join_all;
use serde_json::Value;

use super::client::{id_segment, FlinkClient};
use super::json::{as_number, count, field, list, number, text, watermark};
use super::model::{AggregatedMetric, GraphMetrics, MetricSource, VertexMetrics};
use crate::error::Result;

/// Vertices read in detail per refresh; the rest are derived from counters.
pub const MAX_DETAILED_VERTICES: usize = 24;

const DETAIL_METRICS: &str =
    "numRecordsInPerSecond,numRecordsOutPerSecond,busyTimeMsPerSecond,backPressuredTimeMsPerSecond,currentInputWatermark";

/// One vertex's cumulative counters at one refresh.
#[derive(Debug, Clone, PartialEq)]
pub struct VertexCounters {
    pub parallelism: u32,
    pub read_records: Option<f64>,
    pub write_records: Option<f64>,
    pub busy_ms: Option<f64>,
    pub backpressured_ms: Option<f64>,
}

/// All vertices' counters at one refresh.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CounterSample {
    pub at: f64,
    pub state: String,
    pub vertices: Vec<(String, VertexCounters)>,
}

/// The last two distinct counter samples of a job: what rates are derived from.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CounterHistory {
    older: Option<CounterSample>,
    latest: Option<CounterSample>,
}

impl CounterHistory {
    /// Takes a new sample; one with the same counters as the latest is not new (Flink has
    /// not refreshed them), so the latest keeps the time it was first seen.
    pub fn push(&mut self, sample: CounterSample) {
        match &self.latest {
            Some(latest) if latest.vertices == sample.vertices => {}
            _ => self.older = self.latest.replace(sample),
        }
    }
}

impl FlinkClient {
    /// One refresh: counters for all vertices, details for up to 24 of `detailed`.
    /// `history` holds the job's earlier counters and takes this refresh's.
    pub async fn graph_metrics(
        &self,
        job: &str,
        detailed: &[String],
        history: &mut CounterHistory,
    ) -> Result<GraphMetrics> {
        let job = id_segment("job", job)?;
        let detail = self.get(&format!("jobs/{job}")).await?;
        self.graph_metrics_from(job, &detail, detailed, history).await
    }

    /// [`graph_metrics`](Self::graph_metrics) for a `/jobs/:jid` answer already fetched.
    pub async fn graph_metrics_from(
        &self,
        job: &str,
        detail: &Value,
        detailed: &[String],
        history: &mut CounterHistory,
    ) -> Result<GraphMetrics> {
        let job = id_segment("job", job)?;
        let sample = counters(detail);
        let (at, state) = (sample.at, sample.state.clone());
        history.push(sample);
        let Some(sample) = history.latest.as_ref() else {
            return Err(crate::error::Error::internal("no counter sample after a refresh"));
        };
        let previous = history.older.as_ref();
        let known: Vec<&str> = sample.vertices.iter().map(|(id, _)| id.as_str()).collect();
        let wanted: Vec<&str> = detailed.iter().map(String::as_str).filter(|id| known.contains(id)).collect();
        let over_budget = wanted.len().saturating_sub(MAX_DETAILED_VERTICES) as u32;
        let asked = &wanted[..wanted.len().min(MAX_DETAILED_VERTICES)];
        let paths: Vec<String> = asked
            .iter()
            .map(|vertex| {
                format!("jobs/{job}/vertices/{vertex}/subtasks/metrics?get={DETAIL_METRICS}&agg=min,max,sum")
            })
            .collect();
        let answers = join_all(paths.iter().map(|path| self.get(path))).await;
        let details: HashMap<&str, Vec<AggregatedMetric>> = asked
            .iter()
            .zip(answers)
            .filter_map(|(vertex, answer)| answer.ok().map(|value| (*vertex, parse_aggregated(&value))))
            // Flink answers `[]` to the whole request when one asked id is unknown to the
            // vertex; such a vertex keeps its counter-derived figures.
            .filter(|(_, aggregated)| !aggregated.is_empty())
            .collect();
        let vertices = sample
            .vertices
            .iter()
            .map(|(id, now)| {
                let before = previous
                    .and_then(|p| p.vertices.iter().find(|(pid, _)| pid == id).map(|(_, c)| (p.at, c)));
                let mut metrics = derived(id, now, sample.at, before);
                if let Some(aggregated) = details.get(id.as_str()) {
                    apply_detail(&mut metrics, aggregated);
                }
                metrics
            })
            .collect();
        Ok(GraphMetrics { at, job_state: state, vertices, requests: 1 + asked.len() as u32, over_budget })
    }

    /// The metric names a vertex reports (subtask prefixes removed), sorted.
    pub async fn vertex_metric_names(&self, job: &str, vertex: &str) -> Result<Vec<String>> {
        let (job, vertex) = (id_segment("job", job)?, id_segment("vertex", vertex)?);
        let value = self.get(&format!("jobs/{job}/vertices/{vertex}/metrics")).await?;
        let mut names: Vec<String> = value
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .filter_map(|m| text(m, &["id"]))
            .map(|id| super::json::split_subtask(&id).1.to_string())
            .collect();
        names.sort();
        names.dedup();
        Ok(names)
    }

    /// Chosen metrics of a vertex, aggregated over its subtasks (min, max, avg, sum).
    pub async fn vertex_metrics(
        &self,
        job: &str,
        vertex: &str,
        names: &[String],
    ) -> Result<Vec<AggregatedMetric>> {
        let (job, vertex) = (id_segment("job", job)?, id_segment("vertex", vertex)?);
        if names.is_empty() {
            return Ok(Vec::new());
        }
        let get: Vec<String> = names
            .iter()
            .take(32)
            .map(|n| url::form_urlencoded::byte_serialize(n.as_bytes()).collect())
            .collect();
        let value = self
            .get(&format!(
                "jobs/{job}/vertices/{vertex}/subtasks/metrics?get={}&agg=min,max,avg,sum",
                get.join(",")
            ))
            .await?;
        Ok(parse_aggregated(&value))
    }
}

/// The counters of every vertex in a `/jobs/:jid` answer, at Flink's `now`.
pub(crate) fn counters(detail: &Value) -> CounterSample {
    let at = number(detail, &["now"]).unwrap_or_else(|| chrono::Utc::now().timestamp_millis() as f64);
    let vertices = list(detail, &["vertices"])
        .iter()
        .filter_map(|v| {
            let id = text(v, &["id"])?;
            let m = field(v, &["metrics"]).cloned().unwrap_or(Value::Null);
            let n = |keys: &[&str]| number(&m, keys).filter(|x| *x >= 0.0);
            Some((
                id,
                VertexCounters {
                    parallelism: count(v, &["parallelism"]).unwrap_or(1).max(1),
                    read_records: n(&["read-records", "read_records"]),
                    write_records: n(&["write-records", "write_records"]),
                    busy_ms: n(&["accumulated-busy-time", "accumulated_busy_time"]),
                    backpressured_ms: n(&[
                        "accumulated-backpressured-time",
                        "accumulated_backpressured_time",
                    ]),
                },
            ))
        })
        .collect();
    CounterSample {
        at,
        state: text(detail, &["state", "status"]).unwrap_or_else(|| "UNKNOWN".into()),
        vertices,
    }
}

/// Rates between two counter samples. Busy and back-pressured % are the mean over the
/// vertex's subtasks (accumulated time over wall time × parallelism).
pub(crate) fn derived(
    id: &str,
    now: &VertexCounters,
    at: f64,
    before: Option<(f64, &VertexCounters)>,
) -> VertexMetrics {
    let mut metrics = VertexMetrics {
        vertex_id: id.to_string(),
        records_in_per_second: None,
        records_out_per_second: None,
        busy_percent: None,
        backpressured_percent: None,
        low_watermark: None,
        read_records: now.read_records,
        write_records: now.write_records,
        source: MetricSource::Pending,
    };
    let Some((then, old)) = before else { return metrics };
    let elapsed_ms = at - then;
    if elapsed_ms <= 0.0 {
        return metrics;
    }
    let rate = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) if a >= b => Some((a - b) * 1000.0 / elapsed_ms),
        _ => None,
    };
    let share = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) if a >= b => {
            Some(((a - b) / (elapsed_ms * f64::from(now.parallelism)) * 100.0).clamp(0.0, 100.0))
        }
        _ => None,
    };
    metrics.records_in_per_second = rate(now.read_records, old.read_records);
    metrics.records_out_per_second = rate(now.write_records, old.write_records);
    metrics.busy_percent = share(now.busy_ms, old.busy_ms);
    metrics.backpressured_percent = share(now.backpressured_ms, old.backpressured_ms);
    metrics.source = MetricSource::Counters;
    metrics
}

fn apply_detail(metrics: &mut VertexMetrics, aggregated: &[AggregatedMetric]) {
    let find = |id: &str| aggregated.iter().find(|m| m.id == id);
    let percent = |ms: Option<f64>| ms.map(|ms| (ms / 10.0).clamp(0.0, 100.0));
    if let Some(m) = find("numRecordsInPerSecond") {
        metrics.records_in_per_second = m.sum.or(metrics.records_in_per_second);
    }
    if let Some(m) = find("numRecordsOutPerSecond") {
        metrics.records_out_per_second = m.sum.or(metrics.records_out_per_second);
    }
    if let Some(m) = find("busyTimeMsPerSecond") {
        metrics.busy_percent = percent(m.max).or(metrics.busy_percent);
    }
    if let Some(m) = find("backPressuredTimeMsPerSecond") {
        metrics.backpressured_percent = percent(m.max).or(metrics.backpressured_percent);
    }
    metrics.low_watermark = find("currentInputWatermark").and_then(|m| m.min).and_then(watermark);
    metrics.source = MetricSource::Detailed;
}

pub(crate) fn parse_aggregated(value: &Value) -> Vec<AggregatedMetric> {
    value
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .filter_map(|m| {
            let agg = |key: &str| m.get(key).and_then(as_number);
            Some(AggregatedMetric {
                id: text(m, &["id"])?,
                min: agg("min"),
                max: agg("max"),
                avg: agg("avg"),
                sum: agg("sum"),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counters(read: f64, write: f64, busy: f64, bp: f64) -> VertexCounters {
        VertexCounters {
            parallelism: 2,
            read_records: Some(read),
            write_records: Some(write),
            busy_ms: Some(busy),
            backpressured_ms: Some(bp),
        }
    }

    #[test]
    fn rates_come_from_counter_differences() {
        let before = counters(1000.0, 500.0, 100.0, 0.0);
        let now = counters(3000.0, 1500.0, 1100.0, 400.0);
        let m = derived("v", &now, 12_000.0, Some((10_000.0, &before)));
        assert_eq!(m.records_in_per_second, Some(1000.0));
        assert_eq!(m.records_out_per_second, Some(500.0));
        // 1000 ms busy over 2 s × 2 subtasks = 25 %.
        assert_eq!(m.busy_percent, Some(25.0));
        assert_eq!(m.backpressured_percent, Some(10.0));
        assert_eq!(m.source, MetricSource::Counters);
    }

    #[test]
    fn unchanged_counters_do_not_replace_the_latest_sample() {
        let sample = |at: f64, read: f64| CounterSample {
            at,
            state: "RUNNING".into(),
            vertices: vec![("v".into(), counters(read, 0.0, 0.0, 0.0))],
        };
        let mut history = CounterHistory::default();
        history.push(sample(1_000.0, 10.0));
        history.push(sample(6_000.0, 10.0));
        assert_eq!(history.older, None);
        assert_eq!(history.latest.as_ref().map(|s| s.at), Some(1_000.0), "first seen");
        history.push(sample(11_000.0, 110.0));
        assert_eq!(history.older.as_ref().map(|s| s.at), Some(1_000.0));
        assert_eq!(history.latest.as_ref().map(|s| s.at), Some(11_000.0));
    }

    #[test]
    fn a_restart_that_resets_counters_gives_no_rate_rather_than_a_negative_one() {
        let before = counters(5000.0, 5000.0, 100.0, 0.0);
        let now = counters(10.0, 10.0, 5.0, 0.0);
        let m = derived("v", &now, 12_000.0, Some((10_000.0, &before)));
        assert_eq!(m.records_in_per_second, None);
        assert_eq!(m.busy_percent, None);
        assert_eq!(derived("v", &now, 1.0, None).source, MetricSource::Pending);
    }
}
