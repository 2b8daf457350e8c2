//! Opening a recording, offline and read-only: the manifest and counts at once, the
//! integrity verdict (digest recomputed, signature checked), events, metric series, the
//! metrics and the job graph at any time, the REST snapshot of a path at a time, and the
//! captured records around a time. Every query is bounded (LIMIT or a time window), so
//! memory does not grow with the file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use sqlx::sqlite::SqlitePool;
use sqlx::Row;

use super::digest::{content_digest, signed_message};
use super::file;
use super::model::{
    CapturedPage, CapturedRecord, EventKind, Integrity, Manifest, MetricSeries, RecordingCounts,
    RecordingEvent, RecordingSummary, StateBand, FORMAT_VERSION,
};
use crate::browse::filter::PreparedFilter;
use crate::browse::MessageFilter;
use crate::error::{Error, Result};
use crate::flink::model::{JobGraph, MetricSource, VertexMetrics};

/// The most points one metric series returns (evenly thinned beyond it).
pub const MAX_SERIES_POINTS: i64 = 2_000;
/// The most records one page returns.
pub const MAX_RECORD_PAGE: u32 = 500;

pub struct RecordingReader {
    pool: SqlitePool,
    path: PathBuf,
    manifest: Manifest,
    format_version: u32,
}

impl RecordingReader {
    pub async fn open(path: &Path) -> Result<Self> {
        let pool = file::open_untrusted(path).await?;
        let row = sqlx::query("SELECT format_version, body FROM manifest WHERE id = 1")
            .fetch_optional(&pool)
            .await
            .map_err(|e| damaged(path, &e))?
            .ok_or_else(|| {
                Error::invalid(format!("{} has no manifest: not a complete recording.", path.display()))
            })?;
        let format_version =
            u32::try_from(row.try_get::<i64, _>(0).map_err(|e| damaged(path, &e))?).unwrap_or(u32::MAX);
        let body: String = row.try_get(1).map_err(|e| damaged(path, &e))?;
        let manifest: Manifest = serde_json::from_str(&body).map_err(|e| {
            if format_version > FORMAT_VERSION {
                Error::invalid(format!(
                    "{} was written by a newer Streamlens (format {format_version}; this app reads up to {FORMAT_VERSION}). Update the app to open it.",
                    path.display()
                ))
            } else {
                Error::invalid(format!("{}: the manifest is not valid: {e}.", path.display()))
            }
        })?;
        Ok(Self { pool, path: path.to_path_buf(), manifest, format_version })
    }

    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// The quick verdict (no digest): newer version, incomplete, or what the file claims.
    async fn claimed_integrity(&self) -> Result<(Integrity, Option<IntegrityRow>)> {
        if self.format_version > FORMAT_VERSION {
            return Ok((Integrity::NewerVersion { version: self.format_version }, None));
        }
        let row =
            sqlx::query("SELECT state, digest, signature, public_key, signer FROM integrity WHERE id = 1")
                .fetch_optional(&self.pool)
                .await?;
        let Some(row) = row else { return Ok((Integrity::Incomplete, None)) };
        let state: String = row.try_get(0)?;
        if state != "final" {
            return Ok((Integrity::Incomplete, None));
        }
        let integrity = IntegrityRow {
            digest: row.try_get(1)?,
            signature: row.try_get(2)?,
            public_key: row.try_get(3)?,
            signer: row.try_get(4)?,
        };
        Ok((Integrity::Unsigned, Some(integrity)))
    }

    /// Recomputes the digest over every row and checks the signature.
    pub async fn verify(&self) -> Result<Integrity> {
        let (claimed, row) = self.claimed_integrity().await?;
        let Some(row) = row else { return Ok(claimed) };
        let Some(expected) = row.digest.as_deref() else {
            return Ok(Integrity::Tampered { reason: "the integrity block has no digest".into() });
        };
        let actual = content_digest(&self.pool).await.map_err(|e| damaged(&self.path, &e))?;
        if actual != expected {
            return Ok(Integrity::Tampered {
                reason: "the content does not match its digest: rows were changed, added or removed after recording"
                    .into(),
            });
        }
        match (row.signature, row.public_key) {
            (Some(signature), Some(public_key)) => {
                match crate::access::signature::verify(&public_key, &signed_message(&actual), &signature) {
                    Ok(()) => Ok(Integrity::Signed {
                        signer: row.signer.unwrap_or_else(|| "unnamed".into()),
                        public_key,
                    }),
                    Err(_) => Ok(Integrity::Tampered {
                        reason: "the signature does not match the content or the key it names".into(),
                    }),
                }
            }
            (None, None) => Ok(Integrity::Unsigned),
            _ => Ok(Integrity::Tampered { reason: "the signature block is half missing".into() }),
        }
    }

