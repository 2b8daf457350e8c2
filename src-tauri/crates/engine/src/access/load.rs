//! Finding and trusting the workspace policy. Personal mode: the user's own unsigned
//! `policy.toml` in the data directory (or none: the built-in policy), and the role the
//! user picks. Managed mode: the installation pins an admin's public key
//! (`/etc/streamlens/policy-key.pub`, or `STREAMLENS_POLICY_KEY`); the policy must then be
//! signed by that key, and the role comes from the policy's assignment for the OS user —
//! the user may only "view as" a role below it.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;
use ts_rs::TS;

use super::{signature, Policy, Role, Session};
use crate::error::{Error, Result};
use crate::paths::AppPaths;

const SYSTEM_DIR: &str = "/etc/streamlens";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PolicyMode {
    Personal,
    /// Signed by the pinned key with this fingerprint.
    Managed {
        key: String,
    },
}

#[derive(Debug, Clone)]
pub struct LoadedPolicy {
    pub policy: Arc<Policy>,
    pub mode: PolicyMode,
    /// The file it came from (`None`: the built-in policy).
    pub source: Option<PathBuf>,
    /// SHA-256 of the policy file (or of the built-in policy's text), for recordings and audit.
    pub hash: String,
}

/// Where the policy file is: `STREAMLENS_POLICY`, else the system one in managed mode, else
/// `policy.toml` in the data directory.
pub fn policy_path(paths: &AppPaths, managed: bool) -> PathBuf {
    let system = Path::new(SYSTEM_DIR).join("policy.toml");
    if managed && system.exists() {
        return system;
    }
    if let Ok(path) = std::env::var("STREAMLENS_POLICY") {
        return PathBuf::from(path);
    }
    paths.data_dir.join("policy.toml")
}

/// The pinned public key, if this installation is managed. The system pin always wins:
/// `STREAMLENS_POLICY_KEY` can pin a key where there is none (tests, a portable install),
/// never replace or remove the installation's.
pub fn pinned_key() -> Result<Option<String>> {
    let system = Path::new(SYSTEM_DIR).join("policy-key.pub");
    let path = match std::env::var("STREAMLENS_POLICY_KEY") {
        Ok(path) if !system.exists() => PathBuf::from(path),
        _ => system,
    };
    match std::fs::read_to_string(&path) {
        Ok(text) => Ok(Some(text.trim().to_string())),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(err) => {
            Err(Error::invalid(format!("Cannot read the pinned policy key {}: {err}", path.display())))
        }
    }
}

/// Loads the policy this installation runs under; refuses an unsigned or edited one in
/// managed mode.
pub fn load(paths: &AppPaths) -> Result<LoadedPolicy> {
    let pinned = pinned_key()?;
    load_from(&policy_path(paths, pinned.is_some()), pinned.as_deref())
}

/// Loads the policy at `path`; with a `pinned` public key it must be signed by that key.
pub fn load_from(path: &Path, pinned: Option<&str>) -> Result<LoadedPolicy> {
    let path = path.to_path_buf();
    let text = match std::fs::read(&path) {
        Ok(bytes) => Some(bytes),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => None,
        Err(err) => return Err(Error::invalid(format!("Cannot read the policy {}: {err}", path.display()))),
    };
    let refuse = |why: String| {
        Error::forbidden(format!(
            "The workspace policy {} is refused: {why}. This installation is managed; ask your admin for a policy signed with its key.",
            path.display()
        ))
    };
    let mode = match pinned {
        None => PolicyMode::Personal,
        Some(key) => {
            let bytes = text.as_deref().ok_or_else(|| refuse("there is no policy file".to_string()))?;
            let sig_path = signature_path(&path);
            let sig = std::fs::read_to_string(&sig_path)
                .map_err(|_| refuse(format!("it is not signed ({} is missing)", sig_path.display())))?;
            signature::verify(key, bytes, &sig).map_err(refuse)?;
            PolicyMode::Managed { key: signature::fingerprint(key) }
        }
    };
    let (policy, source, hashed) = match text {
        None => (Policy::builtin(), None, b"builtin".to_vec()),
        Some(bytes) => {
            let text = String::from_utf8(bytes.clone())
                .map_err(|_| Error::invalid(format!("The policy {} is not UTF-8 text.", path.display())))?;
            let policy = Policy::parse(&text)
                .map_err(|e| Error::invalid(format!("The policy {} is not valid: {e}", path.display())))?;
            (policy, Some(path.clone()), bytes)
        }
    };
    Ok(LoadedPolicy { policy: Arc::new(policy), mode, source, hash: sha256_hex(&hashed) })
}

