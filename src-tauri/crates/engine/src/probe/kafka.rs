//! The Kafka probe: the bootstrap list, DNS and TCP for each server, a wire check that the
//! port speaks Kafka (and TLS or not, as configured), then a real metadata request through
//! librdkafka with the profile's security settings.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use rdkafka::client::ClientContext;
use rdkafka::consumer::{BaseConsumer, Consumer, ConsumerContext};
use rdkafka::error::KafkaError;

use super::kafka_wire::{self, WireAnswer};
use super::{net, FailureKind, ProbeFailure};
use crate::kafka::client_config;
use crate::profile::KafkaSettings;
use crate::secrets::ResolvedSecrets;

const METADATA_TIMEOUT: Duration = Duration::from_secs(10);

pub(crate) async fn probe(
    settings: &KafkaSettings,
    secrets: &ResolvedSecrets,
) -> Result<String, ProbeFailure> {
    let addresses = settings
        .bootstrap_addresses()
        .map_err(|e| ProbeFailure::new(FailureKind::InvalidConfig, e.to_string()))?;
    if settings.security_protocol.uses_sasl() {
        super::need_secret(secrets, crate::profile::SecretSlot::KafkaPassword)?;
    }
    let mut config = client_config(settings, secrets)
        .map_err(|e| ProbeFailure::new(FailureKind::MissingSecret, e.to_string()))?;
    // A probe should answer fast: a metadata request that takes longer than this is a failure.
    config.set("socket.timeout.ms", "8000");

    // Reach at least one bootstrap server; report the first failure if none answers.
    let mut first_failure = None;
    let mut reached = false;
    for (host, port) in &addresses {
        match net::connect(host, *port).await {
            Ok(mut stream) => {
                let mut answer = kafka_wire::check(&mut stream).await;
                if matches!(answer, WireAnswer::Silent | WireAnswer::Closed | WireAnswer::Other)
                    && kafka_wire::answers_http(host, *port).await
                {
                    answer = WireAnswer::Http;
                }
                check_wire(&answer, settings, host, *port)?;
                reached = true;
                break;
            }
            Err(failure) => {
                first_failure.get_or_insert(failure);
            }
        }
    }
    if !reached {
        return Err(first_failure.unwrap_or_else(|| {
            ProbeFailure::new(FailureKind::InvalidConfig, "No bootstrap server to try.")
        }));
    }

    let captured = Arc::new(Mutex::new(Vec::<String>::new()));
    let context = ProbeContext { errors: Arc::clone(&captured) };
    let outcome = tokio::task::spawn_blocking(move || {
        let consumer: BaseConsumer<ProbeContext> = config.create_with_context(context)?;
        consumer.fetch_metadata(None, METADATA_TIMEOUT)
    })
    .await
    .map_err(|e| ProbeFailure::new(FailureKind::Protocol, format!("The Kafka probe stopped: {e}")))?;
    match outcome {
        Ok(metadata) => {
            let brokers = metadata.brokers().len();
            let topics = metadata.topics().iter().filter(|t| !t.name().starts_with("__")).count();
            Ok(format!("{} broker{}, {} topic{}", brokers, plural(brokers), topics, plural(topics)))
        }
        Err(err) => {
            let errors = captured.lock().map(|e| e.clone()).unwrap_or_default();
            Err(classify_client_error(&err, &errors))
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn check_wire(
    answer: &WireAnswer,
    settings: &KafkaSettings,
    host: &str,
    port: u16,
) -> Result<(), ProbeFailure> {
    let tls_configured = settings.security_protocol.uses_tls();
    match answer {
        WireAnswer::Kafka { .. } if tls_configured => Err(ProbeFailure::new(
            FailureKind::Tls,
            format!(
                "{host}:{port} speaks Kafka without TLS, but this connection is set to use TLS. \
                 Choose PLAINTEXT or SASL_PLAINTEXT, or use the broker's TLS listener port."
            ),
        )),
        WireAnswer::Tls if !tls_configured => Err(ProbeFailure::new(
            FailureKind::Tls,
            format!(
                "{host}:{port} expects TLS, but this connection is set to plaintext. \
                 Choose SSL or SASL_SSL."
            ),
        )),
        WireAnswer::Http => Err(ProbeFailure::new(
            FailureKind::WrongService,
            format!(
                "An HTTP server answered on {host}:{port}, not a Kafka broker. \
                 Is this the Schema Registry, Flink or a REST proxy port?"
            ),
        )),
        WireAnswer::Other => Err(ProbeFailure::new(
            FailureKind::WrongService,
            format!("{host}:{port} answered, but not as a Kafka broker would. Check the port."),
        )),
        WireAnswer::Closed if !tls_configured => Err(ProbeFailure::new(
            FailureKind::WrongService,
            format!(
                "{host}:{port} accepted the connection and closed it without answering a Kafka request. \
                 Check the port, and whether the broker requires TLS."
            ),
        )),
        WireAnswer::Silent if !tls_configured => Err(ProbeFailure::new(
            FailureKind::WrongService,
            format!("{host}:{port} accepted the connection but never answered a Kafka request."),
        )),
        // A TLS listener may stay silent or close on plaintext; librdkafka's TLS handshake decides.
        _ => Ok(()),
    }
}

/// Sorts a librdkafka failure into a kind, using the errors it reported while trying.
fn classify_client_error(err: &KafkaError, reported: &[String]) -> ProbeFailure {
    let all = format!("{err}; {}", reported.join("; "));
    let lower = all.to_lowercase();
    let detail = reported.last().cloned().unwrap_or_else(|| err.to_string());
    let (kind, advice) = if lower.contains("sasl") || lower.contains("authentication") {
        (
            FailureKind::Auth,
            "The broker refused the credentials: check the SASL mechanism, username and password.",
        )
    } else if lower.contains("ssl") || lower.contains("certificate") || lower.contains("handshake") {
        (FailureKind::Tls, "The TLS handshake failed: check the CA certificate, the client certificate and key, and hostname verification.")
    } else if lower.contains("refused") {
        (FailureKind::Refused, "A broker refused the connection: the advertised listener may point to a host or port you cannot reach.")
    } else if lower.contains("resolve") {
        (FailureKind::Dns, "A broker's advertised host name cannot be resolved from this machine.")
    } else if lower.contains("timed out") || lower.contains("timeout") {
        (FailureKind::Timeout, "The cluster did not answer a metadata request in time: the advertised listeners may be unreachable from here.")
    } else {
        (FailureKind::Protocol, "The Kafka client could not read the cluster's metadata.")
    };
    ProbeFailure::new(kind, format!("{advice} ({detail})"))
}

/// Collects the errors librdkafka reports while the probe runs, for classification.
struct ProbeContext {
    errors: Arc<Mutex<Vec<String>>>,
}

impl ClientContext for ProbeContext {
    fn error(&self, error: KafkaError, reason: &str) {
        if let Ok(mut errors) = self.errors.lock() {
            errors.push(format!("{error}: {reason}"));
        }
    }
}

impl ConsumerContext for ProbeContext {}

#[cfg(test)]
mod tests {
    use super::*;
    use rdkafka::types::RDKafkaErrorCode;

    #[test]
    fn client_errors_are_sorted_by_cause() {
        let err = KafkaError::MetadataFetch(RDKafkaErrorCode::BrokerTransportFailure);
        let auth = classify_client_error(&err, &["SASL authentication error: Authentication failed".into()]);
        assert_eq!(auth.kind, FailureKind::Auth);
        let tls = classify_client_error(&err, &["SSL handshake failed: certificate verify failed".into()]);
        assert_eq!(tls.kind, FailureKind::Tls);
        let timeout =
            classify_client_error(&KafkaError::MetadataFetch(RDKafkaErrorCode::OperationTimedOut), &[]);
        assert_eq!(timeout.kind, FailureKind::Timeout);
    }

    #[test]
    fn wire_answers_match_the_configured_protocol() {
        let mut settings = KafkaSettings::plaintext("h:1");
        assert!(check_wire(&WireAnswer::Kafka { api_count: 50 }, &settings, "h", 1).is_ok());
        assert_eq!(check_wire(&WireAnswer::Tls, &settings, "h", 1).unwrap_err().kind, FailureKind::Tls);
        assert_eq!(
            check_wire(&WireAnswer::Http, &settings, "h", 1).unwrap_err().kind,
            FailureKind::WrongService
        );
        settings.security_protocol = crate::profile::SecurityProtocol::Ssl;
        assert_eq!(
            check_wire(&WireAnswer::Kafka { api_count: 50 }, &settings, "h", 1).unwrap_err().kind,
            FailureKind::Tls
        );
        assert!(check_wire(&WireAnswer::Silent, &settings, "h", 1).is_ok());
    }
}
