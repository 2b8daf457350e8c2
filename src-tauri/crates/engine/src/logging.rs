//! Logging: `tracing` to a daily-rotated file in the app's data directory and to stderr,
//! both through a redaction layer so secrets never reach a log line.
//!
//! Redaction has two parts: every secret value the engine touches is remembered and
//! replaced wherever it appears, and patterns catch credentials it never saw
//! (`password=…`, `Authorization: Bearer …`, PEM private keys).

use std::borrow::Cow;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{OnceLock, RwLock};

use regex::Regex;
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::EnvFilter;

pub const REDACTED: &str = "[redacted]";
pub const LOG_FILE_PREFIX: &str = "streamlens";

/// Known secret values and credential patterns, shared by every log writer.
pub struct Redactor {
    known: RwLock<Vec<String>>,
    patterns: Vec<(Regex, &'static str)>,
}

pub fn redactor() -> &'static Redactor {
    static REDACTOR: OnceLock<Redactor> = OnceLock::new();
    REDACTOR.get_or_init(Redactor::new)
}

impl Redactor {
    fn new() -> Self {
        let rules: [(&str, &'static str); 3] = [
            (
                r"-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----",
                "[redacted private key]",
            ),
            (r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{6,}", "$1 [redacted]"),
            (
                r#"(?i)((?:password|passwd|secret|token|api[_-]?key|sasl\.password|ssl\.key\.pem)["']?\s*[:=]\s*["']?)[^\s"',;}]+"#,
                "${1}[redacted]",
            ),
        ];
        let patterns = rules
            .iter()
            .filter_map(|(pattern, replacement)| Regex::new(pattern).ok().map(|r| (r, *replacement)))
            .collect();
        Self { known: RwLock::new(Vec::new()), patterns }
    }

    /// Remembers a secret value so it is replaced wherever it appears later.
    pub fn remember(&self, value: &str) {
        // Very short values would redact ordinary words; such secrets are caught by patterns.
        if value.chars().count() < 4 {
            return;
        }
        if let Ok(mut known) = self.known.write() {
            if !known.iter().any(|k| k == value) {
                known.push(value.to_string());
                // Longest first, so a secret that contains another is replaced whole.
                known.sort_by_key(|k| std::cmp::Reverse(k.len()));
            }
        }
    }

    pub fn redact<'a>(&self, text: &'a str) -> Cow<'a, str> {
        let mut out = Cow::Borrowed(text);
        if let Ok(known) = self.known.read() {
            for secret in known.iter() {
                if out.contains(secret.as_str()) {
                    out = Cow::Owned(out.replace(secret.as_str(), REDACTED));
                }
            }
        }
        for (regex, replacement) in &self.patterns {
            if regex.is_match(&out) {
                out = Cow::Owned(regex.replace_all(&out, *replacement).into_owned());
            }
        }
        out
    }
}

/// A `MakeWriter` that redacts each formatted event before passing it on.
pub struct Redacting<M>(pub M);

impl<'a, M: MakeWriter<'a>> MakeWriter<'a> for Redacting<M> {
    type Writer = RedactingWriter<M::Writer>;
    fn make_writer(&'a self) -> Self::Writer {
        RedactingWriter { inner: self.0.make_writer(), buffer: Vec::new() }
    }
}

/// Buffers one event and writes it redacted when dropped (tracing makes one writer per event).
pub struct RedactingWriter<W: Write> {
    inner: W,
    buffer: Vec<u8>,
}

impl<W: Write> Write for RedactingWriter<W> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.buffer.extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<W: Write> Drop for RedactingWriter<W> {
    fn drop(&mut self) {
        let text = String::from_utf8_lossy(&self.buffer);
        let clean = redactor().redact(&text);
        // A log line that cannot be written is dropped; logging must never fail the app.
        let _ = self.inner.write_all(clean.as_bytes());
        let _ = self.inner.flush();
    }
}

/// Keeps the file writer's background thread alive; drop it at exit to flush.
pub struct LogGuard {
    _file: Option<tracing_appender::non_blocking::WorkerGuard>,
    pub log_dir: Option<PathBuf>,
}

/// Installs the global subscriber: stderr always, and a rotating file in `log_dir` when given.
/// `RUST_LOG` overrides the default filter. Calling it twice keeps the first subscriber.
pub fn init(log_dir: Option<&Path>, default_filter: &str) -> LogGuard {
    let filter = || EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default_filter));
    let stderr =
        tracing_subscriber::fmt::layer().with_writer(Redacting(std::io::stderr)).with_filter(filter());
    let mut guard = LogGuard { _file: None, log_dir: None };
    let file_layer = log_dir.and_then(|dir| {
        let appender = tracing_appender::rolling::Builder::new()
            .rotation(tracing_appender::rolling::Rotation::DAILY)
            .filename_prefix(LOG_FILE_PREFIX)
            .filename_suffix("log")
            .max_log_files(7)
            .build(dir)
            .ok()?;
        let (writer, file_guard) = tracing_appender::non_blocking(appender);
        guard._file = Some(file_guard);
        guard.log_dir = Some(dir.to_path_buf());
        Some(
            tracing_subscriber::fmt::layer()
                .with_ansi(false)
                .with_writer(Redacting(writer))
                .with_filter(filter()),
        )
    });
    let _ = tracing_subscriber::registry().with(stderr).with(file_layer).try_init();
    guard
}

use tracing_subscriber::Layer as _;

/// The newest log file in `log_dir`, if any.
pub fn newest_log_file(log_dir: &Path) -> Option<PathBuf> {
    let entries = std::fs::read_dir(log_dir).ok()?;
    entries
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(LOG_FILE_PREFIX))
        .max_by_key(|e| e.metadata().and_then(|m| m.modified()).ok())
        .map(|e| e.path())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembered_values_are_replaced() {
        redactor().remember("s3cr3t-value-xyz");
        let out = redactor().redact("connecting with s3cr3t-value-xyz to broker");
        assert_eq!(out, "connecting with [redacted] to broker");
    }

    #[test]
    fn credential_patterns_are_caught_without_being_remembered() {
        let r = redactor();
        assert_eq!(r.redact("sasl.password=abc123def"), "sasl.password=[redacted]");
        assert_eq!(r.redact(r#"{"password": "pw-9911"}"#), r#"{"password": "[redacted]"}"#);
        assert_eq!(r.redact("Authorization: Bearer eyJhbGciOi.x.y"), "Authorization: Bearer [redacted]");
        let pem = "key -----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY----- end";
        assert_eq!(r.redact(pem), "key [redacted private key] end");
    }

    #[test]
    fn ordinary_text_is_untouched() {
        let text = "fetched 12 topics from 127.0.0.1:19092 in 14 ms";
        assert!(matches!(redactor().redact(text), Cow::Borrowed(_)));
    }

    #[test]
    fn the_writer_redacts_a_whole_event() {
        redactor().remember("writer-secret-42");
        let mut sink = Vec::new();
        {
            let mut w = RedactingWriter { inner: &mut sink, buffer: Vec::new() };
            write!(w, "half writer-sec").unwrap_or_default();
            write!(w, "ret-42 done").unwrap_or_default();
        }
        assert_eq!(String::from_utf8_lossy(&sink), "half [redacted] done");
    }
}