    /// Manifest, counts, time range and state bands — without the digest check (fast);
    /// `integrity` is what the file claims until [`verify`](Self::verify) says otherwise.
    pub async fn summary(&self) -> Result<RecordingSummary> {
        let (integrity, _) = self.claimed_integrity().await?;
        let count = |table: &'static str| async move {
            sqlx::query_scalar::<_, i64>(&format!("SELECT count(*) FROM {table}")).fetch_one(&self.pool).await
        };
        let counts = RecordingCounts {
            snapshots: count("snapshots").await? as f64,
            samples: count("samples").await? as f64,
            events: count("events").await? as f64,
            records: count("records").await? as f64,
        };
        let (min, max): (Option<i64>, Option<i64>) = sqlx::query_as(
            "SELECT min(t), max(t) FROM (SELECT min(ts) AS t FROM samples UNION ALL SELECT max(ts) FROM samples
             UNION ALL SELECT min(ts) FROM events UNION ALL SELECT max(ts) FROM events
             UNION ALL SELECT min(ts) FROM snapshots UNION ALL SELECT max(ts) FROM snapshots)",
        )
        .fetch_one(&self.pool)
        .await?;
        let start = min.map_or(self.manifest.start, |m| m as f64);
        let end = max.map_or_else(|| self.manifest.end.unwrap_or(start), |m| m as f64);
        Ok(RecordingSummary {
            path: self.path.display().to_string(),
            file_bytes: std::fs::metadata(&self.path).map(|m| m.len() as f64).unwrap_or(0.0),
            manifest: self.manifest.clone(),
            integrity,
            counts,
            start,
            end,
            state_bands: self.state_bands(start, end).await?,
        })
    }

    async fn state_bands(&self, start: f64, end: f64) -> Result<Vec<StateBand>> {
        let rows = sqlx::query(
            "SELECT ts, detail FROM events WHERE kind = 'job_state' ORDER BY ts, seq LIMIT 10000",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut bands: Vec<StateBand> = Vec::new();
        for row in rows {
            let at = row.try_get::<i64, _>(0)? as f64;
            let detail: serde_json::Value =
                serde_json::from_str(&row.try_get::<String, _>(1)?).unwrap_or_default();
            let state = detail.get("to").and_then(|s| s.as_str()).unwrap_or("UNKNOWN").to_string();
            if let Some(last) = bands.last_mut() {
                last.to = at;
            }
            bands.push(StateBand { from: at.max(start), to: end, state });
        }
        Ok(bands)
    }

    /// Events in time order (all kinds, or the given ones), at most `limit`.
    pub async fn events(&self, kinds: &[EventKind], limit: u32) -> Result<Vec<RecordingEvent>> {
        use futures_util::TryStreamExt;
        // Streamed and stopped at `limit`: memory stays bounded however many events there are.
        let mut rows = sqlx::query("SELECT seq, ts, kind, summary, detail FROM events ORDER BY ts, seq")
            .fetch(&self.pool);
        let mut out = Vec::new();
        while let Some(row) = rows.try_next().await? {
            let Some(kind) = EventKind::parse(&row.try_get::<String, _>(2)?) else { continue };
            if !kinds.is_empty() && !kinds.contains(&kind) {
                continue;
            }
            out.push(RecordingEvent {
                seq: row.try_get::<i64, _>(0)? as f64,
                at: row.try_get::<i64, _>(1)? as f64,
                kind,
                summary: row.try_get(3)?,
                detail: row.try_get(4)?,
            });
            if out.len() >= limit as usize {
                break;
            }
        }
        Ok(out)
    }

    /// One metric of one vertex up to `until` (all when none), thinned to at most
    /// [`MAX_SERIES_POINTS`].
    pub async fn series(&self, vertex: &str, metric: &str, until: Option<f64>) -> Result<MetricSeries> {
        let until = until.map_or(i64::MAX, |t| t as i64);
        let total: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM samples WHERE vertex = ?1 AND metric = ?2 AND subtask IS NULL AND ts <= ?3",
        )
        .bind(vertex)
        .bind(metric)
        .bind(until)
        .fetch_one(&self.pool)
        .await?;
        let step = ((total + MAX_SERIES_POINTS - 1) / MAX_SERIES_POINTS).max(1);
        let rows = sqlx::query(
            "SELECT ts, value FROM (SELECT ts, value, row_number() OVER (ORDER BY ts) AS n FROM samples
             WHERE vertex = ?1 AND metric = ?2 AND subtask IS NULL AND ts <= ?3) WHERE (n - 1) % ?4 = 0 ORDER BY ts",
        )
        .bind(vertex)
        .bind(metric)
        .bind(until)
        .bind(step)
        .fetch_all(&self.pool)
        .await?;
        let points = rows
            .iter()
            .map(|r| Ok([r.try_get::<i64, _>(0)? as f64, r.try_get::<f64, _>(1)?]))
            .collect::<Result<Vec<_>>>()?;
        Ok(MetricSeries { vertex_id: vertex.to_string(), metric: metric.to_string(), points })
    }

    /// Every vertex's figures as last sampled at or before `at` (within 10 intervals).
    pub async fn metrics_at(&self, at: f64) -> Result<Vec<VertexMetrics>> {
        let window = i64::from(self.manifest.interval_ms.max(1000)) * 10;
        let rows = sqlx::query(
            "SELECT vertex, metric, value FROM samples WHERE seq IN (
               SELECT max(seq) FROM samples WHERE ts <= ?1 AND ts >= ?2 AND subtask IS NULL GROUP BY vertex, metric)",
        )
        .bind(at as i64)
        .bind(at as i64 - window)
        .fetch_all(&self.pool)
        .await?;
        let mut by_vertex: BTreeMap<String, VertexMetrics> = BTreeMap::new();
        for row in rows {
            let vertex: String = row.try_get(0)?;
            let metric: String = row.try_get(1)?;
            let value: f64 = row.try_get(2)?;
            let entry = by_vertex.entry(vertex.clone()).or_insert_with(|| VertexMetrics {
                vertex_id: vertex,
                records_in_per_second: None,
                records_out_per_second: None,
                busy_percent: None,
                backpressured_percent: None,
                low_watermark: None,
                read_records: None,
                write_records: None,
                source: MetricSource::Counters,
            });
            match metric.as_str() {
                "recordsInPerSecond" => entry.records_in_per_second = Some(value),
                "recordsOutPerSecond" => entry.records_out_per_second = Some(value),
                "busyPercent" => entry.busy_percent = Some(value),
                "backpressuredPercent" => entry.backpressured_percent = Some(value),
                "lowWatermark" => entry.low_watermark = Some(value),
                "readRecords" => entry.read_records = Some(value),
                "writeRecords" => entry.write_records = Some(value),
                _ => {}
            }
        }
        Ok(by_vertex.into_values().collect())
    }

    /// The REST answer for `path` as last recorded at or before `at` (or the first one).
    pub async fn snapshot_at(&self, path: &str, at: f64) -> Result<Option<serde_json::Value>> {
        let before: Option<String> = sqlx::query_scalar(
            "SELECT body FROM snapshots WHERE path = ?1 AND ts <= ?2 ORDER BY ts DESC, seq DESC LIMIT 1",
        )
        .bind(path)
        .bind(at as i64)
        .fetch_optional(&self.pool)
        .await?;
        let body = match before {
            Some(body) => Some(body),
            None => {
                sqlx::query_scalar("SELECT body FROM snapshots WHERE path = ?1 ORDER BY ts, seq LIMIT 1")
                    .bind(path)
                    .fetch_optional(&self.pool)
                    .await?
            }
        };
        Ok(body.and_then(|b| serde_json::from_str(&b).ok()))
    }

    /// The job graph as it was at `at`.
    pub async fn graph_at(&self, at: f64) -> Result<JobGraph> {
        let job = &self.manifest.job_id;
        let detail = self.snapshot_at(&format!("jobs/{job}"), at).await?;
        let plan = self.snapshot_at(&format!("jobs/{job}/plan"), at).await?;
        match (detail, plan) {
            (Some(detail), Some(plan)) => crate::flink::graph::build_graph(&detail, &plan),
            _ => Err(Error::not_found("The recording holds no job graph (no plan was recorded).")),
        }
    }

    /// Captured records from `at` on (or before it, `before`) that pass `filter` — the
    /// message browser's filter: text in key, value or headers, and a CEL expression — at
    /// most `limit` (≤ 500).
    pub async fn records(
        &self,
        at: f64,
        before: bool,
        filter: &MessageFilter,
        limit: u32,
    ) -> Result<CapturedPage> {
        let prepared = PreparedFilter::new(filter)?;
        let filtering = !prepared.is_empty();
        let limit = limit.clamp(1, MAX_RECORD_PAGE);
        let sql = if before {
            "SELECT seq, direction, topic, body FROM records WHERE ts < ?1 ORDER BY ts DESC, seq DESC LIMIT ?2"
        } else {
            "SELECT seq, direction, topic, body FROM records WHERE ts >= ?1 ORDER BY ts, seq LIMIT ?2"
        };
        // Scan at most 20 pages' worth to find matches; say how many were scanned.
        let scan = i64::from(limit) * if filtering { 20 } else { 1 };
        let rows = sqlx::query(sql).bind(at as i64).bind(scan).fetch_all(&self.pool).await?;
        let mut records = Vec::new();
        for row in &rows {
            let body: String = row.try_get(3)?;
            let record: serde_json::Value = serde_json::from_str(&body).unwrap_or(serde_json::Value::Null);
            if !prepared.matches_json(&record) {
                continue;
            }
            records.push(CapturedRecord {
                seq: row.try_get::<i64, _>(0)? as f64,
                direction: row.try_get(1)?,
                topic: row.try_get(2)?,
                record,
            });
            if records.len() >= limit as usize {
                break;
            }
        }
        if before {
            records.reverse();
        }
        Ok(CapturedPage { records, scanned: rows.len() as f64 })
    }

    /// Every captured record in order, for export (streamed to `write`).
    pub async fn each_record(&self, mut write: impl FnMut(&str, &str, &str) -> Result<()>) -> Result<u64> {
        use futures_util::TryStreamExt;
        let mut rows =
            sqlx::query("SELECT direction, topic, body FROM records ORDER BY seq").fetch(&self.pool);
        let mut n = 0;
        while let Some(row) = rows.try_next().await? {
            write(
                &row.try_get::<String, _>(0)?,
                &row.try_get::<String, _>(1)?,
                &row.try_get::<String, _>(2)?,
            )?;
            n += 1;
        }
        Ok(n)
    }

    /// How many captured records came from the job's input topics.
    pub async fn input_count(&self) -> Result<u32> {
        let n: i64 = sqlx::query_scalar("SELECT count(*) FROM records WHERE direction = 'input'")
            .fetch_one(&self.pool)
            .await?;
        Ok(u32::try_from(n.max(0)).unwrap_or(u32::MAX))
    }

    /// Up to `limit` captured input records after sequence number `after`, in capture order,
    /// as (seq, body): replay reads a page at a time, so memory stays bounded.
    pub async fn input_page(&self, after: i64, limit: u32) -> Result<Vec<(i64, String)>> {
        let rows = sqlx::query(
            "SELECT seq, body FROM records WHERE direction = 'input' AND seq > ? ORDER BY seq LIMIT ?",
        )
        .bind(after)
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| Ok((r.try_get(0)?, r.try_get(1)?))).collect()
    }

    /// The newest snapshot of every recorded path (what a HistoryServer archive holds).
    pub async fn latest_snapshots(&self) -> Result<Vec<(String, String)>> {
        let rows = sqlx::query(
            "SELECT path, body FROM snapshots WHERE seq IN (SELECT max(seq) FROM snapshots GROUP BY path) ORDER BY path",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| Ok((r.try_get(0)?, r.try_get(1)?))).collect()
    }
}

struct IntegrityRow {
    digest: Option<String>,
    signature: Option<String>,
    public_key: Option<String>,
    signer: Option<String>,
}

fn damaged(path: &Path, err: &dyn std::fmt::Display) -> Error {
    Error::invalid(format!("{} is damaged: {err}.", path.display()))
}
