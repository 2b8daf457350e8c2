//! Probes for the two REST services: the Confluent Schema Registry API and the Flink REST
//! API. After DNS and TCP, one GET that only the right service answers correctly tells
//! "auth refused" from "TLS" from "some other HTTP server on that port".

use std::time::Duration;

use serde_json::Value;

use super::{net, FailureKind, ProbeFailure};
use crate::profile::{HttpAuth, HttpEndpoint, SecretSlot};
use crate::secrets::ResolvedSecrets;

const REQUEST_TIMEOUT: Duration = Duration::from_secs(8);

#[derive(Debug, Clone, Copy)]
pub(crate) enum Service {
    Registry,
    Flink,
}

impl Service {
    fn name(self) -> &'static str {
        match self {
            Self::Registry => "Schema Registry",
            Self::Flink => "Flink REST API",
        }
    }
    fn secret_slots(self) -> (SecretSlot, SecretSlot) {
        match self {
            Self::Registry => (SecretSlot::RegistryPassword, SecretSlot::RegistryToken),
            Self::Flink => (SecretSlot::FlinkPassword, SecretSlot::FlinkToken),
        }
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

    let client = build_client(endpoint)?;
    let auth = auth_for(service, endpoint, secrets)?;
    match service {
        Service::Registry => {
            let subjects = get_json(&client, &auth, service, endpoint, "subjects").await?;
            let count = subjects.as_array().map(Vec::len).ok_or_else(|| {
                wrong_service(service, endpoint, "/subjects did not return a list of subjects")
            })?;
            let level = get_json(&client, &auth, service, endpoint, "config")
                .await
                .ok()
                .and_then(|c| c.get("compatibilityLevel").and_then(Value::as_str).map(str::to_string));
            let level = level.map(|l| format!(", compatibility {l}")).unwrap_or_default();
            Ok(format!("{count} subject{}{level}", if count == 1 { "" } else { "s" }))
        }
        Service::Flink => {
            let config = get_json(&client, &auth, service, endpoint, "config").await?;
            let version = config
                .get("flink-version")
                .and_then(Value::as_str)
                .ok_or_else(|| wrong_service(service, endpoint, "/config has no flink-version"))?;
            let overview = get_json(&client, &auth, service, endpoint, "overview").await?;
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

enum Auth {
    None,
    Basic(String, String),
    Bearer(String),
}

fn auth_for(
    service: Service,
    endpoint: &HttpEndpoint,
    secrets: &ResolvedSecrets,
) -> Result<Auth, ProbeFailure> {
    let (password_slot, token_slot) = service.secret_slots();
    Ok(match endpoint.auth {
        HttpAuth::None => Auth::None,
        HttpAuth::Basic => Auth::Basic(
            endpoint.username.clone().unwrap_or_default(),
            super::need_secret(secrets, password_slot)?.to_string(),
        ),
        HttpAuth::Bearer => Auth::Bearer(super::need_secret(secrets, token_slot)?.to_string()),
    })
}

fn build_client(endpoint: &HttpEndpoint) -> Result<reqwest::Client, ProbeFailure> {
    let mut builder = reqwest::Client::builder()
        .timeout(REQUEST_TIMEOUT)
        .connect_timeout(net::CONNECT_TIMEOUT)
        .user_agent(concat!("streamlens/", env!("CARGO_PKG_VERSION")));
    if let Some(pem) = endpoint.ca_pem.as_deref().filter(|p| !p.trim().is_empty()) {
        let cert = reqwest::Certificate::from_pem(pem.as_bytes()).map_err(|e| {
            ProbeFailure::new(
                FailureKind::InvalidConfig,
                format!("The CA certificate is not valid PEM: {e}."),
            )
        })?;
        builder = builder.add_root_certificate(cert);
    }
    builder.build().map_err(|e| {
        ProbeFailure::new(FailureKind::InvalidConfig, format!("Cannot set up the HTTP client: {e}."))
    })
}

async fn get_json(
    client: &reqwest::Client,
    auth: &Auth,
    service: Service,
    endpoint: &HttpEndpoint,
    path: &str,
) -> Result<Value, ProbeFailure> {
    let url = format!("{}/{path}", endpoint.url.trim().trim_end_matches('/'));
    let mut request =
        client.get(&url).header("Accept", "application/vnd.schemaregistry.v1+json, application/json");
    request = match auth {
        Auth::None => request,
        Auth::Basic(user, password) => request.basic_auth(user, Some(password)),
        Auth::Bearer(token) => request.bearer_auth(token),
    };
    let response = request.send().await.map_err(|e| transport_failure(service, &url, &e))?;
    let status = response.status();
    if status == reqwest::StatusCode::UNAUTHORIZED || status == reqwest::StatusCode::FORBIDDEN {
        return Err(ProbeFailure::new(
            FailureKind::Auth,
            format!(
                "The {} refused the credentials (HTTP {}). Check the auth type, username and password or token.",
                service.name(),
                status.as_u16()
            ),
        ));
    }
    let content_type = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let body = response.text().await.map_err(|e| transport_failure(service, &url, &e))?;
    if !status.is_success() {
        return Err(wrong_service(
            service,
            endpoint,
            &format!("GET /{path} answered HTTP {}", status.as_u16()),
        ));
    }
    serde_json::from_str(&body).map_err(|_| {
        let what = if content_type.contains("html") || body.trim_start().starts_with('<') {
            "an HTML page".to_string()
        } else {
            format!(
                "something that is not JSON ({})",
                if content_type.is_empty() { "no content type" } else { &content_type }
            )
        };
        wrong_service(service, endpoint, &format!("GET /{path} returned {what}"))
    })
}

fn wrong_service(service: Service, endpoint: &HttpEndpoint, why: &str) -> ProbeFailure {
    ProbeFailure::new(
        FailureKind::WrongService,
        format!(
            "{} answers HTTP, but it is not the {}: {why}. Check the URL, including any path prefix.",
            endpoint.url,
            service.name()
        ),
    )
}

fn transport_failure(service: Service, url: &str, err: &reqwest::Error) -> ProbeFailure {
    let chain = error_chain(err).to_lowercase();
    if err.is_timeout() {
        ProbeFailure::new(
            FailureKind::Timeout,
            format!("The {} at {url} did not answer within {} s.", service.name(), REQUEST_TIMEOUT.as_secs()),
        )
    } else if chain.contains("certificate")
        || chain.contains("ssl")
        || chain.contains("tls")
        || chain.contains("handshake")
    {
        ProbeFailure::new(
            FailureKind::Tls,
            format!("TLS with the {} failed: {}. Check the CA certificate, or use http:// if the service has no TLS.", service.name(), error_chain(err)),
        )
    } else if err.is_connect() {
        ProbeFailure::new(
            FailureKind::Refused,
            format!("Cannot connect to the {} at {url}: {}.", service.name(), error_chain(err)),
        )
    } else {
        ProbeFailure::new(
            FailureKind::Protocol,
            format!(
                "The {} at {url} did not answer as HTTP: {}. Is this port another kind of service?",
                service.name(),
                error_chain(err)
            ),
        )
    }
}

fn error_chain(err: &(dyn std::error::Error + 'static)) -> String {
    let mut parts = vec![err.to_string()];
    let mut source = err.source();
    while let Some(inner) = source {
        parts.push(inner.to_string());
        source = inner.source();
    }
    parts.join(": ")
}
