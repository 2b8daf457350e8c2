//! `streamlens record` / `streamlens open` against the local Flink 2.3 cluster: a short
//! signed recording of FlakyJob opens as intact and signed (by a troubleshooter, offline)
//! and names the hash of the policy file it was masked under;
//! a recorder killed with SIGKILL leaves a file that opens as incomplete, not corrupt; an
//! edited file is reported as tampered (exit code 3); exports write what they say.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use std::process::Command;
use std::time::Duration;

use common::{env, Cli};

fn flink_cli() -> Cli {
    let cli = Cli::new();
    let added = cli.run(&["connections", "add", "--name", "flink", "--flink", &env("STREAMLENS_FLINK_URL")]);
    assert!(added.status.success(), "{}", String::from_utf8_lossy(&added.stderr));
    cli
}

fn text(out: &std::process::Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

#[test]
fn record_sign_open_tamper_and_export() {
    let cli = flink_cli();
    let dir = cli.data_dir().to_path_buf();
    let secret = dir.join("recording.key");
    let keygen = cli.run(&["policy", "keygen", secret.to_str().unwrap()]);
    assert!(keygen.status.success(), "{}", text(&keygen));
    // The workspace policy is a file here: the recording names that file's hash.
    let policy = "# test policy\n[[grants]]\nroles = [\"troubleshooter\"]\nactions = [\"view_topics\"]\n";
    std::fs::write(dir.join("policy.toml"), policy).unwrap();
    let shown = cli.run(&["policy", "show"]);
    let file_hash = text(&shown).lines().find_map(|l| l.strip_prefix("sha256: ")).unwrap().trim().to_string();
    let file = dir.join("flaky.slrec");
    let recorded = cli.run(&[
        "record",
        "-c",
        "flink",
        "--job",
        "FlakyJob",
        "--duration",
        "4s",
        "--interval",
        "500ms",
        "--sign-key",
        secret.to_str().unwrap(),
        "--signer",
        "CI",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert!(recorded.status.success(), "{}", text(&recorded));
    assert!(text(&recorded).contains("intact, signed by CI"), "{}", text(&recorded));

    let opened = cli.run(&["--role", "troubleshooter", "open", file.to_str().unwrap()]);
    assert!(opened.status.success(), "{}", text(&opened));
    let summary = text(&opened);
    assert!(summary.contains("FlakyJob") && summary.contains("masked for  support"), "{summary}");
    assert!(summary.contains(&format!("(policy sha256 {})", &file_hash[..16])), "{file_hash} in {summary}");

    let archive = dir.join("archive.json");
    let exported = cli.run(&["open", file.to_str().unwrap(), "export-archive", archive.to_str().unwrap()]);
    assert!(exported.status.success(), "{}", text(&exported));
    let archive: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&archive).unwrap()).unwrap();
    assert!(archive["archive"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["path"].as_str().unwrap().ends_with("/plan")));

    // Edit one sample: the opener says so and exits 3.
    let sqlite = Command::new(env("STREAMLENS_PYTHON"))
        .args(["-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('UPDATE samples SET value = value + 1 WHERE seq = 1'); c.commit()"])
        .arg(&file)
        .status()
        .unwrap();
    assert!(sqlite.success());
    let tampered = cli.run(&["open", file.to_str().unwrap()]);
    assert_eq!(tampered.status.code(), Some(3), "{}", text(&tampered));
    assert!(text(&tampered).contains("TAMPERED"));
}

#[test]
fn a_killed_recorder_leaves_an_incomplete_but_readable_file() {
    let cli = flink_cli();
    let file = cli.data_dir().join("killed.slrec");
    let mut child = Command::new(env!("CARGO_BIN_EXE_streamlens"))
        .args([
            "record",
            "-c",
            "flink",
            "--job",
            "FlakyJob",
            "--interval",
            "250ms",
            "-o",
            file.to_str().unwrap(),
        ])
        .env("STREAMLENS_DATA_DIR", cli.data_dir())
        .env("STREAMLENS_KEYRING_SERVICE", format!("streamlens-cli-test-{}", std::process::id()))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Long enough for the first fold of the log into the file (20 polls).
    std::thread::sleep(Duration::from_secs(8));
    child.kill().unwrap(); // SIGKILL: no chance to seal
    child.wait().unwrap();
    let opened = cli.run(&["open", file.to_str().unwrap()]);
    assert!(opened.status.success(), "{}", text(&opened));
    let summary = text(&opened);
    assert!(summary.contains("incomplete"), "{summary}");
    let samples: u64 = summary
        .lines()
        .find(|l| l.starts_with("contents"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
        .unwrap();
    assert!(samples > 0, "what was written before the kill is there: {summary}");
}
