//! The engine's entry point: the app database, the OS keyring and the access choke point
//! together. Every public operation takes the caller's [`Session`] and authorizes first;
//! the desktop shell and the CLI call these and nothing below them.

mod flink;
mod governance;
mod groups;
mod messages;
mod recordings;
mod replay;
mod schemas;
mod settings;
mod topics;

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use serde::Serialize;
use ts_rs::TS;

use crate::access::{Action, Role, Session};
use crate::error::{Error, Result};
use crate::kafka::KafkaCluster;
use crate::paths::AppPaths;
use crate::probe::{self, ProbeReport, ProbeTarget};
use crate::profile::{ConnectionProfile, ProfileDraft, SecretSlot, SecretUpdate};
use crate::secrets::{Keyring, ResolvedSecrets, Secret};
use crate::store::Store;

pub use governance::AuditExport;
pub use recordings::{RecordRequest, RecordingProgressSink};
pub use replay::ReplayProgressSink;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub version: String,
    pub data_dir: String,
    pub log_file: String,
    pub role: Role,
}

pub struct Workspace {
    store: Store,
    keyring: Keyring,
    paths: AppPaths,
    /// Kafka clients by profile id, made on first use and dropped when the profile changes.
    kafka: tokio::sync::Mutex<HashMap<String, Arc<KafkaCluster>>>,
    /// Schema Registry clients and their schema caches by profile id, like `kafka`.
    registries: tokio::sync::Mutex<HashMap<String, Arc<crate::schema::SchemaResolver>>>,
    /// Flink REST clients by profile id, like `kafka`.
    flink: tokio::sync::Mutex<HashMap<String, Arc<crate::flink::FlinkClient>>>,
    /// The last distinct graph-metrics counters, by "profile/job".
    flink_counters: tokio::sync::Mutex<HashMap<String, crate::flink::metrics::CounterHistory>>,
    /// Recordings opened for reading, by path.
    recordings: recordings::OpenRecordings,
    /// Cancel flags of running scans, by the id the caller gave them.
    scans: tokio::sync::Mutex<HashMap<String, Arc<std::sync::atomic::AtomicBool>>>,
    /// The masking secret, read from the keyring once.
    pseudonym_key: tokio::sync::OnceCell<crate::mask::PseudonymKey>,
}

impl Workspace {
    pub async fn open(paths: AppPaths, keyring: Keyring) -> Result<Self> {
        paths.ensure()?;
        let store = Store::open(&paths.database()).await?;
        Ok(Self {
            store,
            keyring,
            paths,
            kafka: tokio::sync::Mutex::new(HashMap::new()),
            registries: tokio::sync::Mutex::new(HashMap::new()),
            flink: tokio::sync::Mutex::new(HashMap::new()),
            flink_counters: tokio::sync::Mutex::new(HashMap::new()),
            recordings: tokio::sync::Mutex::new(HashMap::new()),
            scans: tokio::sync::Mutex::new(HashMap::new()),
            pseudonym_key: tokio::sync::OnceCell::new(),
        })
    }

    pub fn paths(&self) -> &AppPaths {
        &self.paths
    }

    pub async fn close(&self) {
        self.store.close().await;
    }

    pub fn app_info(&self, session: &Session) -> AppInfo {
        let log_file =
            crate::logging::newest_log_file(&self.paths.log_dir()).unwrap_or_else(|| self.paths.log_dir());
        AppInfo {
            version: env!("CARGO_PKG_VERSION").to_string(),
            data_dir: self.paths.data_dir.display().to_string(),
            log_file: log_file.display().to_string(),
            role: session.role,
        }
    }

    pub async fn list_connections(&self, session: &Session) -> Result<Vec<ConnectionProfile>> {
        session.authorize(Action::ViewConnections)?;
        self.store.list_profiles().await
    }

    pub async fn find_connection(&self, session: &Session, id_or_name: &str) -> Result<ConnectionProfile> {
        session.authorize(Action::ViewConnections)?;
        self.store.find_profile(id_or_name).await
    }

