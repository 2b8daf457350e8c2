//! The workspace's side of the policy: the masking secret (kept in the OS keyring), the
//! audit trail every data access leaves, and the admin's view of that trail.

use std::io::Write as _;

use serde::Serialize;
use ts_rs::TS;

use super::Workspace;
use crate::access::audit::{self, AuditEntry, AuditVerification};
use crate::access::load::{self, LoadedPolicy, PolicyDocument};
use crate::access::{Action, Session};
use crate::browse::export::{csv_cell, ExportFormat, ExportTarget, NewFile};
use crate::error::{Error, Result};
use crate::mask::PseudonymKey;
use crate::profile::ConnectionProfile;

impl Workspace {
    /// The key pseudonyms are made with: the workspace secret from the keyring, created on
    /// first use.
    pub(super) async fn pseudonym_key(&self) -> Result<PseudonymKey> {
        let keyring = self.keyring.clone();
        self.pseudonym_key
            .get_or_try_init(|| async move {
                let secret = tokio::task::spawn_blocking(move || keyring.masking_secret())
                    .await
                    .map_err(|e| Error::internal(format!("The keyring task stopped: {e}")))??;
                Ok(PseudonymKey::new(secret.expose().as_bytes().to_vec()))
            })
            .await
            .cloned()
    }

    /// Appends to the audit log; a data access that cannot be logged does not happen.
    pub(super) async fn audit(
        &self,
        session: &Session,
        action: &str,
        profile: Option<&ConnectionProfile>,
        detail: serde_json::Value,
    ) -> Result<()> {
        audit::append(
            &self.store,
            &session.user,
            session.role.as_str(),
            action,
            profile.map(|p| p.name.as_str()),
            detail,
        )
        .await
        .map(|_| ())
    }

    /// The newest audit entries (admin).
    pub async fn audit_entries(&self, session: &Session, limit: u32) -> Result<Vec<AuditEntry>> {
        session.authorize(Action::ViewAudit)?;
        audit::entries(&self.store, limit).await
    }

    /// Writes every audit entry, oldest first, to a new file as JSON lines or CSV (admin).
    /// The export itself is the last entry it holds.
    pub async fn export_audit(&self, session: &Session, target: &ExportTarget) -> Result<AuditExport> {
        session.authorize(Action::ViewAudit)?;
        let (new_file, file) = NewFile::create(&target.path)?;
        let detail = serde_json::json!({ "path": target.path.display().to_string() });
        self.audit(session, "audit_export", None, detail).await?;
        let entries = audit::all_entries(&self.store).await?;
        let mut out = String::with_capacity(entries.len() * 200);
        if target.format == ExportFormat::Csv {
            out.push_str("seq,at,user,role,action,connection,detail\n");
        }
        for entry in &entries {
            match target.format {
                ExportFormat::Jsonl => {
                    out.push_str(&serde_json::to_string(entry).map_err(|e| Error::internal(e.to_string()))?);
                }
                ExportFormat::Csv => {
                    let seq = entry.seq.to_string();
                    let connection = entry.connection.as_deref().unwrap_or_default();
                    let cells =
                        [&seq, &entry.at, &entry.user, &entry.role, &entry.action, connection, &entry.detail];
                    for (i, cell) in cells.iter().enumerate() {
                        if i > 0 {
                            out.push(',');
                        }
                        csv_cell(&mut out, cell);
                    }
                }
            }
            out.push('\n');
        }
        let mut writer = std::io::BufWriter::new(file);
        if let Err(err) = writer.write_all(out.as_bytes()).and_then(|()| writer.flush()) {
            new_file.abandon();
            return Err(Error::invalid(format!("Cannot write {}: {err}.", target.path.display())));
        }
        drop(writer);
        new_file.finish()?;
        Ok(AuditExport { rows: entries.len() as u64, path: target.path.display().to_string() })
    }

    /// The workspace policy as its file holds it, and whether it may be edited here (admin).
    pub fn policy_document(&self, session: &Session) -> Result<PolicyDocument> {
        session.authorize(Action::EditPolicy)?;
        load::document(&self.paths)
    }

    /// Why `text` is not a valid policy (`None`: it is).
    pub fn check_policy(&self, session: &Session, text: &str) -> Result<Option<String>> {
        session.authorize(Action::EditPolicy)?;
        Ok(crate::access::Policy::parse(text).err())
    }

    /// Replaces the policy file with `text` (personal mode only; a managed policy is signed
    /// by the admin's key and changed there) and notes the change in the audit log. The
    /// caller starts a new session under the returned policy; the document is the saved
    /// file (read before that session, which may no longer be an admin's).
    pub async fn save_policy(&self, session: &Session, text: &str) -> Result<(LoadedPolicy, PolicyDocument)> {
        session.authorize(Action::EditPolicy)?;
        let loaded = load::save(&self.paths, text)?;
        let source = loaded.source.as_ref().map(|p| p.display().to_string());
        self.note_policy(session, &loaded.hash, source.as_deref()).await?;
        Ok((loaded, load::document(&self.paths)?))
    }

    /// Checks the audit log's hash chain (admin).
    pub async fn verify_audit(&self, session: &Session) -> Result<AuditVerification> {
        session.authorize(Action::ViewAudit)?;
        audit::verify(&self.store).await
    }

    /// Notes the policy in force: when its hash differs from the last one the log saw (or
    /// none was seen), a `policy_change` entry says who started under which policy. Returns
    /// whether it changed.
    pub async fn note_policy(&self, session: &Session, hash: &str, source: Option<&str>) -> Result<bool> {
        let last = audit::last_of(&self.store, "policy_change").await?;
        if last.as_ref().is_some_and(|entry| entry.detail.contains(hash)) {
            return Ok(false);
        }
        let detail = serde_json::json!({ "sha256": hash, "source": source.unwrap_or("built-in") });
        self.audit(session, "policy_change", None, detail).await?;
        Ok(true)
    }
}

/// What an audit export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditExport {
    #[ts(type = "number")]
    pub rows: u64,
    pub path: String,
}
