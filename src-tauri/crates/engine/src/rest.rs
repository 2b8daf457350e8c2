//! A JSON-over-HTTP client for the REST services a connection names (the Schema Registry,
//! the Flink REST API): TLS with a custom CA, basic or bearer auth from the keyring, timeouts,
//! and failures that say which step failed — connect, TLS, auth, an HTML page instead of
//! the API, or the API's own error (`{"error_code": 40401, "message": …}`).

use std::time::Duration;

use serde_json::Value;

use crate::probe::{need_secret, FailureKind, ProbeFailure};
use crate::profile::{HttpAuth, HttpEndpoint, SecretSlot};
use crate::secrets::ResolvedSecrets;

pub(crate) const REQUEST_TIMEOUT: Duration = Duration::from_secs(8);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(3);

/// Why a request failed: the service could not be used, or it answered with an error.
#[derive(Debug, Clone)]
pub(crate) enum RestError {
    /// Transport, TLS, auth, or not the expected service.
    Failure(ProbeFailure),
    /// The service answered with an HTTP error; `code` is the API's `error_code` when it sent one.
    Api { status: u16, code: Option<i64>, message: String },
}

enum Auth {
    None,
    Basic(String, String),
    Bearer(String),
}

pub(crate) struct RestClient {
    client: reqwest::Client,
    base: String,
    auth: Auth,
    service: &'static str,
    /// The JSON media type the service expects on request bodies.
    media_type: &'static str,
}

impl RestClient {
    /// A client for `endpoint`; `slots` names the password and token secrets of that service.
    pub(crate) fn new(
        service: &'static str,
        endpoint: &HttpEndpoint,
        secrets: &ResolvedSecrets,
        (password_slot, token_slot): (SecretSlot, SecretSlot),
    ) -> Result<Self, ProbeFailure> {
        endpoint
            .parsed_url(service)
            .map_err(|e| ProbeFailure::new(FailureKind::InvalidConfig, e.to_string()))?;
        let auth = match endpoint.auth {
            HttpAuth::None => Auth::None,
            HttpAuth::Basic => Auth::Basic(
                endpoint.username.clone().unwrap_or_default(),
                need_secret(secrets, password_slot)?.to_string(),
            ),
            HttpAuth::Bearer => Auth::Bearer(need_secret(secrets, token_slot)?.to_string()),
        };
        let mut builder = reqwest::Client::builder()
            .timeout(REQUEST_TIMEOUT)
            .connect_timeout(CONNECT_TIMEOUT)
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
        let client = builder.build().map_err(|e| {
            ProbeFailure::new(FailureKind::InvalidConfig, format!("Cannot set up the HTTP client: {e}."))
        })?;
        let media_type = if service.starts_with("Schema Registry") {
            "application/vnd.schemaregistry.v1+json"
        } else {
            "application/json"
        };
        Ok(Self {
            client,
            base: endpoint.url.trim().trim_end_matches('/').to_string(),
            auth,
            service,
            media_type,
        })
    }

    pub(crate) fn base_url(&self) -> &str {
        &self.base
    }

    pub(crate) async fn get(&self, path: &str) -> Result<Value, RestError> {
        self.send(reqwest::Method::GET, path, None).await
    }

    pub(crate) async fn post(&self, path: &str, body: &Value) -> Result<Value, RestError> {
        self.send(reqwest::Method::POST, path, Some(body)).await
    }

    /// A PATCH without a body (Flink's job cancel); an empty answer is `Value::Null`.
    pub(crate) async fn patch(&self, path: &str) -> Result<Value, RestError> {
        self.send(reqwest::Method::PATCH, path, None).await
    }

