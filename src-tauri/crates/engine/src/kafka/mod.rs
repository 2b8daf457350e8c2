//! Kafka through rdkafka: the client configuration built from a profile, and the cluster
//! views (metadata, watermarks, configs, topic admin). The message browser grows here.

mod cluster;
mod config;
pub mod group_model;
mod groups;
pub mod model;
pub mod producing;
mod reading;

pub use cluster::KafkaCluster;
pub use config::client_config;
pub use reading::{ProgressSink, RecordSink, TailSink};
