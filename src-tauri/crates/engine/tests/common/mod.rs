//! Shared helpers for the engine's integration tests: the local environment's endpoints
//! (from `tests/env/env.sh`), a workspace in a temp dir with its own keyring service, and
//! free ports. These tests use the real services; run them through `tests/run-all.sh`,
//! which starts the environment and a D-Bus session with an unlocked GNOME Keyring.
#![allow(dead_code, unreachable_pub, clippy::expect_used, clippy::unwrap_used)]

pub mod flink;
pub mod kafka;

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
    let workspace =
        Workspace::open(AppPaths::new(dir.path()), keyring.clone()).await.expect("workspace opens");
    TestWorkspace { workspace, dir, keyring }
}

pub fn uuid_like() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    format!("{nanos:x}-{}", std::process::id())
}

/// Waits (up to 10 s) until something listens on 127.0.0.1:`port`.
pub fn wait_for_port(port: u16) {
    for _ in 0..200 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// Opens the workspace of `t`'s data directory again, as after a restart (close `t` first).
pub async fn reopen(t: &TestWorkspace) -> Workspace {
    Workspace::open(AppPaths::new(t.dir.path()), t.keyring.clone()).await.expect("workspace reopens")
}

/// A port on 127.0.0.1 that nothing listens on (bound, then released).
pub fn closed_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    drop(listener);
    port
}

/// A tansu broker of the test's own, on a free port with a fresh SQLite file, for tests
/// that delete topics: tansu 0.6.0's DeleteTopics (SQLite engine) removes *every* topic,
/// which would wipe the shared environment's demo data.
pub struct ThrowawayBroker {
    child: std::process::Child,
    pub bootstrap: String,
    _dir: tempfile::TempDir,
}

impl ThrowawayBroker {
    pub fn start() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let port = closed_port();
        let url = format!("tcp://127.0.0.1:{port}");
        // An absolute path needs four slashes: tansu drops the first "/" of the URL path.
        let storage = format!("sqlite:///{}", dir.path().join("broker.db").display());
        let child = std::process::Command::new(env("STREAMLENS_TANSU"))
            .args(["broker", "--cluster-id", "streamlens-throwaway"])
            .args(["--listener-url", &url, "--advertised-listener-url", &url])
            .args(["--storage-engine", &storage])
            .env_remove("SCHEMA_REGISTRY")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("start tansu");
        wait_for_port(port);
        Self { child, bootstrap: format!("127.0.0.1:{port}"), _dir: dir }
    }
}

impl Drop for ThrowawayBroker {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A Schema Registry stand-in of the test's own (tests/env/registry_standin.py, empty, in
/// memory) on a free port: for tests that stop the registry or need a clean one.
pub struct ThrowawayRegistry {
    child: std::process::Child,
    pub url: String,
}

impl ThrowawayRegistry {
    pub fn start() -> Self {
        let port = closed_port();
        let child = std::process::Command::new(env("STREAMLENS_PYTHON"))
            .arg(repo_root().join("tests/env/registry_standin.py"))
            .args(["--port", &port.to_string()])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("start the registry stand-in");
        wait_for_port(port);
        Self { child, url: format!("http://127.0.0.1:{port}") }
    }

    /// Stops it: the registry goes away.
    pub fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for ThrowawayRegistry {
    fn drop(&mut self) {
        self.stop();
    }
}
