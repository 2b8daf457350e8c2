//! Secrets of connection profiles, kept only in the OS keyring (Secret Service on Linux,
//! Keychain on macOS, Credential Manager on Windows) through the `keyring` crate.
//!
//! Every value that passes through here is registered with the log redactor, so it cannot
//! reach a log line even by accident. Calls block (D-Bus on Linux): async code runs them on
//! a blocking thread. Nothing here writes to SQLite.

use std::collections::BTreeMap;
use std::fmt;

use crate::error::{Error, Result};
use crate::logging::redactor;
use crate::profile::SecretSlot;

/// A secret value. Its `Debug` never shows it; `expose` is the one way to read it.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        let value = value.into();
        redactor().remember(&value);
        Self(value)
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

/// The secrets a connection attempt needs, by slot.
pub type ResolvedSecrets = BTreeMap<SecretSlot, Secret>;

/// The OS keyring, under one service name (tests use their own to stay isolated).
#[derive(Debug, Clone)]
pub struct Keyring {
    service: String,
}

pub const DEFAULT_KEYRING_SERVICE: &str = "streamlens";

impl Keyring {
    pub fn new(service: impl Into<String>) -> Self {
        Self { service: service.into() }
    }

    /// The service name from `STREAMLENS_KEYRING_SERVICE`, else `streamlens`.
    pub fn from_env() -> Self {
        Self::new(
            std::env::var("STREAMLENS_KEYRING_SERVICE")
                .unwrap_or_else(|_| DEFAULT_KEYRING_SERVICE.to_string()),
        )
    }

    pub fn service(&self) -> &str {
        &self.service
    }

    fn entry(&self, profile_id: &str, slot: SecretSlot) -> Result<keyring::Entry> {
        keyring::Entry::new(&self.service, &format!("{profile_id}/{}", slot.as_str()))
            .map_err(|err| keyring_error("open", slot, err))
    }

    pub fn set(&self, profile_id: &str, slot: SecretSlot, value: &str) -> Result<()> {
        redactor().remember(value);
        let entry = self.entry(profile_id, slot)?;
        retrying(|| entry.set_password(value)).map_err(|err| keyring_error("store", slot, err))
    }

    pub fn get(&self, profile_id: &str, slot: SecretSlot) -> Result<Option<Secret>> {
        let entry = self.entry(profile_id, slot)?;
        match retrying(|| entry.get_password()) {
            Ok(value) => Ok(Some(Secret::new(value))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(err) => Err(keyring_error("read", slot, err)),
        }
    }

    pub fn delete(&self, profile_id: &str, slot: SecretSlot) -> Result<()> {
        let entry = self.entry(profile_id, slot)?;
        match retrying(|| entry.delete_credential()) {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(err) => Err(keyring_error("delete", slot, err)),
        }
    }

    pub fn delete_all(&self, profile_id: &str) -> Result<()> {
        SecretSlot::ALL.iter().try_for_each(|slot| self.delete(profile_id, *slot))
    }

    /// The workspace's masking secret (pseudonyms are HMACs keyed with it), made on first use.
    pub fn masking_secret(&self) -> Result<Secret> {
        let entry = keyring::Entry::new(&self.service, "workspace/masking-secret")
            .map_err(|err| workspace_keyring_error("open", err))?;
        match retrying(|| entry.get_password()) {
            Ok(value) => {
                redactor().remember(&value);
                Ok(Secret::new(value))
            }
            Err(keyring::Error::NoEntry) => {
                let mut bytes = [0u8; 32];
                getrandom::fill(&mut bytes).map_err(|e| {
                    Error::internal(format!("No randomness from the OS for the masking secret: {e}"))
                })?;
                let value: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
                redactor().remember(&value);
                retrying(|| entry.set_password(&value))
                    .map_err(|err| workspace_keyring_error("store", err))?;
                Ok(Secret::new(value))
            }
            Err(err) => Err(workspace_keyring_error("read", err)),
        }
    }

    /// Reads the given slots; a slot with nothing stored is left out.
    pub fn resolve(&self, profile_id: &str, slots: &[SecretSlot]) -> Result<ResolvedSecrets> {
        let mut out = ResolvedSecrets::new();
        for slot in slots {
            if let Some(secret) = self.get(profile_id, *slot)? {
                out.insert(*slot, secret);
            }
        }
        Ok(out)
    }
}

/// Runs a keyring call, and again (twice at most, after a pause) when the platform store
/// failed rather than answered: a Secret Service daemon that went away mid-call is started
/// again by D-Bus activation, so the next call usually succeeds. "No entry" and other real
/// answers are returned at once.
fn retrying<T>(call: impl Fn() -> keyring::Result<T>) -> keyring::Result<T> {
    let mut outcome = call();
    for pause_ms in [200, 800] {
        match &outcome {
            Err(keyring::Error::PlatformFailure(_)) => {
                tracing::warn!("the OS keyring failed; trying again");
                std::thread::sleep(std::time::Duration::from_millis(pause_ms));
                outcome = call();
            }
            _ => break,
        }
    }
    outcome
}

fn workspace_keyring_error(action: &str, err: keyring::Error) -> Error {
    keyring_failure(action, "workspace masking secret", err)
}

fn keyring_error(action: &str, slot: SecretSlot, err: keyring::Error) -> Error {
    keyring_failure(action, slot.label(), err)
}

fn keyring_failure(action: &str, what: &str, err: keyring::Error) -> Error {
    // keyring errors never contain the secret itself, only the platform's reason.
    let hint = match err {
        keyring::Error::NoStorageAccess(_) | keyring::Error::PlatformFailure(_) => {
            " Is an OS keyring running and unlocked? On Linux Streamlens needs a Secret Service \
             (GNOME Keyring, KWallet or KeePassXC)."
        }
        _ => "",
    };
    Error::Keyring { message: format!("Could not {action} the {what} in the OS keyring: {err}.{hint}") }
}
