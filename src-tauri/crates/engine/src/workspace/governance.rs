//! The workspace's side of the policy: the masking secret (kept in the OS keyring), the
//! audit trail every data access leaves, and the admin's view of that trail.

use super::Workspace;
use crate::access::audit::{self, AuditEntry, AuditVerification};
use crate::access::{Action, Session};
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
