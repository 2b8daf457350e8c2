//! The Streamlens engine: everything the desktop shell and the CLI share.
//!
//! It owns connection profiles (SQLite through sqlx), their secrets (the OS keyring),
//! connection probes (Kafka, Schema Registry, Flink), the access choke point, and logging
//! with secret redaction. It must not depend on Tauri: the shell only adapts these types.

pub mod access;
pub mod browse;
pub mod diagnostics;
pub mod error;
pub mod flink;
pub mod kafka;
pub mod logging;
pub mod mask;
pub mod paths;
pub mod probe;
pub mod profile;
pub mod recording;
mod rest;
pub mod schema;
pub mod secrets;
pub mod settings;
pub mod store;
pub mod workspace;

#[cfg(test)]
mod bindings;

pub use error::{Error, Result};
pub use workspace::Workspace;
