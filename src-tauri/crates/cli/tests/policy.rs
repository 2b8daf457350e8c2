//! The workspace policy and masking through the CLI: a support consume of the PII corpus
//! leaks nothing; a managed installation takes only a policy signed by its pinned key and
//! the role the policy assigns; the audit log records the reads and verifies.

#![allow(clippy::expect_used, clippy::unwrap_used)] // test code

mod common;

use common::{stderr, stdout, Cli};

fn corpus() -> serde_json::Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../tests/fixtures/pii/corpus.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("corpus")).expect("corpus JSON")
}

#[test]
fn support_consume_of_the_pii_corpus_leaks_nothing_and_is_audited() {
    let cli = Cli::new();
    cli.add_local();
    let topic = format!("it.cli.pii.{}", std::process::id());
    let created = cli.run(&["topics", "create", "-c", "local", &topic, "--partitions", "1"]);
    assert!(created.status.success(), "{}", stderr(&created));
    let corpus = corpus();
    let mut pii = Vec::new();
    for record in corpus["json"].as_array().expect("records") {
        let value = match &record["value"] {
            serde_json::Value::String(text) => text.clone(),
            other => other.to_string(),
        };
        let mut args =
            vec!["produce".to_string(), "-c".into(), "local".into(), topic.clone(), "--value".into(), value];
        if let Some(key) = record["key"].as_str() {
            args.extend(["--key".into(), key.to_string()]);
        }
        for (name, value) in record["headers"].as_object().expect("headers") {
            args.extend(["--header".into(), format!("{name}={}", value.as_str().unwrap_or_default())]);
        }
        if !record["value"].is_object() {
            args.extend(["--format".into(), "text".into()]);
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let sent = cli.run(&args);
        assert!(sent.status.success(), "{}", stderr(&sent));
        pii.extend(
            record["pii"].as_array().expect("pii").iter().map(|v| v.as_str().unwrap_or_default().to_string()),
        );
    }
    let developer = stdout(&cli.run(&["consume", &topic, "-c", "local"]));
    assert!(pii.iter().any(|v| developer.contains(v.as_str())), "the developer sees the data: {developer}");
    for format in ["jsonl", "csv"] {
        let support = cli.run(&["--role", "support", "consume", &topic, "-c", "local", "--format", format]);
        assert!(support.status.success(), "{}", stderr(&support));
        let out = stdout(&support);
        assert_eq!(
            out.lines().count(),
            corpus["json"].as_array().map_or(0, Vec::len) + usize::from(format == "csv")
        );
        let leaked: Vec<&String> = pii.iter().filter(|v| out.contains(v.as_str())).collect();
        assert!(leaked.is_empty(), "{format}: {leaked:?} reached support:\n{out}");
    }

    let audit = stdout(&cli.run(&["--role", "admin", "audit", "list", "--json"]));
    let entries: Vec<serde_json::Value> = serde_json::from_str(&audit).expect("audit JSON");
    assert!(entries.iter().any(|e| e["role"] == "support" && e["action"] == "read"), "{audit}");
    assert!(entries.iter().any(|e| e["action"] == "policy_change"), "the policy in force is noted: {audit}");
    assert!(stdout(&cli.run(&["--role", "admin", "audit", "verify"])).starts_with("intact"));
    let refused = cli.run(&["--role", "support", "audit", "list"]);
    assert!(!refused.status.success() && stderr(&refused).contains("may not view the audit log"));
}

#[test]
fn a_managed_installation_takes_only_a_signed_policy_and_its_role() {
    let cli = Cli::new();
    let dir = cli.data_dir().join("admin");
    std::fs::create_dir_all(&dir).expect("dir");
    let key = dir.join("admin.key");
    let policy = dir.join("policy.toml");
    let key_s = key.to_str().expect("path");
    let policy_s = policy.to_str().expect("path");
    let user = streamlens_engine::access::current_user();
    std::fs::write(&policy, format!("[[assignments]]\nuser = \"{user}\"\nrole = \"support\"\n"))
        .expect("write");

    assert!(cli.run(&["policy", "keygen", key_s]).status.success());
    let public = format!("{key_s}.pub");
    let managed = [("STREAMLENS_POLICY_KEY", public.as_str()), ("STREAMLENS_POLICY", policy_s)];

    let unsigned = cli.run_with(&["policy", "show"], &managed);
    assert!(
        !unsigned.status.success() && stderr(&unsigned).contains("it is not signed"),
        "{}",
        stderr(&unsigned)
    );

    let signed = cli.run(&["policy", "sign", "--key", key_s, policy_s]);
    assert!(signed.status.success(), "{}", stderr(&signed));
    let verified = cli.run(&["policy", "verify", "--public-key", &public, policy_s]);
    assert!(stdout(&verified).contains("signature: good"), "{}", stdout(&verified));
    let shown = stdout(&cli.run_with(&["policy", "show"], &managed));
    assert!(shown.contains("mode: managed") && shown.contains("role: support"), "{shown}");
    let higher = cli.run_with(&["--role", "developer", "connections", "list"], &managed);
    assert!(!higher.status.success() && stderr(&higher).contains("may not view as developer"));

    // An edit after signing is refused, as is a policy signed by another key.
    std::fs::write(&policy, format!("[[assignments]]\nuser = \"{user}\"\nrole = \"admin\"\n"))
        .expect("write");
    let tampered = cli.run_with(&["connections", "list"], &managed);
    assert!(
        !tampered.status.success() && stderr(&tampered).contains("edited after signing"),
        "{}",
        stderr(&tampered)
    );
    let other = dir.join("other.key");
    assert!(cli.run(&["policy", "keygen", other.to_str().expect("path")]).status.success());
    assert!(cli.run(&["policy", "sign", "--key", other.to_str().expect("path"), policy_s]).status.success());
    let wrong_key = cli.run_with(&["connections", "list"], &managed);
    assert!(stderr(&wrong_key).contains("another key"), "{}", stderr(&wrong_key));
    let bad = cli.run(&["policy", "verify", policy_s]);
    assert!(bad.status.success(), "a valid policy without a key check: {}", stderr(&bad));
}
