//! Kafka through rdkafka. Today: the client configuration built from a profile; the
//! admin, consumer and producer of the message browser grow here.

mod config;

pub use config::client_config;
