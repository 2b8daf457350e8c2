//! Execution recordings (`.slrec`): one SQLite file per recording of a Flink job — the
//! manifest, REST snapshots, metric samples, events and (masked) captured records, with a
//! content digest and an optional signature. Specified in docs/recording-format.md.
//! Written by the recorder from the outside (REST and the data path); opened offline,
//! read-only and safely, even when the file is hostile.

pub mod archive;
mod digest;
pub(crate) mod events;
mod file;
pub mod model;
pub mod reader;
pub mod recorder;
pub mod replay;
pub mod writer;

pub use reader::RecordingReader;
pub use writer::RecordingWriter;

/// Waits `wait`, checking `cancel` every 50 ms; true when cancelled (the recorder between
/// polls, replay between paced records).
pub(crate) async fn sleep_unless_cancelled(
    wait: std::time::Duration,
    cancel: &std::sync::atomic::AtomicBool,
) -> bool {
    use std::sync::atomic::Ordering;
    let until = tokio::time::Instant::now() + wait;
    while tokio::time::Instant::now() < until {
        if cancel.load(Ordering::Relaxed) {
            return true;
        }
        let left = until.saturating_duration_since(tokio::time::Instant::now());
        tokio::time::sleep(left.min(std::time::Duration::from_millis(50))).await;
    }
    cancel.load(Ordering::Relaxed)
}
