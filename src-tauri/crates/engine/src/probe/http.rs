//! Probes for the two REST services: the Confluent Schema Registry API and the Flink REST
//! API. After DNS and TCP, one GET that only the right service answers correctly tells
//! "auth refused" from "TLS" from "some other HTTP server on that port".

use serde_json::Value;

use super::{net, FailureKind, ProbeFailure};
use crate::profile::{HttpEndpoint, SecretSlot};
use crate::rest::{RestClient, RestError};
use crate::secrets::ResolvedSecrets;

#[derive(Debug, Clone, Copy)]
pub(crate) enum Service {
    Registry,
    Flink,
}

impl Service {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Self::Registry => "Schema Registry",
            Self::Flink => "Flink REST API",
        }
    }
    pub(crate) fn secret_slots(self) -> (SecretSlot, SecretSlot) {
        match self {
            Self::Registry => (SecretSlot::RegistryPassword, SecretSlot::RegistryToken),
            Self::Flink => (SecretSlot::FlinkPassword, SecretSlot::FlinkToken),
        }
    }

    /// A REST client for this service at `endpoint`.
    pub(crate) fn client(
        self,
        endpoint: &HttpEndpoint,
        secrets: &ResolvedSecrets,
    ) -> Result<RestClient, ProbeFailure> {
        RestClient::new(self.name(), endpoint, secrets, self.secret_slots())
    }
}

pub(crate) async fn probe(
    service: Service,
    endpoint: &HttpEndpoint,
    secrets: &ResolvedSecrets,
) -> Result<String, ProbeFailure> {
    let url = endpoint
        .parsed_url(service.name())
        .map_err(|e| ProbeFailure::new(FailureKind::InvalidConfig, e.to_string()))?;
    let host = url.host_str().unwrap_or_default().trim_start_matches('[').trim_end_matches(']');
    let port = url.port_or_known_default().unwrap_or(80);
    drop(net::connect(host, port).await?);

    let client = service.client(endpoint, secrets)?;
    let get = |path: &'static str| {
        let client = &client;
        async move {
            client.get(path).await.map_err(|err| match err {
                RestError::Failure(failure) => failure,
                RestError::Api { status, .. } => {
                    client.wrong_service(&format!("GET /{path} answered HTTP {status}"))
                }
            })
        }
    };
    match service {
        Service::Registry => {
            let subjects = get("subjects").await?;
            let count = subjects
                .as_array()
                .map(Vec::len)
                .ok_or_else(|| client.wrong_service("/subjects did not return a list of subjects"))?;
            let level = get("config")
                .await
                .ok()
                .and_then(|c| c.get("compatibilityLevel").and_then(Value::as_str).map(str::to_string));
            let level = level.map(|l| format!(", compatibility {l}")).unwrap_or_default();
            Ok(format!("{count} subject{}{level}", if count == 1 { "" } else { "s" }))
        }
        Service::Flink => {
            let config = get("config").await?;
            let version = config
                .get("flink-version")
                .and_then(Value::as_str)
                .ok_or_else(|| client.wrong_service("/config has no flink-version"))?;
            let overview = get("overview").await?;
            let number = |key: &str| overview.get(key).and_then(Value::as_u64).unwrap_or(0);
            let managers = number("taskmanagers");
            Ok(format!(
                "Flink {version}, {managers} task manager{}, {} slots ({} free), {} running job{}",
                if managers == 1 { "" } else { "s" },
                number("slots-total"),
                number("slots-available"),
                number("jobs-running"),
                if number("jobs-running") == 1 { "" } else { "s" },
            ))
        }
    }
}
