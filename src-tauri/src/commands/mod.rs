//! Tauri commands, one file per domain. Each one is a thin adapter: it passes the session
//! and arguments to the engine, which authorizes and does the work.

pub(crate) mod app;
pub(crate) mod connections;
pub(crate) mod flink;
pub(crate) mod groups;
pub(crate) mod messages;
pub(crate) mod recordings;
pub(crate) mod schemas;
pub(crate) mod topics;
