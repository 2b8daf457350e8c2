//! Builds an rdkafka `ClientConfig` from Kafka settings and their secrets.
//! The secrets go straight into librdkafka's config and nowhere else.

use rdkafka::ClientConfig;

use crate::error::{Error, Result};
use crate::profile::{KafkaSettings, SecretSlot};
use crate::secrets::ResolvedSecrets;

pub fn client_config(settings: &KafkaSettings, secrets: &ResolvedSecrets) -> Result<ClientConfig> {
    let mut config = ClientConfig::new();
    config
        .set("bootstrap.servers", settings.bootstrap_servers.trim())
        .set("security.protocol", settings.security_protocol.librdkafka_name())
        .set("client.id", "streamlens")
        // Say "unreachable" within seconds instead of librdkafka's silent retries. Request
        // timeouts stay at librdkafka's default: slow brokers take seconds to answer the
        // first fetch of a large topic.
        .set("socket.connection.setup.timeout.ms", "8000")
        .set("reconnect.backoff.max.ms", "2000");
    if settings.security_protocol.uses_sasl() {
        let username = settings.sasl_username.as_deref().unwrap_or_default();
        let password = secrets.get(&SecretSlot::KafkaPassword).ok_or_else(|| {
            Error::invalid("SASL needs a password, and none is stored for this connection.")
        })?;
        config
            .set("sasl.mechanisms", settings.sasl_mechanism.librdkafka_name())
            .set("sasl.username", username)
            .set("sasl.password", password.expose());
    }
    if settings.security_protocol.uses_tls() {
        let tls = &settings.tls;
        if let Some(ca) = tls.ca_pem.as_deref().filter(|p| !p.trim().is_empty()) {
            config.set("ssl.ca.pem", ca);
        }
        if let Some(cert) = tls.client_cert_pem.as_deref().filter(|p| !p.trim().is_empty()) {
            let key = secrets.get(&SecretSlot::KafkaClientKey).ok_or_else(|| {
                Error::invalid(
                    "A client certificate is set but its private key is not stored for this connection.",
                )
            })?;
            config.set("ssl.certificate.pem", cert).set("ssl.key.pem", key.expose());
        }
        config
            .set("ssl.endpoint.identification.algorithm", if tls.verify_hostname { "https" } else { "none" });
    }
    Ok(config)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::{SaslMechanism, SecurityProtocol};
    use crate::secrets::Secret;

    #[test]
    fn sasl_scram_over_tls_sets_every_key() {
        let mut settings = KafkaSettings::plaintext("b:9093");
        settings.security_protocol = SecurityProtocol::SaslSsl;
        settings.sasl_mechanism = SaslMechanism::ScramSha512;
        settings.sasl_username = Some("alice".into());
        settings.tls.verify_hostname = false;
        let mut secrets = ResolvedSecrets::new();
        secrets.insert(SecretSlot::KafkaPassword, Secret::new("pw-for-alice"));
        let config = client_config(&settings, &secrets).unwrap();
        assert_eq!(config.get("security.protocol"), Some("sasl_ssl"));
        assert_eq!(config.get("sasl.mechanisms"), Some("SCRAM-SHA-512"));
        assert_eq!(config.get("sasl.username"), Some("alice"));
        assert_eq!(config.get("sasl.password"), Some("pw-for-alice"));
        assert_eq!(config.get("ssl.endpoint.identification.algorithm"), Some("none"));
    }

    #[test]
    fn missing_password_is_a_clear_error() {
        let mut settings = KafkaSettings::plaintext("b:9093");
        settings.security_protocol = SecurityProtocol::SaslPlaintext;
        settings.sasl_username = Some("alice".into());
        let err = client_config(&settings, &ResolvedSecrets::new()).unwrap_err();
        assert!(err.to_string().contains("needs a password"), "{err}");
    }
}
