//! Shared helpers for the engine's integration tests: the local environment's endpoints
//! (from `tests/env/env.sh`), a workspace in a temp dir with its own keyring service, and
//! free ports. These tests use the real services; run them through `tests/run-all.sh`,
//! which starts the environment and a D-Bus session with an unlocked GNOME Keyring.
#![allow(dead_code, unreachable_pub, clippy::expect_used, clippy::unwrap_used)]

use std::net::TcpListener;
use std::path::PathBuf;

use streamlens_engine::access::{Role, Session};
use streamlens_engine::paths::AppPaths;
use streamlens_engine::secrets::Keyring;
use streamlens_engine::Workspace;

pub fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| {
        panic!("{name} is not set: run the integration tests through tests/run-all.sh, which starts the local environment")
    })
}

pub fn kafka_bootstrap() -> String {
    env("STREAMLENS_KAFKA_BOOTSTRAP")
}
pub fn registry_url() -> String {
    env("STREAMLENS_REGISTRY_URL")
}
pub fn flink_url() -> String {
    env("STREAMLENS_FLINK_URL")
}

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../..")
}

pub fn developer() -> Session {
    Session::new(Role::Developer)
}

pub struct TestWorkspace {
    pub workspace: Workspace,
    pub dir: tempfile::TempDir,
    pub keyring: Keyring,
}

pub async fn workspace() -> TestWorkspace {
    let dir = tempfile::tempdir().expect("temp dir");
    let keyring = Keyring::new(format!("streamlens-test-{}", uuid_like()));
    let workspace = Workspace::open(AppPaths::new(dir.path()), keyring.clone())
        .await
        .expect("workspace opens");
    TestWorkspace {
        workspace,
        dir,
        keyring,
    }
}

pub fn uuid_like() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    format!("{nanos:x}-{}", std::process::id())
}

/// A port on 127.0.0.1 that nothing listens on (bound, then released).
pub fn closed_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    drop(listener);
    port
}
