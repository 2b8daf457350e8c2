//! Fuzz target: open arbitrary bytes as a `.slrec` recording and read everything the app
//! reads — summary, integrity (digest over every row), events, metrics and the graph at a
//! time, a series, records with a filter. Must never panic, hang or blow up memory; any
//! bad input must come back as an error.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use streamlens_engine::recording::RecordingReader;

fn runtime() -> &'static tokio::runtime::Runtime {
    static RUNTIME: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RUNTIME.get_or_init(|| tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap())
}

fuzz_target!(|data: &[u8]| {
    let path = std::env::temp_dir().join(format!("streamlens-fuzz-{}.slrec", std::process::id()));
    if std::fs::write(&path, data).is_err() {
        return;
    }
    runtime().block_on(async {
        let Ok(reader) = RecordingReader::open(&path).await else { return };
        let _ = reader.summary().await;
        let _ = reader.verify().await;
        let _ = reader.events(&[], 100).await;
        let filter = streamlens_engine::browse::MessageFilter {
            text: Some("a".into()),
            expression: Some("value.n > 1".into()),
        };
        let end = reader.manifest().end.unwrap_or(reader.manifest().start);
        let _ = reader.metrics_at(end).await;
        let _ = reader.graph_at(end).await;
        let _ = reader.series("v", "busyPercent", None).await;
        let _ = reader.records(0.0, false, &filter, 50).await;
        reader.close().await;
    });
});
