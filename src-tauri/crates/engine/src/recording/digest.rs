//! The content digest of a recording: SHA-256 over every row of the manifest, snapshots,
//! samples, events and records tables in primary-key order, each value tagged with its
//! SQLite type and length-prefixed — so any edited, added or removed row changes it. The
//! optional signature is ed25519 over `streamlens-recording-v1\n<digest>`. Rows are
//! streamed: memory stays bounded however large the file.

use futures_util::TryStreamExt;
use sha2::{Digest, Sha256};
use sqlx::sqlite::SqlitePool;
use sqlx::{Column, Row, TypeInfo, ValueRef};

use super::file::TABLES;
use crate::error::Result;

/// What a signature covers.
pub(crate) fn signed_message(digest: &str) -> Vec<u8> {
    format!("streamlens-recording-v1\n{digest}").into_bytes()
}

pub(crate) async fn content_digest(pool: &SqlitePool) -> Result<String> {
    let mut hasher = Sha256::new();
    for table in TABLES {
        hasher.update(table.as_bytes());
        hasher.update([0u8]);
        let order = if table == "manifest" { "id" } else { "seq" };
        let sql = format!("SELECT * FROM {table} ORDER BY {order}");
        let mut rows = sqlx::query(&sql).fetch(pool);
        while let Some(row) = rows.try_next().await? {
            for index in 0..row.columns().len() {
                feed(&mut hasher, &row, index)?;
            }
            hasher.update([0xffu8]);
        }
    }
    Ok(crate::access::load::lower_hex(&hasher.finalize()))
}

fn feed(hasher: &mut Sha256, row: &sqlx::sqlite::SqliteRow, index: usize) -> Result<()> {
    let raw = row.try_get_raw(index)?;
    if raw.is_null() {
        hasher.update([0u8]);
        return Ok(());
    }
    let kind = raw.type_info().name().to_string();
    let bytes: Vec<u8> = match kind.as_str() {
        "INTEGER" => row.try_get::<i64, _>(index)?.to_be_bytes().to_vec(),
        "REAL" => row.try_get::<f64, _>(index)?.to_bits().to_be_bytes().to_vec(),
        "TEXT" => row.try_get::<String, _>(index)?.into_bytes(),
        _ => row.try_get::<Vec<u8>, _>(index)?,
    };
    let tag = match kind.as_str() {
        "INTEGER" => 1u8,
        "REAL" => 2,
        "TEXT" => 3,
        _ => 4,
    };
    hasher.update([tag]);
    hasher.update((bytes.len() as u64).to_be_bytes());
    hasher.update(&bytes);
    // The column name too, so a column cannot be swapped for another.
    hasher.update(row.columns()[index].name().as_bytes());
    Ok(())
}