    async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<&Value>,
    ) -> Result<Value, RestError> {
        let url = format!("{}/{path}", self.base);
        let mut request = self
            .client
            .request(method.clone(), &url)
            .header("Accept", format!("{}, application/json", self.media_type));
        if let Some(body) = body {
            request = request.header("Content-Type", self.media_type).json(body);
        }
        request = match &self.auth {
            Auth::None => request,
            Auth::Basic(user, password) => request.basic_auth(user, Some(password)),
            Auth::Bearer(token) => request.bearer_auth(token),
        };
        let response =
            request.send().await.map_err(|e| RestError::Failure(self.transport_failure(&url, &e)))?;
        let status = response.status();
        if status == reqwest::StatusCode::UNAUTHORIZED || status == reqwest::StatusCode::FORBIDDEN {
            return Err(RestError::Failure(ProbeFailure::new(
                FailureKind::Auth,
                format!(
                    "The {} refused the credentials (HTTP {}). Check the auth type, username and password or token.",
                    self.service,
                    status.as_u16()
                ),
            )));
        }
        let content_type = response
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string();
        let text = response.text().await.map_err(|e| RestError::Failure(self.transport_failure(&url, &e)))?;
        let parsed: Option<Value> = serde_json::from_str(&text).ok();
        let html = content_type.contains("html") || text.trim_start().starts_with('<');
        if !status.is_success() && parsed.is_none() && html {
            // An HTML error page: a web server or proxy, not the API.
            return Err(RestError::Failure(self.wrong_service(&format!(
                "{method} /{path} answered HTTP {} with an HTML page",
                status.as_u16()
            ))));
        }
        if !status.is_success() {
            let code = parsed.as_ref().and_then(|v| v.get("error_code")).and_then(Value::as_i64);
            let message = parsed
                .as_ref()
                .and_then(|v| v.get("message").or_else(|| v.get("errors")))
                .map(api_message)
                .unwrap_or_else(|| format!("{method} /{path} failed"));
            return Err(RestError::Api { status: status.as_u16(), code, message });
        }
        if text.trim().is_empty() {
            return Ok(Value::Null);
        }
        parsed.ok_or_else(|| {
            let what = if html {
                "an HTML page".to_string()
            } else {
                format!(
                    "something that is not JSON ({})",
                    if content_type.is_empty() { "no content type" } else { &content_type }
                )
            };
            RestError::Failure(self.wrong_service(&format!("{method} /{path} returned {what}")))
        })
    }

    /// "Something answers HTTP there, but it is not this service."
    pub(crate) fn wrong_service(&self, why: &str) -> ProbeFailure {
        ProbeFailure::new(
            FailureKind::WrongService,
            format!(
                "{} answers HTTP, but it is not the {}: {why}. Check the URL, including any path prefix.",
                self.base, self.service
            ),
        )
    }

    fn transport_failure(&self, url: &str, err: &reqwest::Error) -> ProbeFailure {
        let service = self.service;
        let chain = error_chain(err);
        let lower = chain.to_lowercase();
        if err.is_timeout() {
            ProbeFailure::new(
                FailureKind::Timeout,
                format!("The {service} at {url} did not answer within {} s.", REQUEST_TIMEOUT.as_secs()),
            )
        } else if ["certificate", "ssl", "tls", "handshake"].iter().any(|w| lower.contains(w)) {
            ProbeFailure::new(
                FailureKind::Tls,
                format!("TLS with the {service} failed: {chain}. Check the CA certificate, or use http:// if the service has no TLS."),
            )
        } else if err.is_connect() {
            ProbeFailure::new(
                FailureKind::Refused,
                format!("Cannot connect to the {service} at {url}: {chain}."),
            )
        } else {
            ProbeFailure::new(
                FailureKind::Protocol,
                format!("The {service} at {url} did not answer as HTTP: {chain}. Is this port another kind of service?"),
            )
        }
    }
}

/// An API's error text: a string, or Flink's `errors` list (its first line of each entry).
fn api_message(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Array(items) => items
            .iter()
            .map(|item| {
                item.as_str().map_or_else(|| item.to_string(), |t| t.lines().next().unwrap_or(t).to_string())
            })
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
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
