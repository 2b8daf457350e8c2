//! "Test connection" against the real local environment: the tansu broker, the Schema
//! Registry stand-in and a Flink 2.3 cluster. Each failure case points a part at something
//! real that is wrong for it, and checks the probe names the cause.
#![allow(clippy::expect_used, clippy::unwrap_used)] // test code: a panic is the failure report

mod common;

use std::process::{Child, Command, Stdio};

use streamlens_engine::probe::{FailureKind, PartProbe};
use streamlens_engine::profile::{
    Environment, HttpAuth, HttpEndpoint, KafkaSettings, ProfileDraft, SecretSlot, SecretUpdate,
    SecurityProtocol,
};

fn draft(
    kafka: Option<KafkaSettings>,
    registry: Option<HttpEndpoint>,
    flink: Option<HttpEndpoint>,
) -> ProfileDraft {
    ProfileDraft {
        id: None,
        name: "probe".into(),
        environment: Environment::Dev,
        kafka,
        schema_registry: registry,
        flink,
        secrets: vec![],
    }
}

fn failure(part: Option<PartProbe>) -> (FailureKind, String) {
    let part = part.expect("part was probed");
    assert!(!part.ok, "expected a failure, got ok: {}", part.summary);
    let f = part.failure.expect("a failed part carries its failure");
    (f.kind, f.message)
}

#[tokio::test]
async fn the_local_environment_answers_on_every_part() {
    let t = common::workspace().await;
    let session = common::developer();
    let saved = t
        .workspace
        .save_connection(
            &session,
            draft(
                Some(KafkaSettings::plaintext(common::kafka_bootstrap())),
                Some(HttpEndpoint::open(common::registry_url())),
                Some(HttpEndpoint::open(common::flink_url())),
            ),
        )
        .await
        .unwrap();
    let report = t.workspace.test_connection(&session, &saved.name).await.unwrap();
    assert!(report.all_ok(), "{report:#?}");
    let kafka = report.kafka.unwrap();
    assert!(kafka.summary.starts_with("1 broker"), "{}", kafka.summary);
    let registry = report.schema_registry.unwrap();
    assert!(registry.summary.contains("subject"), "{}", registry.summary);
    let flink = report.flink.unwrap();
    assert!(flink.summary.starts_with("Flink 2.3"), "{}", flink.summary);
    assert!(flink.summary.contains("1 task manager"), "{}", flink.summary);
}

#[tokio::test]
async fn refused_and_dns_failures_are_named() {
    let t = common::workspace().await;
    let port = common::closed_port();
    let report = t
        .workspace
        .test_draft(
            &common::developer(),
            draft(
                Some(KafkaSettings::plaintext(format!("127.0.0.1:{port}"))),
                Some(HttpEndpoint::open("http://no-such-host.invalid:8081")),
                Some(HttpEndpoint::open(format!("http://127.0.0.1:{port}"))),
            ),
        )
        .await
        .unwrap();
    let (kind, message) = failure(report.kafka);
    assert_eq!(kind, FailureKind::Refused, "{message}");
    assert!(message.contains(&port.to_string()));
    let (kind, message) = failure(report.schema_registry);
    assert_eq!(kind, FailureKind::Dns, "{message}");
    assert!(message.contains("no-such-host.invalid"));
    assert_eq!(failure(report.flink).0, FailureKind::Refused);
}

#[tokio::test]
async fn a_part_pointed_at_another_service_says_so() {
    let t = common::workspace().await;
    let registry_port = common::registry_url().rsplit(':').next().unwrap().to_string();
    let report = t
        .workspace
        .test_draft(
            &common::developer(),
            draft(
                // Kafka at the registry's HTTP port, the registry at Flink, Flink at the registry.
                Some(KafkaSettings::plaintext(format!("127.0.0.1:{registry_port}"))),
                Some(HttpEndpoint::open(common::flink_url())),
                Some(HttpEndpoint::open(common::registry_url())),
            ),
        )
        .await
        .unwrap();
    let (kind, message) = failure(report.kafka);
    assert_eq!(kind, FailureKind::WrongService, "{message}");
    assert!(message.contains("HTTP server"), "{message}");
    let (kind, message) = failure(report.schema_registry);
    assert_eq!(kind, FailureKind::WrongService, "{message}");
    let (kind, message) = failure(report.flink);
    assert_eq!(kind, FailureKind::WrongService, "{message}");
    assert!(message.contains("flink-version"), "{message}");
}

#[tokio::test]
async fn tls_configured_against_a_plaintext_broker_is_a_tls_failure() {
    let t = common::workspace().await;
    let mut kafka = KafkaSettings::plaintext(common::kafka_bootstrap());
    kafka.security_protocol = SecurityProtocol::Ssl;
    let report = t.workspace.test_draft(&common::developer(), draft(Some(kafka), None, None)).await.unwrap();
    let (kind, message) = failure(report.kafka);
    assert_eq!(kind, FailureKind::Tls, "{message}");
    assert!(message.contains("without TLS"), "{message}");
}

