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
