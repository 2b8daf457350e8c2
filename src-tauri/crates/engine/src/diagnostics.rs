//! "Copy diagnostics": a plain-text report a person can paste into a bug report — app and
//! OS facts, the connections' shapes (never secrets), and the tail of the log. The whole
//! text passes the log redactor once more before it leaves.

use std::fmt::Write as _;
use std::path::Path;

use crate::logging::{newest_log_file, redactor};
use crate::profile::ConnectionProfile;
use crate::workspace::AppInfo;

const LOG_TAIL_LINES: usize = 200;

pub fn report(info: &AppInfo, profiles: &[ConnectionProfile], log_dir: &Path) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Streamlens {} diagnostics", info.version);
    let _ = writeln!(out, "os: {} {}", std::env::consts::OS, std::env::consts::ARCH);
    let _ = writeln!(out, "role: {}", info.role.as_str());
    let _ = writeln!(out, "data dir: {}", info.data_dir);
    let _ = writeln!(out, "connections: {}", profiles.len());
    for p in profiles {
        let kafka = p.kafka.as_ref().map_or("-".to_string(), |k| {
            format!("{} ({})", k.bootstrap_servers, k.security_protocol.librdkafka_name())
        });
        let registry = p.schema_registry.as_ref().map_or("-", |e| e.url.as_str());
        let flink = p.flink.as_ref().map_or("-", |e| e.url.as_str());
        let _ = writeln!(
            out,
            "  - {} [{}] kafka={kafka} registry={registry} flink={flink} secrets={}",
            p.name,
            p.environment.as_str(),
            p.stored_secrets.len()
        );
    }
    match newest_log_file(log_dir) {
        Some(file) => {
            let _ = writeln!(out, "log: {}", file.display());
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            let lines: Vec<&str> = text.lines().collect();
            let start = lines.len().saturating_sub(LOG_TAIL_LINES);
            let _ = writeln!(out, "--- last {} log lines ---", lines.len() - start);
            for line in &lines[start..] {
                let _ = writeln!(out, "{line}");
            }
        }
        None => {
            let _ = writeln!(out, "log: none yet in {}", log_dir.display());
        }
    }
    redactor().redact(&out).into_owned()
}