/// The policy file as an admin edits it in the app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PolicyDocument {
    /// The file's text; with no file, a commented starter (the built-in policy applies).
    pub text: String,
    pub path: String,
    /// No policy file: the built-in policy applies.
    pub builtin: bool,
    /// The installation pins an admin's key: the policy is signed and not edited here.
    pub managed: bool,
    /// Why it cannot be edited here (managed), and how it is changed instead.
    pub reason: Option<String>,
    /// SHA-256 of the file (of `builtin` with no file): what recordings and the audit log name.
    pub sha256: String,
}

/// What a new policy file starts from.
const STARTER: &str = "# The workspace policy (docs/policy.md). With no file the built-in policy applies;
# saving this creates the file. Sections: [[connections]], [[assignments]], [[grants]],
# [[denials]], [masking] and [[masking.rules]].
version = 1
";

/// The policy file this installation reads, for the editor.
pub fn document(paths: &AppPaths) -> Result<PolicyDocument> {
    let pinned = pinned_key()?;
    let path = policy_path(paths, pinned.is_some());
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => None,
        Err(err) => return Err(Error::invalid(format!("Cannot read the policy {}: {err}", path.display()))),
    };
    let managed = pinned.is_some();
    let reason = managed.then(|| {
        "This installation is managed: the policy is signed with your admin's key. Change it there and sign it with `streamlens policy sign`.".to_string()
    });
    Ok(PolicyDocument {
        sha256: sha256_hex(text.as_deref().map_or(b"builtin".as_slice(), str::as_bytes)),
        builtin: text.is_none(),
        text: text.unwrap_or_else(|| STARTER.to_string()),
        path: path.display().to_string(),
        managed,
        reason,
    })
}

/// Replaces the personal policy file with `text` once it parses as a policy, and loads it.
/// Refused in managed mode: there the policy changes only by the admin's signature.
pub fn save(paths: &AppPaths, text: &str) -> Result<LoadedPolicy> {
    if pinned_key()?.is_some() {
        return Err(Error::forbidden(
            "This installation is managed: the policy is signed with your admin's key and cannot be changed here.",
        ));
    }
    Policy::parse(text).map_err(|e| Error::invalid(format!("The policy is not valid: {e}")))?;
    let path = policy_path(paths, false);
    let mut temporary = path.as_os_str().to_os_string();
    temporary.push(".saving");
    let temporary = PathBuf::from(temporary);
    std::fs::write(&temporary, text).and_then(|()| std::fs::rename(&temporary, &path)).map_err(|e| {
        let _ = std::fs::remove_file(&temporary);
        Error::invalid(format!("Cannot write the policy {}: {e}", path.display()))
    })?;
    load_from(&path, None)
}

/// `policy.toml` → `policy.toml.sig`.
pub fn signature_path(policy: &Path) -> PathBuf {
    let mut name = policy.as_os_str().to_os_string();
    name.push(".sig");
    PathBuf::from(name)
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    lower_hex(&sha2::Sha256::digest(bytes))
}

