//! The Flink REST API (1.18 – 2.x): a bounded client and a typed model of the cluster,
//! jobs, the job graph with chained operators, live metrics within a request budget,
//! subtasks, checkpoints, exceptions, configuration and job actions. Parsing tolerates
//! the key styles and value types that differ between versions (see [`json`]), and
//! endpoints an older Flink lacks become notes, not failures.

pub mod actions;
pub mod checkpoints;
pub mod client;
pub mod cluster;
pub mod config;
pub mod exceptions;
pub mod graph;
pub(crate) mod json;
pub mod metrics;
pub mod model;
pub mod render;
pub mod vertex;

pub use client::FlinkClient;

#[cfg(test)]
mod fixture_tests;
