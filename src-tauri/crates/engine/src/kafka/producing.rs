//! Producing test messages: key, value, headers, an explicit partition or key-based
//! placement; JSON values are checked before they are sent. One producer per cluster,
//! made on first use.

use std::time::Duration;

use rdkafka::message::{Header, OwnedHeaders};
use rdkafka::producer::{FutureProducer, FutureRecord};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::cluster::{kafka_error, KafkaCluster};
use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ProduceFormat {
    /// The value must be valid JSON; it is sent as typed.
    Json,
    /// The value is sent as UTF-8 text.
    Text,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HeaderInput {
    pub key: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProduceRequest {
    pub topic: String,
    /// `None`: the partitioner places it by key (or spreads keyless records).
    pub partition: Option<i32>,
    pub key: Option<String>,
    /// `None` sends a tombstone.
    pub value: Option<String>,
    pub headers: Vec<HeaderInput>,
    pub format: ProduceFormat,
    /// Encode the JSON value with this registry schema (Avro, Protobuf or JSON Schema).
    pub schema: Option<ProduceSchema>,
}

/// The registry schema a produced value is encoded with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProduceSchema {
    pub subject: String,
    /// `None`: the latest version.
    pub version: Option<i32>,
    /// Protobuf: the message's full name; `None` takes the file's first message.
    pub message: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProduceResult {
    pub partition: i32,
    #[ts(type = "number")]
    pub offset: i64,
}

impl ProduceRequest {
    pub fn validate(&self) -> Result<()> {
        if let (ProduceFormat::Json, Some(value)) = (self.format, &self.value) {
            if let Err(err) = serde_json::from_str::<serde_json::Value>(value) {
                return Err(Error::invalid(format!(
                    "The value is not valid JSON (line {}, column {}: {err}). Fix it, or send it as text.",
                    err.line(),
                    err.column()
                )));
            }
        }
        if self.headers.iter().any(|h| h.key.is_empty()) {
            return Err(Error::invalid("Every header needs a name."));
        }
        Ok(())
    }
}

impl KafkaCluster {
    /// Sends `request`; `encoded` replaces its value with bytes already encoded (a schema).
    pub async fn produce(&self, request: &ProduceRequest, encoded: Option<Vec<u8>>) -> Result<ProduceResult> {
        request.validate()?;
        let producer = self.producer().await?;
        let mut headers = OwnedHeaders::new();
        for h in &request.headers {
            headers = headers.insert(Header { key: &h.key, value: Some(h.value.as_bytes()) });
        }
        let mut record = FutureRecord::<str, [u8]>::to(&request.topic).headers(headers);
        if let Some(key) = &request.key {
            record = record.key(key);
        }
        if let Some(bytes) = &encoded {
            record = record.payload(bytes.as_slice());
        } else if let Some(value) = &request.value {
            record = record.payload(value.as_bytes());
        }
        if let Some(partition) = request.partition {
            record = record.partition(partition);
        }
        let delivery = producer.send(record, Duration::from_secs(15)).await;
        match delivery {
            Ok(delivered) => Ok(ProduceResult { partition: delivered.partition, offset: delivered.offset }),
            Err((err, _)) => {
                Err(kafka_error(&self.bootstrap, &format!("produce to '{}'", request.topic), err))
            }
        }
    }

    async fn producer(&self) -> Result<&FutureProducer> {
        self.producer
            .get_or_try_init(|| async {
                let mut config = self.config.clone();
                config.set("message.timeout.ms", "15000").set("linger.ms", "0");
                config
                    .create::<FutureProducer>()
                    .map_err(|e| kafka_error(&self.bootstrap, "create a producer", e))
            })
            .await
    }
}
