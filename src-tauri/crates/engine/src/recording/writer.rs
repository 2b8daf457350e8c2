//! Writing a recording: the manifest first (integrity state `recording`), then one
//! transaction per poll, so a crash loses at most the poll in flight and leaves a file
//! that opens as "incomplete". Finishing sets the end time, the digest and the optional
//! signature, then folds the write-ahead log into the file so it is one file to share.

use std::path::{Path, PathBuf};

use sqlx::sqlite::SqlitePool;

use super::digest::{content_digest, signed_message};
use super::file;
use super::model::{EventKind, Manifest};
use crate::error::{Error, Result};

/// A metric value of a vertex (subtask `None`: the whole vertex) at a time.
#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    pub at: f64,
    pub vertex: String,
    pub subtask: Option<u32>,
    pub metric: String,
    pub value: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewEvent {
    pub at: f64,
    pub kind: EventKind,
    pub summary: String,
    pub detail: serde_json::Value,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewRecord {
    pub at: f64,
    pub direction: String,
    pub topic: String,
    pub partition: i32,
    pub offset: i64,
    /// The record as the data path delivered it (already masked).
    pub body: serde_json::Value,
}

/// What one poll adds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Batch {
    /// (time, REST path, JSON body).
    pub snapshots: Vec<(f64, String, String)>,
    pub samples: Vec<Sample>,
    pub events: Vec<NewEvent>,
    pub records: Vec<NewRecord>,
}

impl Batch {
    pub fn is_empty(&self) -> bool {
        self.snapshots.is_empty()
            && self.samples.is_empty()
            && self.events.is_empty()
            && self.records.is_empty()
    }
}

/// Who signs a finished recording: a name and an ed25519 secret key (base64, as made by
/// `streamlens policy keygen`).
pub struct Signing<'a> {
    pub signer: &'a str,
    pub secret_key: &'a str,
}

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct WrittenCounts {
    pub samples: u64,
    pub events: u64,
    pub records: u64,
    pub snapshots: u64,
}

pub struct RecordingWriter {
    pool: SqlitePool,
    path: PathBuf,
    manifest: Manifest,
    counts: WrittenCounts,
}

impl RecordingWriter {
    pub async fn create(path: &Path, manifest: Manifest) -> Result<Self> {
        let pool = file::create(path).await?;
        sqlx::query("INSERT INTO manifest (id, format_version, body) VALUES (1, ?1, ?2)")
            .bind(i64::from(manifest.format_version))
            .bind(serde_json::to_string(&manifest).map_err(|e| Error::internal(e.to_string()))?)
            .execute(&pool)
            .await?;
        sqlx::query("INSERT INTO integrity (id, state) VALUES (1, 'recording')").execute(&pool).await?;
        Ok(Self { pool, path: path.to_path_buf(), manifest, counts: WrittenCounts::default() })
    }

    pub fn counts(&self) -> WrittenCounts {
        self.counts
    }

    pub fn file_bytes(&self) -> u64 {
        let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
        size(&self.path) + size(&PathBuf::from(format!("{}-wal", self.path.display())))
    }

    /// Appends one poll's data in one transaction.
    pub async fn append(&mut self, batch: &Batch) -> Result<()> {
        if batch.is_empty() {
            return Ok(());
        }
        let mut tx = self.pool.begin().await?;
        for (at, path, body) in &batch.snapshots {
            sqlx::query("INSERT INTO snapshots (ts, path, body) VALUES (?1, ?2, ?3)")
                .bind(*at as i64)
                .bind(path)
                .bind(body)
                .execute(&mut *tx)
                .await?;
        }
        for s in &batch.samples {
            sqlx::query(
                "INSERT INTO samples (ts, vertex, subtask, metric, value) VALUES (?1, ?2, ?3, ?4, ?5)",
            )
            .bind(s.at as i64)
            .bind(&s.vertex)
            .bind(s.subtask.map(i64::from))
            .bind(&s.metric)
            .bind(s.value)
            .execute(&mut *tx)
            .await?;
        }
        for e in &batch.events {
            sqlx::query("INSERT INTO events (ts, kind, summary, detail) VALUES (?1, ?2, ?3, ?4)")
                .bind(e.at as i64)
                .bind(e.kind.as_str())
                .bind(&e.summary)
                .bind(e.detail.to_string())
                .execute(&mut *tx)
                .await?;
        }
        for r in &batch.records {
            sqlx::query(
                "INSERT INTO records (ts, direction, topic, partition, offset, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )
            .bind(r.at as i64)
            .bind(&r.direction)
            .bind(&r.topic)
            .bind(r.partition)
            .bind(r.offset)
            .bind(r.body.to_string())
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        self.counts.snapshots += batch.snapshots.len() as u64;
        self.counts.samples += batch.samples.len() as u64;
        self.counts.events += batch.events.len() as u64;
        self.counts.records += batch.records.len() as u64;
        Ok(())
    }

    /// Seals the recording: end time, digest, signature; one self-contained file.
    pub async fn finish(mut self, end: f64, signing: Option<Signing<'_>>) -> Result<PathBuf> {
        self.manifest.end = Some(end);
        sqlx::query("UPDATE manifest SET body = ?1 WHERE id = 1")
            .bind(serde_json::to_string(&self.manifest).map_err(|e| Error::internal(e.to_string()))?)
            .execute(&self.pool)
            .await?;
        let digest = content_digest(&self.pool).await?;
        let (signature, public_key, signer) = match signing {
            Some(s) => {
                let signature = crate::access::signature::sign(s.secret_key, &signed_message(&digest))
                    .map_err(|e| Error::invalid(format!("Cannot sign the recording: {e}")))?;
                let public = crate::access::signature::public_of(s.secret_key)
                    .map_err(|e| Error::invalid(format!("Cannot sign the recording: {e}")))?;
                (Some(signature), Some(public), Some(s.signer.to_string()))
            }
            None => (None, None, None),
        };
        sqlx::query(
            "UPDATE integrity SET state = 'final', digest = ?1, signature = ?2, public_key = ?3, signer = ?4 WHERE id = 1",
        )
        .bind(&digest)
        .bind(signature)
        .bind(public_key)
        .bind(signer)
        .execute(&self.pool)
        .await?;
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)").execute(&self.pool).await?;
        sqlx::query("PRAGMA journal_mode = DELETE").execute(&self.pool).await?;
        self.pool.close().await;
        Ok(self.path)
    }

    /// Folds the log into the file now and then, so even a crashed recording's main file
    /// holds most of what was recorded.
    pub async fn checkpoint(&self) -> Result<()> {
        sqlx::query("PRAGMA wal_checkpoint(PASSIVE)").execute(&self.pool).await?;
        Ok(())
    }
}