/// A registry stand-in of the test's own (basic auth, or HTTPS), on a port of its own.
struct OwnRegistry {
    child: Child,
    url: String,
}

impl OwnRegistry {
    fn start(scheme: &str, args: &[&str]) -> Self {
        let port = common::closed_port();
        let script = common::repo_root().join("tests/env/registry_standin.py");
        let child = Command::new(common::env("STREAMLENS_PYTHON"))
            .arg(script)
            .args(["--port", &port.to_string()])
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the registry stand-in");
        let url = format!("{scheme}://127.0.0.1:{port}");
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        Self { child, url }
    }
}

impl Drop for OwnRegistry {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[tokio::test]
async fn registry_credentials_are_checked_and_missing_ones_reported() {
    let registry = OwnRegistry::start("http", &["--basic-auth", "alice:wonderland-42"]);
    let t = common::workspace().await;
    let session = common::developer();
    let endpoint = HttpEndpoint {
        auth: HttpAuth::Basic,
        username: Some("alice".into()),
        ..HttpEndpoint::open(&registry.url)
    };
    let with_password = |password: Option<&str>| {
        let mut d = draft(None, Some(endpoint.clone()), None);
        d.secrets = password
            .map(|p| vec![SecretUpdate { slot: SecretSlot::RegistryPassword, value: Some(p.into()) }])
            .unwrap_or_default();
        d
    };
    let report = t.workspace.test_draft(&session, with_password(Some("wrong-password"))).await.unwrap();
    let (kind, message) = failure(report.schema_registry);
    assert_eq!(kind, FailureKind::Auth, "{message}");
    assert!(message.contains("401"), "{message}");

    let report = t.workspace.test_draft(&session, with_password(None)).await.unwrap();
    assert_eq!(failure(report.schema_registry).0, FailureKind::MissingSecret);

    // Saved with the right password, the stored secret is read back from the keyring.
    let saved = t.workspace.save_connection(&session, with_password(Some("wonderland-42"))).await.unwrap();
    let report = t.workspace.test_connection(&session, &saved.id).await.unwrap();
    assert!(report.all_ok(), "{report:#?}");
    t.workspace.delete_connection(&session, &saved.id).await.unwrap();
}

/// A throwaway CA and a server certificate for 127.0.0.1 signed by it, made with openssl.
fn make_ca_and_server_cert(dir: &std::path::Path) -> String {
    let run = |args: &[&str]| {
        let status = Command::new("openssl").args(args).current_dir(dir).stderr(Stdio::null()).status();
        assert!(status.map(|s| s.success()).unwrap_or(false), "openssl {args:?} failed");
    };
    std::fs::write(dir.join("san.ext"), "subjectAltName=IP:127.0.0.1\n").unwrap();
    run(&[
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=Streamlens Test CA",
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
    ]);
    run(&[
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/CN=127.0.0.1",
        "-keyout",
        "server.key",
        "-out",
        "server.csr",
    ]);
    run(&[
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-days",
        "2",
        "-extfile",
        "san.ext",
        "-out",
        "server.pem",
    ]);
    std::fs::read_to_string(dir.join("ca.pem")).unwrap()
}

#[tokio::test]
async fn https_needs_the_right_ca_and_says_tls_when_it_is_missing() {
    let certs = tempfile::tempdir().unwrap();
    let ca_pem = make_ca_and_server_cert(certs.path());
    let cert = certs.path().join("server.pem");
    let key = certs.path().join("server.key");
    let registry = OwnRegistry::start(
        "https",
        &["--tls-cert", cert.to_str().unwrap(), "--tls-key", key.to_str().unwrap()],
    );
    let t = common::workspace().await;
    let session = common::developer();

    // Without the CA the server's certificate is not trusted: a TLS failure, named as such.
    let untrusted = draft(None, Some(HttpEndpoint::open(&registry.url)), None);
    let report = t.workspace.test_draft(&session, untrusted).await.unwrap();
    let (kind, message) = failure(report.schema_registry);
    assert_eq!(kind, FailureKind::Tls, "{message}");
    assert!(message.to_lowercase().contains("certificate"), "{message}");

    // With the custom CA in the profile it connects.
    let trusted = HttpEndpoint { ca_pem: Some(ca_pem), ..HttpEndpoint::open(&registry.url) };
    let report = t.workspace.test_draft(&session, draft(None, Some(trusted), None)).await.unwrap();
    assert!(report.all_ok(), "{report:#?}");

    // Plain http:// to the TLS port is not a broken registry but the wrong scheme.
    let plain = HttpEndpoint::open(registry.url.replace("https://", "http://"));
    let report = t.workspace.test_draft(&session, draft(None, Some(plain), None)).await.unwrap();
    let (kind, message) = failure(report.schema_registry);
    assert!(
        matches!(kind, FailureKind::Protocol | FailureKind::WrongService | FailureKind::Tls),
        "{kind:?}: {message}"
    );
}
