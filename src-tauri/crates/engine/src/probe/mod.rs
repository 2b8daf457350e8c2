//! Connection probes: "Test connection" for each part of a profile, run side by side.
//! Each failure says precisely which step failed — DNS, refused, timeout, TLS, auth, or a
//! different service on that port — so a person knows what to fix.

pub(crate) mod http;
mod kafka;
mod kafka_wire;
mod net;

use std::future::Future;
use std::time::Instant;

use serde::Serialize;
use ts_rs::TS;

use crate::profile::{HttpEndpoint, KafkaSettings, SecretSlot};
use crate::secrets::ResolvedSecrets;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FailureKind {
    InvalidConfig,
    MissingSecret,
    Dns,
    Refused,
    Timeout,
    Tls,
    Auth,
    WrongService,
    Protocol,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProbeFailure {
    pub kind: FailureKind,
    pub message: String,
}

impl ProbeFailure {
    pub(crate) fn new(kind: FailureKind, message: impl Into<String>) -> Self {
        Self { kind, message: message.into() }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PartProbe {
    pub ok: bool,
    /// What was found, e.g. "1 broker, 4 topics" or "Flink 2.3.0, 1 task manager".
    pub summary: String,
    pub failure: Option<ProbeFailure>,
    pub elapsed_ms: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProbeReport {
    pub kafka: Option<PartProbe>,
    pub schema_registry: Option<PartProbe>,
    pub flink: Option<PartProbe>,
}

impl ProbeReport {
    /// Every configured part answered as expected.
    pub fn all_ok(&self) -> bool {
        [&self.kafka, &self.schema_registry, &self.flink].into_iter().flatten().all(|part| part.ok)
    }
}

/// What to probe: the configured parts and the secrets they need.
pub struct ProbeTarget<'a> {
    pub kafka: Option<&'a KafkaSettings>,
    pub schema_registry: Option<&'a HttpEndpoint>,
    pub flink: Option<&'a HttpEndpoint>,
    pub secrets: &'a ResolvedSecrets,
}

/// Probes every configured part at once.
pub async fn probe(target: ProbeTarget<'_>) -> ProbeReport {
    let secrets = target.secrets;
    let kafka = async {
        match target.kafka {
            Some(settings) => Some(timed(kafka::probe(settings, secrets)).await),
            None => None,
        }
    };
    let registry = async {
        match target.schema_registry {
            Some(endpoint) => Some(timed(http::probe(http::Service::Registry, endpoint, secrets)).await),
            None => None,
        }
    };
    let flink = async {
        match target.flink {
            Some(endpoint) => Some(timed(http::probe(http::Service::Flink, endpoint, secrets)).await),
            None => None,
        }
    };
    let (kafka, schema_registry, flink) = tokio::join!(kafka, registry, flink);
    ProbeReport { kafka, schema_registry, flink }
}

async fn timed(work: impl Future<Output = Result<String, ProbeFailure>>) -> PartProbe {
    let start = Instant::now();
    let outcome = work.await;
    let elapsed_ms = u32::try_from(start.elapsed().as_millis()).unwrap_or(u32::MAX);
    match outcome {
        Ok(summary) => PartProbe { ok: true, summary, failure: None, elapsed_ms },
        Err(failure) => {
            tracing::info!(kind = ?failure.kind, message = %failure.message, "probe failed");
            PartProbe { ok: false, summary: String::new(), failure: Some(failure), elapsed_ms }
        }
    }
}

/// The stored secret for `slot`, or a failure saying it is missing.
pub(crate) fn need_secret(secrets: &ResolvedSecrets, slot: SecretSlot) -> Result<&str, ProbeFailure> {
    secrets.get(&slot).map(|s| s.expose()).ok_or_else(|| {
        ProbeFailure::new(
            FailureKind::MissingSecret,
            format!(
                "The {} is not stored for this connection: edit the connection and enter it.",
                slot.label()
            ),
        )
    })
}
