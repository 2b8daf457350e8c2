//! Shared by the CLI's integration tests: the `streamlens` binary with a throwaway data
//! directory and keyring service, and the local environment's addresses.
#![allow(dead_code, unreachable_pub, clippy::expect_used, clippy::unwrap_used)] // test code; not every test uses every helper

use std::process::{Command, Output};

pub struct Cli {
    data_dir: tempfile::TempDir,
    keyring_service: String,
}

impl Cli {
    pub fn new() -> Self {
        Self {
            data_dir: tempfile::tempdir().expect("temp dir"),
            keyring_service: format!("streamlens-cli-test-{}", std::process::id()),
        }
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.run_with(args, &[])
    }

    /// Runs with extra environment variables (a pinned policy key, a policy file).
    pub fn run_with(&self, args: &[&str], vars: &[(&str, &str)]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_streamlens"))
            .args(args)
            .env("STREAMLENS_DATA_DIR", self.data_dir.path())
            .env("STREAMLENS_KEYRING_SERVICE", &self.keyring_service)
            .env_remove("STREAMLENS_ROLE")
            .env_remove("STREAMLENS_POLICY")
            .env_remove("STREAMLENS_POLICY_KEY")
            .envs(vars.iter().copied())
            .output()
            .expect("run streamlens")
    }

    pub fn data_dir(&self) -> &std::path::Path {
        self.data_dir.path()
    }

    /// Adds the local environment (broker and registry) as connection `local`.
    pub fn add_local(&self) {
        let added = self.run(&[
            "connections",
            "add",
            "--name",
            "local",
            "--kafka",
            &env("STREAMLENS_KAFKA_BOOTSTRAP"),
            "--registry",
            &env("STREAMLENS_REGISTRY_URL"),
        ]);
        assert!(added.status.success(), "{}", String::from_utf8_lossy(&added.stderr));
    }
}

pub fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("{name} is not set: run through tests/run-all.sh"))
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}
