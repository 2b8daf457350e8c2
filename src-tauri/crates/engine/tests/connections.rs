//! Connection profiles end to end on real SQLite and the real OS keyring: save, update,
//! delete, and proof that no secret reaches the database file or the log file.
#![allow(clippy::expect_used, clippy::unwrap_used)] // test code: a panic is the failure report

mod common;

use streamlens_engine::access::{Role, Session};
use streamlens_engine::profile::{
    Environment, HttpAuth, HttpEndpoint, KafkaSettings, ProfileDraft, SaslMechanism, SecretSlot,
    SecretUpdate, SecurityProtocol,
};
use streamlens_engine::Error;

fn sasl_draft(password: &str) -> ProfileDraft {
    ProfileDraft {
        id: None,
        name: "Payments prod".into(),
        environment: Environment::Prod,
        kafka: Some(KafkaSettings {
            security_protocol: SecurityProtocol::SaslSsl,
            sasl_mechanism: SaslMechanism::ScramSha512,
            sasl_username: Some("svc-streamlens".into()),
            ..KafkaSettings::plaintext("broker-1.example.invalid:9093")
        }),
        schema_registry: Some(HttpEndpoint {
            auth: HttpAuth::Bearer,
            ..HttpEndpoint::open("https://registry.example.invalid")
        }),
        flink: None,
        secrets: vec![
            SecretUpdate { slot: SecretSlot::KafkaPassword, value: Some(password.into()) },
            SecretUpdate { slot: SecretSlot::RegistryToken, value: Some("tok-Zq81-registry-bearer".into()) },
        ],
    }
}

fn files_under(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[tokio::test]
async fn secrets_go_to_the_keyring_and_never_to_sqlite_or_logs() {
    let t = common::workspace().await;
    let logs = t.dir.path().join("logs");
    let guard = streamlens_engine::logging::init(Some(&logs), "debug");
    let password = "Pw-7f3a9c1e-never-log-me";
    let session = common::developer();

    let saved = t.workspace.save_connection(&session, sasl_draft(password)).await.unwrap();
    assert_eq!(saved.stored_secrets, vec![SecretSlot::KafkaPassword, SecretSlot::RegistryToken]);
    // The real keyring holds the value under this profile.
    let stored = t.keyring.get(&saved.id, SecretSlot::KafkaPassword).unwrap().expect("in keyring");
    assert_eq!(stored.expose(), password);

    // Code that carelessly logs a secret is caught by the redaction layer.
    tracing::warn!("careless debug line with {password} and sasl.password=other-literal-77");
    // A probe (DNS fails on .invalid) logs too; it must not leak either.
    let report = t.workspace.test_connection(&session, &saved.id).await.unwrap();
    assert!(!report.all_ok());
    drop(guard);

    let mut scanned = 0;
    for file in files_under(t.dir.path()) {
        let bytes = std::fs::read(&file).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        for secret in [password, "tok-Zq81-registry-bearer", "other-literal-77"] {
            assert!(!text.contains(secret), "{} contains a secret", file.display());
        }
        scanned += 1;
    }
    assert!(scanned >= 2, "expected the database and a log file, scanned {scanned}");
    let log_text: String = files_under(&logs).iter().map(|f| std::fs::read_to_string(f).unwrap()).collect();
    assert!(log_text.contains("careless debug line with [redacted]"), "{log_text}");

    // The diagnostics report shows the connection but not the secrets.
    let diagnostics = t.workspace.diagnostics(&session).await.unwrap();
    assert!(diagnostics.contains("Payments prod [prod]"));
    assert!(!diagnostics.contains(password));

    t.workspace.delete_connection(&session, &saved.id).await.unwrap();
    assert!(t.keyring.get(&saved.id, SecretSlot::KafkaPassword).unwrap().is_none());
    assert!(t.keyring.get(&saved.id, SecretSlot::RegistryToken).unwrap().is_none());
}

#[tokio::test]
async fn updates_keep_replace_or_remove_secrets() {
    let t = common::workspace().await;
    let session = common::developer();
    let saved = t.workspace.save_connection(&session, sasl_draft("first-password-1")).await.unwrap();

    // An update that lists no secrets keeps them; one that replaces a value changes it.
    let mut draft = sasl_draft("unused");
    draft.id = Some(saved.id.clone());
    draft.name = "Payments (renamed)".into();
    draft.secrets =
        vec![SecretUpdate { slot: SecretSlot::KafkaPassword, value: Some("second-password-2".into()) }];
    let updated = t.workspace.save_connection(&session, draft.clone()).await.unwrap();
    assert_eq!(updated.created_at, saved.created_at);
    assert_eq!(updated.name, "Payments (renamed)");
    assert_eq!(
        t.keyring.get(&saved.id, SecretSlot::KafkaPassword).unwrap().unwrap().expose(),
        "second-password-2"
    );
    assert_eq!(
        t.keyring.get(&saved.id, SecretSlot::RegistryToken).unwrap().unwrap().expose(),
        "tok-Zq81-registry-bearer"
    );

    draft.secrets = vec![SecretUpdate { slot: SecretSlot::RegistryToken, value: None }];
    let updated = t.workspace.save_connection(&session, draft).await.unwrap();
    assert_eq!(updated.stored_secrets, vec![SecretSlot::KafkaPassword]);
    assert!(t.keyring.get(&saved.id, SecretSlot::RegistryToken).unwrap().is_none());

    let listed = t.workspace.list_connections(&session).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0], updated);
    t.workspace.delete_connection(&session, &saved.id).await.unwrap();
}

#[tokio::test]
async fn names_are_unique_and_roles_are_enforced() {
    let t = common::workspace().await;
    let developer = common::developer();
    let mut draft = sasl_draft("pw-unique-1");
    draft.secrets.clear();
    draft.kafka = Some(KafkaSettings::plaintext("127.0.0.1:9092"));
    draft.schema_registry = None;
    t.workspace.save_connection(&developer, draft.clone()).await.unwrap();
    draft.name = "payments PROD".into(); // same name, other case
    let err = t.workspace.save_connection(&developer, draft.clone()).await.unwrap_err();
    assert!(matches!(err, Error::InvalidInput { .. }), "{err:?}");
    assert!(err.to_string().contains("already exists"));

    let support = Session::new(Role::Support);
    draft.name = "Other".into();
    let err = t.workspace.save_connection(&support, draft).await.unwrap_err();
    assert!(matches!(err, Error::Forbidden { .. }), "{err:?}");
    let listed = t.workspace.list_connections(&support).await.unwrap();
    let err = t.workspace.delete_connection(&support, &listed[0].id).await.unwrap_err();
    assert!(matches!(err, Error::Forbidden { .. }));
    assert_eq!(t.workspace.list_connections(&developer).await.unwrap().len(), 1);
}

#[tokio::test]
async fn the_database_survives_a_reopen() {
    let t = common::workspace().await;
    let session = common::developer();
    let mut draft = sasl_draft("pw-reopen-1");
    draft.environment = Environment::Test;
    let saved = t.workspace.save_connection(&session, draft).await.unwrap();
    t.workspace.close().await;
    let reopened = common::reopen(&t).await;
    let found = reopened.find_connection(&session, "payments prod").await.unwrap();
    assert_eq!(found, saved);
    reopened.delete_connection(&session, &saved.id).await.unwrap();
}
