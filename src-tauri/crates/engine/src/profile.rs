//! Connection profiles: what a connection to one platform (Kafka, Schema Registry, Flink)
//! looks like, and how a draft from the UI or CLI is validated.
//!
//! These types hold no secret values by construction: passwords, tokens and private keys
//! are named by [`SecretSlot`] and live in the OS keyring (see `secrets`).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Environment {
    Dev,
    Test,
    Prod,
}

impl Environment {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Dev => "dev",
            Self::Test => "test",
            Self::Prod => "prod",
        }
    }

    pub fn parse(text: &str) -> Result<Self> {
        match text {
            "dev" => Ok(Self::Dev),
            "test" => Ok(Self::Test),
            "prod" => Ok(Self::Prod),
            other => Err(Error::invalid(format!("Unknown environment '{other}': use dev, test or prod."))),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SecurityProtocol {
    Plaintext,
    Ssl,
    SaslPlaintext,
    SaslSsl,
}

impl SecurityProtocol {
    pub fn uses_sasl(self) -> bool {
        matches!(self, Self::SaslPlaintext | Self::SaslSsl)
    }
    pub fn uses_tls(self) -> bool {
        matches!(self, Self::Ssl | Self::SaslSsl)
    }
    /// The name librdkafka uses for `security.protocol`.
    pub fn librdkafka_name(self) -> &'static str {
        match self {
            Self::Plaintext => "plaintext",
            Self::Ssl => "ssl",
            Self::SaslPlaintext => "sasl_plaintext",
            Self::SaslSsl => "sasl_ssl",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SaslMechanism {
    Plain,
    #[serde(rename = "scram_sha_256")]
    ScramSha256,
    #[serde(rename = "scram_sha_512")]
    ScramSha512,
}

impl SaslMechanism {
    /// The name librdkafka uses for `sasl.mechanisms`.
    pub fn librdkafka_name(self) -> &'static str {
        match self {
            Self::Plain => "PLAIN",
            Self::ScramSha256 => "SCRAM-SHA-256",
            Self::ScramSha512 => "SCRAM-SHA-512",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TlsSettings {
    /// PEM of the CA that signed the server's certificate; `None` trusts the system store.
    pub ca_pem: Option<String>,
    /// PEM of the client certificate for mutual TLS; its private key is a secret.
    pub client_cert_pem: Option<String>,
    pub verify_hostname: bool,
}

impl Default for TlsSettings {
    fn default() -> Self {
        Self { ca_pem: None, client_cert_pem: None, verify_hostname: true }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KafkaSettings {
    /// Comma-separated `host:port` list.
    pub bootstrap_servers: String,
    pub security_protocol: SecurityProtocol,
    pub sasl_mechanism: SaslMechanism,
    pub sasl_username: Option<String>,
    pub tls: TlsSettings,
}

impl KafkaSettings {
    pub fn plaintext(bootstrap_servers: impl Into<String>) -> Self {
        Self {
            bootstrap_servers: bootstrap_servers.into(),
            security_protocol: SecurityProtocol::Plaintext,
            sasl_mechanism: SaslMechanism::Plain,
            sasl_username: None,
            tls: TlsSettings::default(),
        }
    }

    /// The bootstrap list split into `(host, port)` pairs, or a message saying which entry is wrong.
    pub fn bootstrap_addresses(&self) -> Result<Vec<(String, u16)>> {
        let mut out = Vec::new();
        for entry in self.bootstrap_servers.split(',').map(str::trim).filter(|e| !e.is_empty()) {
            let (host, port) = entry.rsplit_once(':').ok_or_else(|| {
                Error::invalid(format!(
                    "Bootstrap server '{entry}' has no port: write it as host:port, for example localhost:9092."
                ))
            })?;
            let port: u16 = port.parse().map_err(|_| {
                Error::invalid(format!("Bootstrap server '{entry}' has an invalid port '{port}'."))
            })?;
            let host = host.trim_start_matches('[').trim_end_matches(']');
            if host.is_empty() {
                return Err(Error::invalid(format!("Bootstrap server '{entry}' has no host name.")));
            }
            out.push((host.to_string(), port));
        }
        if out.is_empty() {
            return Err(Error::invalid(
                "Kafka needs at least one bootstrap server, for example localhost:9092.",
            ));
        }
        Ok(out)
    }

    fn validate(&self) -> Result<()> {
        self.bootstrap_addresses()?;
        if self.security_protocol.uses_sasl()
            && self.sasl_username.as_deref().is_none_or(|u| u.trim().is_empty())
        {
            return Err(Error::invalid("SASL needs a username."));
        }
        Ok(())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum HttpAuth {
    None,
    Basic,
    Bearer,
}

/// A REST endpoint: the Schema Registry or the Flink REST API.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HttpEndpoint {
    pub url: String,
    pub auth: HttpAuth,
    pub username: Option<String>,
    pub ca_pem: Option<String>,
}

impl HttpEndpoint {
    pub fn open(url: impl Into<String>) -> Self {
        Self { url: url.into(), auth: HttpAuth::None, username: None, ca_pem: None }
    }

    /// The URL parsed, or a message that names the part and what is expected.
    pub fn parsed_url(&self, part: &str) -> Result<url::Url> {
        let parsed = url::Url::parse(self.url.trim()).map_err(|err| {
            Error::invalid(format!(
                "The {part} URL '{}' is not valid ({err}): write it as http://host:port or https://host:port.",
                self.url
            ))
        })?;
        if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none() {
            return Err(Error::invalid(format!(
                "The {part} URL '{}' must start with http:// or https:// and name a host.",
                self.url
            )));
        }
        Ok(parsed)
    }

    fn validate(&self, part: &str) -> Result<()> {
        self.parsed_url(part)?;
        if self.auth == HttpAuth::Basic && self.username.as_deref().is_none_or(|u| u.trim().is_empty()) {
            return Err(Error::invalid(format!("Basic auth for the {part} needs a username.")));
        }
        Ok(())
    }
}

/// A named place for one secret of a profile. Values live only in the OS keyring.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SecretSlot {
    KafkaPassword,
    KafkaClientKey,
    RegistryPassword,
    RegistryToken,
    FlinkPassword,
    FlinkToken,
}

impl SecretSlot {
    pub const ALL: [SecretSlot; 6] = [
        Self::KafkaPassword,
        Self::KafkaClientKey,
        Self::RegistryPassword,
        Self::RegistryToken,
        Self::FlinkPassword,
        Self::FlinkToken,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::KafkaPassword => "kafka_password",
            Self::KafkaClientKey => "kafka_client_key",
            Self::RegistryPassword => "registry_password",
            Self::RegistryToken => "registry_token",
            Self::FlinkPassword => "flink_password",
            Self::FlinkToken => "flink_token",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::KafkaPassword => "Kafka SASL password",
            Self::KafkaClientKey => "Kafka client private key",
            Self::RegistryPassword => "Schema Registry password",
            Self::RegistryToken => "Schema Registry token",
            Self::FlinkPassword => "Flink password",
            Self::FlinkToken => "Flink token",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionProfile {
    pub id: String,
    pub name: String,
    pub environment: Environment,
    pub kafka: Option<KafkaSettings>,
    pub schema_registry: Option<HttpEndpoint>,
    pub flink: Option<HttpEndpoint>,
    /// Which secrets the keyring holds for this profile (never their values).
    pub stored_secrets: Vec<SecretSlot>,
    pub created_at: String,
    pub updated_at: String,
}

impl ConnectionProfile {
    /// The secrets this profile's settings need to connect.
    pub fn required_secrets(&self) -> Vec<SecretSlot> {
        required_secrets(self.kafka.as_ref(), self.schema_registry.as_ref(), self.flink.as_ref())
    }
}

/// One change to a stored secret: `value: None` deletes it. Slots not listed are kept.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SecretUpdate {
    pub slot: SecretSlot,
    pub value: Option<String>,
}

impl std::fmt::Debug for SecretUpdate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let value = if self.value.is_some() { "<set>" } else { "<delete>" };
        f.debug_struct("SecretUpdate").field("slot", &self.slot).field("value", &value).finish()
    }
}

/// A profile as the UI or CLI submits it for create (`id: None`) or update.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProfileDraft {
    pub id: Option<String>,
    pub name: String,
    pub environment: Environment,
    pub kafka: Option<KafkaSettings>,
    pub schema_registry: Option<HttpEndpoint>,
    pub flink: Option<HttpEndpoint>,
    pub secrets: Vec<SecretUpdate>,
}

impl ProfileDraft {
    /// Checks the settings a person typed; the message names the field and what is expected.
    pub fn validate(&self) -> Result<()> {
        let name = self.name.trim();
        if name.is_empty() {
            return Err(Error::invalid("A connection needs a name."));
        }
        if name.chars().count() > 120 {
            return Err(Error::invalid("A connection name can be at most 120 characters."));
        }
        if self.kafka.is_none() && self.schema_registry.is_none() && self.flink.is_none() {
            return Err(Error::invalid(
                "A connection needs at least one part: Kafka, a Schema Registry or Flink.",
            ));
        }
        if let Some(kafka) = &self.kafka {
            kafka.validate()?;
        }
        if let Some(registry) = &self.schema_registry {
            registry.validate("Schema Registry")?;
        }
        if let Some(flink) = &self.flink {
            flink.validate("Flink REST")?;
        }
        for update in &self.secrets {
            if update.value.as_deref().is_some_and(str::is_empty) {
                return Err(Error::invalid(format!(
                    "The {} is empty: leave it out to keep the stored one, or remove it.",
                    update.slot.label()
                )));
            }
        }
        Ok(())
    }

    pub fn required_secrets(&self) -> Vec<SecretSlot> {
        required_secrets(self.kafka.as_ref(), self.schema_registry.as_ref(), self.flink.as_ref())
    }
}

fn required_secrets(
    kafka: Option<&KafkaSettings>,
    registry: Option<&HttpEndpoint>,
    flink: Option<&HttpEndpoint>,
) -> Vec<SecretSlot> {
    let mut slots = Vec::new();
    if let Some(kafka) = kafka {
        if kafka.security_protocol.uses_sasl() {
            slots.push(SecretSlot::KafkaPassword);
        }
        if kafka.security_protocol.uses_tls() && kafka.tls.client_cert_pem.is_some() {
            slots.push(SecretSlot::KafkaClientKey);
        }
    }
    let http = [
        (registry, SecretSlot::RegistryPassword, SecretSlot::RegistryToken),
        (flink, SecretSlot::FlinkPassword, SecretSlot::FlinkToken),
    ];
    for (endpoint, password, token) in http {
        match endpoint.map(|e| e.auth) {
            Some(HttpAuth::Basic) => slots.push(password),
            Some(HttpAuth::Bearer) => slots.push(token),
            _ => {}
        }
    }
    slots
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> ProfileDraft {
        ProfileDraft {
            id: None,
            name: "local".into(),
            environment: Environment::Dev,
            kafka: Some(KafkaSettings::plaintext("127.0.0.1:9092")),
            schema_registry: None,
            flink: None,
            secrets: vec![],
        }
    }

    #[test]
    fn bootstrap_list_is_split_and_checked() {
        let kafka = KafkaSettings::plaintext(" a:1, [::1]:9093 ,");
        let addrs = kafka.bootstrap_addresses().unwrap();
        assert_eq!(addrs, vec![("a".to_string(), 1), ("::1".to_string(), 9093)]);
        let err = KafkaSettings::plaintext("nohost").bootstrap_addresses().unwrap_err();
        assert!(err.to_string().contains("has no port"), "{err}");
        let err = KafkaSettings::plaintext("h:99999").bootstrap_addresses().unwrap_err();
        assert!(err.to_string().contains("invalid port"), "{err}");
    }

    #[test]
    fn draft_validation_names_the_problem() {
        assert!(draft().validate().is_ok());
        let mut d = draft();
        d.name = "  ".into();
        assert!(d.validate().unwrap_err().to_string().contains("needs a name"));
        let mut d = draft();
        d.kafka = None;
        assert!(d.validate().unwrap_err().to_string().contains("at least one part"));
        let mut d = draft();
        d.flink = Some(HttpEndpoint::open("ftp://x"));
        assert!(d.validate().unwrap_err().to_string().contains("http://"));
        let mut d = draft();
        if let Some(k) = d.kafka.as_mut() {
            k.security_protocol = SecurityProtocol::SaslSsl;
        }
        assert!(d.validate().unwrap_err().to_string().contains("username"));
    }

    #[test]
    fn required_secrets_follow_the_settings() {
        let mut d = draft();
        assert!(d.required_secrets().is_empty());
        if let Some(k) = d.kafka.as_mut() {
            k.security_protocol = SecurityProtocol::SaslSsl;
            k.tls.client_cert_pem = Some("PEM".into());
        }
        d.schema_registry = Some(HttpEndpoint { auth: HttpAuth::Bearer, ..HttpEndpoint::open("http://r") });
        d.flink = Some(HttpEndpoint { auth: HttpAuth::Basic, ..HttpEndpoint::open("http://f") });
        assert_eq!(
            d.required_secrets(),
            vec![
                SecretSlot::KafkaPassword,
                SecretSlot::KafkaClientKey,
                SecretSlot::RegistryToken,
                SecretSlot::FlinkPassword
            ]
        );
    }

    #[test]
    fn secret_update_debug_never_shows_the_value() {
        let update = SecretUpdate { slot: SecretSlot::KafkaPassword, value: Some("hunter2".into()) };
        assert!(!format!("{update:?}").contains("hunter2"));
    }
}
