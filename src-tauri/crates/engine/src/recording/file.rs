//! The `.slrec` file itself: its SQLite schema (docs/recording-format.md), opening one
//! for writing (write-ahead log, so a crash leaves a valid file) and opening an untrusted
//! one for reading (checked to be SQLite before SQLite sees it; read-only, immutable, no
//! extension loading, schema triggers and views not trusted).

use std::io::Read;
use std::path::Path;
use std::str::FromStr;

use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

use crate::error::{Error, Result};

pub(crate) const SCHEMA: &str = "
CREATE TABLE manifest (id INTEGER PRIMARY KEY CHECK (id = 1), format_version INTEGER NOT NULL, body TEXT NOT NULL);
CREATE TABLE snapshots (seq INTEGER PRIMARY KEY, ts INTEGER NOT NULL, path TEXT NOT NULL, body TEXT NOT NULL);
CREATE INDEX snapshots_path_ts ON snapshots (path, ts);
CREATE TABLE samples (seq INTEGER PRIMARY KEY, ts INTEGER NOT NULL, vertex TEXT NOT NULL, subtask INTEGER, metric TEXT NOT NULL, value REAL NOT NULL);
CREATE INDEX samples_vertex_metric_ts ON samples (vertex, metric, ts);
CREATE INDEX samples_ts ON samples (ts);
CREATE TABLE events (seq INTEGER PRIMARY KEY, ts INTEGER NOT NULL, kind TEXT NOT NULL, summary TEXT NOT NULL, detail TEXT NOT NULL);
CREATE INDEX events_ts ON events (ts);
CREATE TABLE records (seq INTEGER PRIMARY KEY, ts INTEGER NOT NULL, direction TEXT NOT NULL, topic TEXT NOT NULL, partition INTEGER NOT NULL, offset INTEGER NOT NULL, body TEXT NOT NULL);
CREATE INDEX records_ts ON records (ts);
CREATE TABLE integrity (id INTEGER PRIMARY KEY CHECK (id = 1), state TEXT NOT NULL, digest TEXT, signature TEXT, public_key TEXT, signer TEXT);
";

/// The tables a recording must have, in digest order.
pub(crate) const TABLES: [&str; 5] = ["manifest", "snapshots", "samples", "events", "records"];

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Creates a new recording file (refusing to overwrite one).
pub(crate) async fn create(path: &Path) -> Result<SqlitePool> {
    if path.exists() {
        return Err(Error::invalid(format!("{} already exists: choose another file name.", path.display())));
    }
    let options = SqliteConnectOptions::from_str("sqlite://")?
        .filename(path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal);
    let pool = SqlitePoolOptions::new().max_connections(1).connect_with(options).await?;
    sqlx::raw_sql(SCHEMA).execute(&pool).await?;
    Ok(pool)
}

/// Opens a file someone handed us: reject what is not SQLite before SQLite parses it,
/// then open read-only and immutable (no journal, no WAL, no locks, nothing written).
pub(crate) async fn open_untrusted(path: &Path) -> Result<SqlitePool> {
    let meta = std::fs::metadata(path)
        .map_err(|e| Error::not_found(format!("Cannot open {}: {e}.", path.display())))?;
    if !meta.is_file() {
        return Err(Error::invalid(format!("{} is not a file.", path.display())));
    }
    if meta.len() == 0 {
        return Err(Error::invalid(format!("{} is empty (0 bytes): not a recording.", path.display())));
    }
    let mut head = [0u8; 16];
    let read = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .map_err(|e| Error::invalid(format!("Cannot read {}: {e}.", path.display())))?;
    if read < 16 || &head != SQLITE_MAGIC {
        return Err(Error::invalid(format!(
            "{} is not a Streamlens recording: it is not an SQLite file.",
            path.display()
        )));
    }
    if meta.len() < 512 || meta.len() % 512 != 0 {
        return Err(Error::invalid(format!(
            "{} is truncated ({} bytes is not a whole number of SQLite pages).",
            path.display(),
            meta.len()
        )));
    }
    let options = SqliteConnectOptions::from_str("sqlite://")?
        .filename(path)
        .read_only(true)
        .immutable(true)
        .pragma("trusted_schema", "OFF")
        .pragma("cell_size_check", "ON");
    let pool = SqlitePoolOptions::new()
        .max_connections(2)
        .connect_with(options)
        .await
        .map_err(|e| not_a_recording(path, &e))?;
    let tables: Vec<String> = sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table'")
        .fetch_all(&pool)
        .await
        .map_err(|e| not_a_recording(path, &e))?;
    let missing: Vec<&str> = TABLES
        .iter()
        .chain(["integrity"].iter())
        .copied()
        .filter(|t| !tables.iter().any(|have| have == t))
        .collect();
    if !missing.is_empty() {
        pool.close().await;
        return Err(Error::invalid(format!(
            "{} is an SQLite file but not a Streamlens recording (no {} table).",
            path.display(),
            missing.join(", ")
        )));
    }
    Ok(pool)
}

fn not_a_recording(path: &Path, err: &sqlx::Error) -> Error {
    Error::invalid(format!(
        "{} cannot be read as a recording: {err}. It may be damaged or truncated.",
        path.display()
    ))
}
