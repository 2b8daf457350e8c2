//! The admin's side of the policy in the app: reading, checking and saving the workspace
//! policy file (refused when the installation is managed), and exporting the audit log.
//! Real SQLite and files in a throwaway data directory; the keyring is the OS one.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use streamlens_engine::access::load::sha256_hex;
use streamlens_engine::access::{Role, Session};
use streamlens_engine::browse::export::{ExportFormat, ExportTarget};
use streamlens_engine::Error;

const POLICY: &str = r#"version = 1

[[masking.rules]]
name = "payment ids"
topics = ["demo.payments"]
fields = ["payment_id"]
action = "redact"
"#;

#[tokio::test]
async fn an_admin_checks_saves_and_exports_and_a_managed_policy_stays_as_signed() {
    let t = common::workspace().await;
    let admin = Session::new(Role::Admin);
    let w = &t.workspace;

    let starter = w.policy_document(&admin).unwrap();
    assert!(starter.builtin && !starter.managed, "{starter:?}");
    assert!(starter.text.contains("version = 1"));
    assert_eq!(starter.sha256, sha256_hex(b"builtin"));

    let why = w.check_policy(&admin, "version = 2").unwrap().unwrap();
    assert!(why.contains("version 2"), "{why}");
    assert_eq!(w.check_policy(&admin, POLICY).unwrap(), None);
    let err = w.save_policy(&admin, "[[grants]]\nrole = 1").await.unwrap_err();
    assert!(matches!(err, Error::InvalidInput { .. }), "{err:?}");
    assert!(w.policy_document(&admin).unwrap().builtin, "nothing was written");

    let (loaded, returned) = w.save_policy(&admin, POLICY).await.unwrap();
    assert_eq!(loaded.hash, sha256_hex(POLICY.as_bytes()));
    let saved = w.policy_document(&admin).unwrap();
    assert_eq!(returned, saved);
    assert_eq!((saved.text.as_str(), saved.builtin), (POLICY, false));
    assert_eq!(std::fs::read_to_string(&saved.path).unwrap(), POLICY);
    let changes = w.audit_entries(&admin, 50).await.unwrap();
    assert!(changes.iter().any(|e| e.action == "policy_change" && e.detail.contains(&loaded.hash)));

    // The export holds every entry, oldest first, ending with the export itself.
    let jsonl = ExportTarget { path: t.dir.path().join("audit.jsonl"), format: ExportFormat::Jsonl };
    let written = w.export_audit(&admin, &jsonl).await.unwrap();
    let lines: Vec<serde_json::Value> = std::fs::read_to_string(&jsonl.path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len() as u64, written.rows);
    assert!(lines.windows(2).all(|w| w[0]["seq"].as_i64() < w[1]["seq"].as_i64()));
    assert_eq!(lines.last().unwrap()["action"], "audit_export");
    let again = w.export_audit(&admin, &jsonl).await.unwrap_err();
    assert!(again.to_string().contains("already exists"), "{again}");
    let csv = ExportTarget { path: t.dir.path().join("audit.csv"), format: ExportFormat::Csv };
    let written = w.export_audit(&admin, &csv).await.unwrap();
    let text = std::fs::read_to_string(&csv.path).unwrap();
    assert!(text.starts_with("seq,at,user,role,action,connection,detail\n"));
    assert_eq!(written.rows, lines.len() as u64 + 1, "one more: the first export");
    assert_eq!(text.lines().count() as u64, written.rows + 1, "the header and a row per entry");
    let support = Session::new(Role::Support);
    let refused = ExportTarget { path: t.dir.path().join("support.jsonl"), format: ExportFormat::Jsonl };
    assert!(matches!(w.export_audit(&support, &refused).await, Err(Error::Forbidden { .. })));
    assert!(!refused.path.exists());

    // A pinned key makes the installation managed: the policy is read-only here.
    let key = t.dir.path().join("policy-key.pub");
    std::fs::write(&key, "not checked when refusing").unwrap();
    std::env::set_var("STREAMLENS_POLICY_KEY", &key);
    let managed = w.policy_document(&admin);
    let save = w.save_policy(&admin, POLICY).await;
    std::env::remove_var("STREAMLENS_POLICY_KEY");
    let managed = managed.unwrap();
    assert!(managed.managed && managed.reason.unwrap().contains("sign"));
    assert!(matches!(save, Err(Error::Forbidden { .. })), "{save:?}");
}
