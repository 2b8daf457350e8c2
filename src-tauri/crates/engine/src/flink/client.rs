//! The Flink REST client: the shared JSON-over-HTTP client (auth, TLS, timeouts) with a
//! bound on concurrent requests, so no view can flood the job manager, and errors that
//! name the endpoint. A 404 from an endpoint an older Flink lacks is "missing", not a crash.

use serde_json::Value;
use tokio::sync::Semaphore;

use crate::error::{Error, Result};
use crate::probe::http::Service;
use crate::profile::HttpEndpoint;
use crate::rest::{RestClient, RestError};
use crate::secrets::ResolvedSecrets;

/// At most this many requests to one Flink cluster are in flight at once.
pub const MAX_CONCURRENT_REQUESTS: usize = 4;

pub struct FlinkClient {
    rest: RestClient,
    permits: Semaphore,
}

impl FlinkClient {
    pub fn new(endpoint: &HttpEndpoint, secrets: &ResolvedSecrets) -> Result<Self> {
        let rest = Service::Flink.client(endpoint, secrets).map_err(|f| Error::invalid(f.message))?;
        Ok(Self { rest, permits: Semaphore::new(MAX_CONCURRENT_REQUESTS) })
    }

    pub fn url(&self) -> &str {
        self.rest.base_url()
    }

    pub(crate) async fn get(&self, path: &str) -> Result<Value> {
        let _permit = self.permit().await?;
        self.rest.get(path).await.map_err(|e| self.error(path, e))
    }

    /// Like [`get`](Self::get), but an endpoint this Flink does not have is `None`.
    pub(crate) async fn get_optional(&self, path: &str) -> Result<Option<Value>> {
        match self.get(path).await {
            Ok(value) => Ok(Some(value)),
            Err(Error::NotFound { .. }) => Ok(None),
            Err(other) => Err(other),
        }
    }

    pub(crate) async fn post(&self, path: &str, body: &Value) -> Result<Value> {
        let _permit = self.permit().await?;
        self.rest.post(path, body).await.map_err(|e| self.error(path, e))
    }

    pub(crate) async fn patch(&self, path: &str) -> Result<Value> {
        let _permit = self.permit().await?;
        self.rest.patch(path).await.map_err(|e| self.error(path, e))
    }

    async fn permit(&self) -> Result<tokio::sync::SemaphorePermit<'_>> {
        self.permits.acquire().await.map_err(|_| Error::internal("The Flink client was closed."))
    }

    fn error(&self, path: &str, err: RestError) -> Error {
        let path = path.split('?').next().unwrap_or(path);
        match err {
            RestError::Api { status: 404, message, .. } => {
                Error::not_found(format!("Flink has no /{path}: {message}"))
            }
            RestError::Api { status: 400 | 409, message, .. } => {
                Error::invalid(format!("Flink refused /{path}: {message}"))
            }
            RestError::Api { status, message, .. } => Error::unavailable(format!(
                "Flink at {} failed on /{path} (HTTP {status}): {message}",
                self.url()
            )),
            RestError::Failure(failure) => Error::unavailable(failure.message),
        }
    }
}

/// A path segment (job, vertex or trigger id) checked to be what Flink issues: hex and
/// dashes. Anything else is refused before it reaches a URL.
pub(crate) fn id_segment<'a>(what: &str, id: &'a str) -> Result<&'a str> {
    let ok = !id.is_empty() && id.len() <= 64 && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    if ok {
        Ok(id)
    } else {
        Err(Error::invalid(format!("'{id}' is not a Flink {what} id (expected hex characters).")))
    }
}
