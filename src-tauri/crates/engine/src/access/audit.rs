//! The audit log: every data access (a browse with its topic and range, an export with its
//! row count, produce, offset reset, policy change) is appended to a hash-chained table in
//! the app database. Triggers refuse UPDATE and DELETE; a row edited or removed behind the
//! app's back (with the triggers dropped) breaks the chain, and [`verify`] says where.

use serde::Serialize;
use sqlx::Row;
use ts_rs::TS;

use crate::error::Result;
use crate::store::Store;

const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditEntry {
    #[ts(type = "number")]
    pub seq: i64,
    pub at: String,
    pub user: String,
    pub role: String,
    pub action: String,
    pub connection: Option<String>,
    /// What was accessed, as JSON (topic, range, row count, …).
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditVerification {
    #[ts(type = "number")]
    pub rows: i64,
    pub intact: bool,
    /// The first row where the chain breaks, and why.
    #[ts(type = "number | null")]
    pub broken_at: Option<i64>,
    pub problem: Option<String>,
}

fn hash(prev: &str, entry: &AuditEntry) -> String {
    let canonical = serde_json::json!([
        prev,
        entry.seq,
        entry.at,
        entry.user,
        entry.role,
        entry.action,
        entry.connection,
        entry.detail
    ])
    .to_string();
    super::load::sha256_hex(canonical.as_bytes())
}

/// Appends one entry (its `seq` is assigned here) and returns it.
pub async fn append(
    store: &Store,
    user: &str,
    role: &str,
    action: &str,
    connection: Option<&str>,
    detail: serde_json::Value,
) -> Result<AuditEntry> {
    let mut attempts = 0;
    loop {
        let mut tx = store.pool().begin().await?;
        let last = sqlx::query("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
            .fetch_optional(&mut *tx)
            .await?;
        let (seq, prev) = match last {
            Some(row) => (row.get::<i64, _>("seq") + 1, row.get::<String, _>("hash")),
            None => (1, GENESIS.to_string()),
        };
        let entry = AuditEntry {
            seq,
            at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            user: user.to_string(),
            role: role.to_string(),
            action: action.to_string(),
            connection: connection.map(str::to_string),
            detail: detail.to_string(),
        };
        let digest = hash(&prev, &entry);
        let inserted = sqlx::query(
            "INSERT INTO audit_log (seq, at, user, role, action, connection, detail, prev_hash, hash)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )
        .bind(entry.seq)
        .bind(&entry.at)
        .bind(&entry.user)
        .bind(&entry.role)
        .bind(&entry.action)
        .bind(&entry.connection)
        .bind(&entry.detail)
        .bind(&prev)
        .bind(&digest)
        .execute(&mut *tx)
        .await;
        match inserted {
            Ok(_) => {
                tx.commit().await?;
                return Ok(entry);
            }
            // Another writer took this seq first: read the new end and try again.
            Err(_) if attempts < 5 => attempts += 1,
            Err(err) => return Err(err.into()),
        }
    }
}

/// The newest entry with this action.
pub async fn last_of(store: &Store, action: &str) -> Result<Option<AuditEntry>> {
    let row = sqlx::query("SELECT * FROM audit_log WHERE action = ?1 ORDER BY seq DESC LIMIT 1")
        .bind(action)
        .fetch_optional(store.pool())
        .await?;
    Ok(row.as_ref().map(entry_from_row))
}

/// The newest `limit` entries, newest first.
pub async fn entries(store: &Store, limit: u32) -> Result<Vec<AuditEntry>> {
    let rows = sqlx::query("SELECT * FROM audit_log ORDER BY seq DESC LIMIT ?1")
        .bind(i64::from(limit))
        .fetch_all(store.pool())
        .await?;
    Ok(rows.iter().map(entry_from_row).collect())
}

/// Every entry, oldest first.
pub async fn all_entries(store: &Store) -> Result<Vec<AuditEntry>> {
    let rows = sqlx::query("SELECT * FROM audit_log ORDER BY seq").fetch_all(store.pool()).await?;
    Ok(rows.iter().map(entry_from_row).collect())
}

fn entry_from_row(row: &sqlx::sqlite::SqliteRow) -> AuditEntry {
    AuditEntry {
        seq: row.get("seq"),
        at: row.get("at"),
        user: row.get("user"),
        role: row.get("role"),
        action: row.get("action"),
        connection: row.get("connection"),
        detail: row.get("detail"),
    }
}

/// Walks the chain from the first row: every row must follow the one before it (no gap in
/// `seq`, `prev_hash` equal to its hash) and hash to what it stores.
pub async fn verify(store: &Store) -> Result<AuditVerification> {
    let rows = sqlx::query("SELECT * FROM audit_log ORDER BY seq").fetch_all(store.pool()).await?;
    let mut prev = GENESIS.to_string();
    let mut expected_seq = 1;
    for row in &rows {
        let entry = entry_from_row(row);
        let stored_prev: String = row.get("prev_hash");
        let stored_hash: String = row.get("hash");
        let problem = if entry.seq != expected_seq || stored_prev != prev {
            Some(format!(
                "row {} does not follow row {}: {} removed or replaced before it",
                entry.seq,
                expected_seq - 1,
                if entry.seq > expected_seq { "rows were" } else { "a row was" }
            ))
        } else if hash(&prev, &entry) != stored_hash {
            Some(format!("row {} was edited after it was written", entry.seq))
        } else {
            None
        };
        if let Some(problem) = problem {
            return Ok(AuditVerification {
                rows: rows.len() as i64,
                intact: false,
                broken_at: Some(entry.seq),
                problem: Some(problem),
            });
        }
        prev = stored_hash;
        expected_seq = entry.seq + 1;
    }
    Ok(AuditVerification { rows: rows.len() as i64, intact: true, broken_at: None, problem: None })
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn store_with(rows: usize) -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let store = Store::open(&dir.path().join("app.db")).await.unwrap_or_else(|e| panic!("{e}"));
        for i in 0..rows {
            let detail = serde_json::json!({ "topic": "orders", "rows": i });
            append(&store, "ann", "support", "export", Some("local"), detail)
                .await
                .unwrap_or_else(|e| panic!("{e}"));
        }
        (dir, store)
    }

    async fn raw(store: &Store, sql: &str) {
        sqlx::query(sql).execute(store.pool()).await.unwrap_or_else(|e| panic!("{sql}: {e}"));
    }

    #[tokio::test]
    async fn the_log_is_append_only_and_a_changed_row_breaks_the_chain() {
        let (_dir, store) = store_with(5).await;
        let report = verify(&store).await.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((report.rows, report.intact), (5, true));
        assert_eq!(
            entries(&store, 2).await.unwrap_or_default().iter().map(|e| e.seq).collect::<Vec<_>>(),
            [5, 4]
        );

        let refused = sqlx::query("DELETE FROM audit_log WHERE seq = 2").execute(store.pool()).await;
        assert!(refused.err().map(|e| e.to_string()).unwrap_or_default().contains("append-only"));

        // Someone with the database file drops the triggers and edits a row.
        raw(&store, "DROP TRIGGER audit_log_no_update").await;
        raw(&store, "DROP TRIGGER audit_log_no_delete").await;
        raw(&store, r#"UPDATE audit_log SET detail = '{"topic":"hr","rows":0}' WHERE seq = 3"#).await;
        let report = verify(&store).await.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((report.intact, report.broken_at), (false, Some(3)));
        assert!(report.problem.unwrap_or_default().contains("edited"));
    }

    #[tokio::test]
    async fn a_removed_row_is_found() {
        let (_dir, store) = store_with(4).await;
        raw(&store, "DROP TRIGGER audit_log_no_delete").await;
        raw(&store, "DELETE FROM audit_log WHERE seq = 2").await;
        let report = verify(&store).await.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((report.intact, report.broken_at), (false, Some(3)));
        assert!(report.problem.unwrap_or_default().contains("removed"));
        // New entries still chain on from the last row.
        append(&store, "ann", "admin", "verify", None, serde_json::json!({}))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(entries(&store, 1).await.unwrap_or_default()[0].seq, 5);
    }
}