/// Bytes as lower-case hex.
pub fn lower_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl LoadedPolicy {
    /// The session for `user`: in managed mode the policy's role (a `requested` role only as
    /// "view as" below it); in personal mode the requested role, else the policy's, else
    /// developer.
    pub fn session(&self, user: &str, requested: Option<Role>) -> Result<Session> {
        let assigned = self.policy.role_for(user);
        let base = match (&self.mode, assigned) {
            (PolicyMode::Managed { .. }, None) => {
                return Err(Error::forbidden(format!(
                    "The workspace policy assigns no role to the user '{user}'. Ask your admin to add one."
                )))
            }
            (PolicyMode::Managed { .. }, Some(role)) => role,
            (PolicyMode::Personal, assigned) => requested.or(assigned).unwrap_or(Role::Developer),
        };
        let session = Session::with_policy(base, user.to_string(), Arc::clone(&self.policy))
            .with_policy_hash(&self.hash);
        match (requested, &self.mode) {
            (Some(role), PolicyMode::Managed { .. }) if role != base => session.view_as(role),
            _ => Ok(session),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const POLICY: &str = "[[assignments]]\nuser = \"ann\"\nrole = \"support\"\n";

    fn setup() -> (tempfile::TempDir, PathBuf, String, String) {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("policy.toml");
        let (secret, public) = signature::generate().unwrap_or_default();
        std::fs::write(&path, POLICY).unwrap_or_default();
        (dir, path, secret, public)
    }

    fn sign(path: &Path, secret: &str) {
        let text = std::fs::read(path).unwrap_or_default();
        std::fs::write(signature_path(path), signature::sign(secret, &text).unwrap_or_default())
            .unwrap_or_default();
    }

    fn refusal(path: &Path, key: &str) -> String {
        load_from(path, Some(key)).err().map(|e| e.to_string()).unwrap_or_default()
    }

    #[test]
    fn managed_mode_takes_only_a_policy_signed_by_the_pinned_key() {
        let (_dir, path, secret, public) = setup();
        assert!(refusal(&path, &public).contains("it is not signed"));
        sign(&path, &secret);
        let loaded = load_from(&path, Some(&public)).unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(loaded.mode, PolicyMode::Managed { .. }));
        let session = loaded.session("ann", None).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(session.role, Role::Support);
        // The role comes from the policy: asking for a higher one is refused, a lower one is "view as".
        assert!(loaded.session("ann", Some(Role::Developer)).is_err());
        assert_eq!(
            loaded.session("ann", Some(Role::Troubleshooter)).map(|s| s.role).ok(),
            Some(Role::Troubleshooter)
        );
        assert!(loaded
            .session("bob", None)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default()
            .contains("no role"));

        let (_, other_public) = signature::generate().unwrap_or_default();
        assert!(refusal(&path, &other_public).contains("another key"));
        std::fs::write(&path, format!("{POLICY}\n[[assignments]]\nuser = \"bob\"\nrole = \"admin\"\n"))
            .unwrap_or_default();
        assert!(refusal(&path, &public).contains("edited after signing"));
        std::fs::remove_file(&path).unwrap_or_default();
        assert!(refusal(&path, &public).contains("no policy file"));
    }

    #[test]
    fn personal_mode_takes_an_unsigned_policy_or_none() {
        let (dir, path, _, _) = setup();
        let loaded = load_from(&path, None).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(loaded.mode, PolicyMode::Personal);
        assert_eq!(loaded.session("ann", Some(Role::Developer)).map(|s| s.role).ok(), Some(Role::Developer));
        assert_eq!(loaded.session("ann", None).map(|s| s.role).ok(), Some(Role::Support));
        let none = load_from(&dir.path().join("missing.toml"), None).unwrap_or_else(|e| panic!("{e}"));
        assert!(none.source.is_none());
        std::fs::write(&path, "version = 9").unwrap_or_default();
        let err = load_from(&path, None).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.contains("not valid") && err.contains("version 9"), "{err}");
    }
}