    /// Creates (`draft.id == None`) or updates a profile; secrets go to the keyring first.
    pub async fn save_connection(&self, session: &Session, draft: ProfileDraft) -> Result<ConnectionProfile> {
        session.authorize(Action::EditConnections)?;
        draft.validate()?;
        let now = chrono::Utc::now().to_rfc3339();
        let existing = match &draft.id {
            Some(id) => Some(self.store.find_profile(id).await?),
            None => None,
        };
        let id = existing.as_ref().map_or_else(|| uuid::Uuid::new_v4().to_string(), |p| p.id.clone());
        let mut stored: BTreeSet<SecretSlot> =
            existing.as_ref().map(|p| p.stored_secrets.iter().copied().collect()).unwrap_or_default();
        self.apply_secret_updates(&id, draft.secrets.clone()).await?;
        for update in &draft.secrets {
            match update.value {
                Some(_) => stored.insert(update.slot),
                None => stored.remove(&update.slot),
            };
        }
        let profile = ConnectionProfile {
            id: id.clone(),
            name: draft.name.trim().to_string(),
            environment: draft.environment,
            kafka: draft.kafka,
            schema_registry: draft.schema_registry,
            flink: draft.flink,
            stored_secrets: stored.into_iter().collect(),
            created_at: existing.as_ref().map_or_else(|| now.clone(), |p| p.created_at.clone()),
            updated_at: now,
        };
        let saved = self.store.save_profile(&profile).await;
        if saved.is_err() && existing.is_none() {
            // Do not leave secrets behind for a profile that was never created.
            let keyring = self.keyring.clone();
            let orphan = id.clone();
            let _ = tokio::task::spawn_blocking(move || keyring.delete_all(&orphan)).await;
        }
        saved?;
        self.forget_clients(&profile.id).await;
        tracing::info!(profile = %profile.name, id = %profile.id, "connection saved");
        Ok(profile)
    }

    pub async fn delete_connection(&self, session: &Session, id: &str) -> Result<()> {
        session.authorize(Action::EditConnections)?;
        let profile = self.store.find_profile(id).await?;
        let keyring = self.keyring.clone();
        let profile_id = profile.id.clone();
        tokio::task::spawn_blocking(move || keyring.delete_all(&profile_id))
            .await
            .map_err(|e| Error::internal(format!("The keyring task stopped: {e}")))??;
        self.store.delete_profile(&profile.id).await?;
        self.forget_clients(&profile.id).await;
        tracing::info!(profile = %profile.name, "connection deleted");
        Ok(())
    }

    pub async fn test_connection(&self, session: &Session, id_or_name: &str) -> Result<ProbeReport> {
        session.authorize(Action::TestConnections)?;
        let profile = self.store.find_profile(id_or_name).await?;
        let secrets = self.resolve_secrets(&profile.id, profile.required_secrets()).await?;
        Ok(probe::probe(ProbeTarget {
            kafka: profile.kafka.as_ref(),
            schema_registry: profile.schema_registry.as_ref(),
            flink: profile.flink.as_ref(),
            secrets: &secrets,
        })
        .await)
    }

    /// Tests settings before they are saved: typed secrets first, stored ones for the rest.
    pub async fn test_draft(&self, session: &Session, draft: ProfileDraft) -> Result<ProbeReport> {
        session.authorize(Action::TestConnections)?;
        draft.validate()?;
        let required = draft.required_secrets();
        let mut secrets = match &draft.id {
            Some(id) => self.resolve_secrets(id, required).await?,
            None => ResolvedSecrets::new(),
        };
        for update in draft.secrets.iter() {
            match &update.value {
                Some(value) => secrets.insert(update.slot, Secret::new(value.clone())),
                None => secrets.remove(&update.slot),
            };
        }
        Ok(probe::probe(ProbeTarget {
            kafka: draft.kafka.as_ref(),
            schema_registry: draft.schema_registry.as_ref(),
            flink: draft.flink.as_ref(),
            secrets: &secrets,
        })
        .await)
    }

    pub async fn diagnostics(&self, session: &Session) -> Result<String> {
        session.authorize(Action::ViewDiagnostics)?;
        let profiles = self.store.list_profiles().await?;
        Ok(crate::diagnostics::report(&self.app_info(session), &profiles, &self.paths.log_dir()))
    }

    /// Drops the clients made for a profile that changed or went away.
    async fn forget_clients(&self, profile_id: &str) {
        self.kafka.lock().await.remove(profile_id);
        self.registries.lock().await.remove(profile_id);
        self.flink.lock().await.remove(profile_id);
        self.flink_counters.lock().await.retain(|key, _| !key.starts_with(&format!("{profile_id}/")));
    }

    async fn resolve_secrets(&self, profile_id: &str, slots: Vec<SecretSlot>) -> Result<ResolvedSecrets> {
        let keyring = self.keyring.clone();
        let id = profile_id.to_string();
        tokio::task::spawn_blocking(move || keyring.resolve(&id, &slots))
            .await
            .map_err(|e| Error::internal(format!("The keyring task stopped: {e}")))?
    }

    async fn apply_secret_updates(&self, profile_id: &str, updates: Vec<SecretUpdate>) -> Result<()> {
        if updates.is_empty() {
            return Ok(());
        }
        let keyring = self.keyring.clone();
        let id = profile_id.to_string();
        tokio::task::spawn_blocking(move || {
            updates.iter().try_for_each(|update| match &update.value {
                Some(value) => keyring.set(&id, update.slot, value),
                None => keyring.delete(&id, update.slot),
            })
        })
        .await
        .map_err(|e| Error::internal(format!("The keyring task stopped: {e}")))?
    }
}
