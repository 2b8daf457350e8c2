//! `streamlens policy …` and `streamlens audit …`: make an admin key, sign and check a
//! workspace policy, show which policy and role are in force; read and verify the audit
//! log (admin).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::Subcommand;
use streamlens_engine::access::load::{self, LoadedPolicy, PolicyMode};
use streamlens_engine::access::{signature, Policy, Session};
use streamlens_engine::paths::AppPaths;
use streamlens_engine::Workspace;

#[derive(Subcommand)]
pub(crate) enum PolicyCommand {
    /// Make an ed25519 admin key pair: KEY (secret, keep it safe) and KEY.pub (pin it).
    Keygen { key: PathBuf },
    /// Check a policy file and sign it with the admin key (writes POLICY.sig).
    Sign {
        #[arg(long)]
        key: PathBuf,
        policy: PathBuf,
    },
    /// Check a policy file, and its signature against a public key.
    Verify {
        #[arg(long)]
        public_key: Option<PathBuf>,
        policy: PathBuf,
    },
    /// The policy in force: mode, file, hash, and your role.
    Show,
}

#[derive(Subcommand)]
pub(crate) enum AuditCommand {
    /// The newest entries of the audit log (admin).
    List {
        #[arg(long, default_value_t = 50)]
        limit: u32,
        #[arg(long)]
        json: bool,
    },
    /// Check the log's hash chain: finds a removed or edited row (admin). Exit code 1 if broken.
    Verify,
}

/// The policy commands that need no session (they work even when the policy is refused).
pub(crate) fn run_offline(command: &PolicyCommand) -> anyhow::Result<Option<ExitCode>> {
    match command {
        PolicyCommand::Keygen { key } => {
            let (secret, public) = signature::generate().map_err(anyhow::Error::msg)?;
            write_new(key, &secret)?;
            let public_path = with_suffix(key, ".pub");
            std::fs::write(&public_path, format!("{public}\n"))?;
            println!("secret key: {} (keep it safe)", key.display());
            println!("public key: {} — pin it as /etc/streamlens/policy-key.pub", public_path.display());
        }
        PolicyCommand::Sign { key, policy } => {
            let text = std::fs::read(policy).with_context(|| format!("cannot read {}", policy.display()))?;
            check(&text, policy)?;
            let secret =
                std::fs::read_to_string(key).with_context(|| format!("cannot read {}", key.display()))?;
            let sig = signature::sign(&secret, &text).map_err(anyhow::Error::msg)?;
            let sig_path = load::signature_path(policy);
            std::fs::write(&sig_path, format!("{sig}\n"))?;
            println!("signed {} → {}", policy.display(), sig_path.display());
        }
        PolicyCommand::Verify { public_key, policy } => {
            let text = std::fs::read(policy).with_context(|| format!("cannot read {}", policy.display()))?;
            check(&text, policy)?;
            println!("{}: a valid policy", policy.display());
            if let Some(public_key) = public_key {
                let key = std::fs::read_to_string(public_key)?;
                let sig = std::fs::read_to_string(load::signature_path(policy)).unwrap_or_default();
                if let Err(why) = signature::verify(&key, &text, &sig) {
                    eprintln!("signature: refused — {why}");
                    return Ok(Some(ExitCode::FAILURE));
                }
                println!("signature: good (key {})", signature::fingerprint(&key));
            }
        }
        PolicyCommand::Show => return Ok(None),
    }
    Ok(Some(ExitCode::SUCCESS))
}

pub(crate) fn show(loaded: &LoadedPolicy, session: &Session, paths: &AppPaths) {
    match &loaded.mode {
        PolicyMode::Personal => println!("mode: personal (unsigned; you own the policy)"),
        PolicyMode::Managed { key } => println!("mode: managed (signed by key {key})"),
    }
    match &loaded.source {
        Some(path) => println!("policy: {}", path.display()),
        None => println!(
            "policy: built-in (no file at {})",
            load::policy_path(paths, matches!(loaded.mode, PolicyMode::Managed { .. })).display()
        ),
    }
    println!("sha256: {}", loaded.hash);
    println!("user: {}", session.user);
    println!("role: {}", session.role.as_str());
}

pub(crate) async fn run_audit(
    workspace: &Workspace,
    session: &Session,
    command: AuditCommand,
) -> anyhow::Result<ExitCode> {
    match command {
        AuditCommand::List { limit, json } => {
            let entries = workspace.audit_entries(session, limit).await?;
            if json {
                println!("{}", serde_json::to_string_pretty(&entries)?);
            } else {
                for e in entries {
                    let connection = e.connection.as_deref().unwrap_or("-");
                    println!(
                        "{:>6}  {}  {} ({})  {}  {}  {}",
                        e.seq, e.at, e.user, e.role, e.action, connection, e.detail
                    );
                }
            }
        }
        AuditCommand::Verify => {
            let report = workspace.verify_audit(session).await?;
            if report.intact {
                println!("intact: {} rows, the hash chain holds", report.rows);
            } else {
                println!(
                    "BROKEN at row {}: {}",
                    report.broken_at.unwrap_or_default(),
                    report.problem.unwrap_or_default()
                );
                return Ok(ExitCode::FAILURE);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn check(text: &[u8], path: &Path) -> anyhow::Result<()> {
    let text = std::str::from_utf8(text).with_context(|| format!("{} is not UTF-8 text", path.display()))?;
    Policy::parse(text).map_err(|e| anyhow::anyhow!("{} is not a valid policy: {e}", path.display()))?;
    Ok(())
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

/// Writes a secret key file readable by its owner only, refusing to overwrite one.
fn write_new(path: &Path, text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options
        .open(path)
        .with_context(|| format!("cannot create {} (does it exist already?)", path.display()))?;
    writeln!(file, "{text}")?;
    Ok(())
}
