//! The deliver stage for files and terminals: records as JSON lines or CSV. JSON payloads
//! stay JSON (inline), text becomes a string, binary `{"hex": …}`, withheld
//! `{"withheld": reason}` — a masked role's export is masked like its screen.

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::record::{MessageRecord, Payload, PayloadFormat};

/// Where and how to export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportTarget {
    #[ts(type = "string")]
    pub path: std::path::PathBuf,
    pub format: ExportFormat,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportSummary {
    #[ts(type = "number")]
    pub rows: u64,
    #[ts(type = "number")]
    pub bytes: u64,
    /// The written file; empty when cancelled (nothing is left behind).
    pub path: String,
    pub cancelled: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    Jsonl,
    Csv,
}

impl ExportFormat {
    /// The first line of the file, if the format has one.
    pub fn header(self) -> Option<&'static str> {
        match self {
            Self::Jsonl => None,
            Self::Csv => Some("topic,partition,offset,timestamp,key,value,headers\n"),
        }
    }

    /// A writer for one topic's records in this format.
    pub fn writer(self, topic: &str) -> RecordWriter {
        RecordWriter { format: self, topic: topic.to_string(), quoted_topic: quote(topic) }
    }
}

/// Writes records of one topic; the topic's quoting is done once, not per record.
pub struct RecordWriter {
    format: ExportFormat,
    topic: String,
    quoted_topic: String,
}

impl RecordWriter {
    /// Appends one record (with its line end) to `out`.
    pub fn write(&self, out: &mut String, record: &MessageRecord) {
        match self.format {
            ExportFormat::Jsonl => json_line(out, &self.quoted_topic, record),
            ExportFormat::Csv => csv_line(out, &self.topic, record),
        }
    }
}

fn json_line(out: &mut String, quoted_topic: &str, record: &MessageRecord) {
    out.push_str("{\"topic\":");
    out.push_str(quoted_topic);
    // itoa, not `write!`: the formatting machinery costs more than the rest of the line.
    let mut number = itoa::Buffer::new();
    out.push_str(",\"partition\":");
    out.push_str(number.format(record.partition));
    out.push_str(",\"offset\":");
    out.push_str(number.format(record.offset));
    out.push_str(",\"timestamp\":");
    match record.timestamp {
        Some(ts) => out.push_str(number.format(ts)),
        None => out.push_str("null"),
    }
    out.push_str(",\"key\":");
    json_payload(out, &record.key);
    out.push_str(",\"value\":");
    json_payload(out, &record.value);
    for (name, payload) in [("keySchemaId", &record.key), ("valueSchemaId", &record.value)] {
        if let Some(schema) = &payload.schema {
            let _ = write!(out, ",\"{name}\":{}", schema.id);
        }
    }
    out.push_str(",\"headers\":");
    json_headers(out, record);
    out.push_str("}\n");
}

fn json_headers(out: &mut String, record: &MessageRecord) {
    out.push('[');
    for (i, header) in record.headers.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let _ = write!(out, "{{\"key\":{},\"value\":", quote(&header.key));
        json_payload(out, &header.value);
        out.push('}');
    }
    out.push(']');
}

fn json_payload(out: &mut String, payload: &Payload) {
    let text = payload.text.as_deref().unwrap_or_default();
    match payload.format {
        PayloadFormat::Null => out.push_str("null"),
        // Only complete, validated JSON goes inline; a cut preview would not parse.
        PayloadFormat::Json if !payload.truncated && payload.decoder != "utf-8" => out.push_str(text),
        PayloadFormat::Json | PayloadFormat::Text => out.push_str(&quote(text)),
        PayloadFormat::Binary if payload.failed => {
            let note = payload.note.as_deref().unwrap_or("could not be decoded");
            let _ = write!(out, "{{\"error\":{},\"hex\":{}}}", quote(note), quote(text));
        }
        PayloadFormat::Binary => {
            let _ = write!(out, "{{\"hex\":{}}}", quote(text));
        }
        PayloadFormat::Withheld => {
            let _ = write!(out, "{{\"withheld\":{}}}", quote(payload.note.as_deref().unwrap_or("withheld")));
        }
    }
}

fn csv_line(out: &mut String, topic: &str, record: &MessageRecord) {
    let timestamp = record.timestamp.map(|t| t.to_string()).unwrap_or_default();
    let mut headers = String::new();
    json_headers(&mut headers, record);
    let cells = [
        topic.to_string(),
        record.partition.to_string(),
        record.offset.to_string(),
        timestamp,
        csv_payload(&record.key),
        csv_payload(&record.value),
        headers,
    ];
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        csv_cell(out, cell);
    }
    out.push('\n');
}

fn csv_payload(payload: &Payload) -> String {
    match payload.format {
        PayloadFormat::Null => String::new(),
        PayloadFormat::Withheld => format!("[withheld] {}", payload.note.as_deref().unwrap_or_default()),
        _ => payload.text.clone().unwrap_or_default(),
    }
}

/// RFC 4180: quote a cell with a comma, quote or line break, doubling inner quotes.
pub(crate) fn csv_cell(out: &mut String, cell: &str) {
    if cell.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&cell.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(cell);
    }
}

fn quote(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_string())
}

/// A file being exported: written as `NAME.partial` beside `path` and renamed to `path`
/// when complete, so a reader never sees half a file; an existing `path` is never replaced.
pub struct NewFile {
    path: std::path::PathBuf,
    partial: std::path::PathBuf,
}

impl NewFile {
    /// Refuses an existing `path` or a folder it cannot write to, naming the user's file.
    pub fn create(path: &std::path::Path) -> crate::Result<(Self, std::fs::File)> {
        let shown = path.display();
        if path.exists() {
            return Err(crate::Error::invalid(format!("{shown} already exists. Choose another name.")));
        }
        let mut partial = path.as_os_str().to_os_string();
        partial.push(".partial");
        let partial = std::path::PathBuf::from(partial);
        let file = std::fs::File::create(&partial).map_err(|e| {
            crate::Error::invalid(format!(
                "Cannot write {shown}: {e}. Choose a folder that exists and that you may write to."
            ))
        })?;
        Ok((Self { path: path.to_path_buf(), partial }, file))
    }

    /// The file is complete: it takes its name (nothing is left behind if that fails).
    pub fn finish(self) -> crate::Result<()> {
        std::fs::rename(&self.partial, &self.path).map_err(|err| {
            let _ = std::fs::remove_file(&self.partial);
            crate::Error::invalid(format!("Cannot write {}: {err}.", self.path.display()))
        })
    }

    /// The export stopped: the partial file goes.
    pub fn abandon(self) {
        let _ = std::fs::remove_file(&self.partial);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::browse::decode::decode_auto;
    use crate::browse::mask::MaskStage;
    use crate::browse::record::{HeaderRecord, TimestampKind};

    fn record() -> MessageRecord {
        MessageRecord {
            partition: 2,
            offset: 41,
            timestamp: Some(1_700_000_000_000),
            timestamp_kind: TimestampKind::CreateTime,
            key: decode_auto(Some(b"k,1")),
            value: decode_auto(Some(br#"{"b": "x\"y", "a": [1]}"#)),
            headers: vec![HeaderRecord { key: "bin".into(), value: decode_auto(Some(&[0xff])) }],
            size_bytes: 30,
        }
    }

    #[test]
    fn json_lines_parse_back_with_the_value_inline() {
        let mut out = String::new();
        ExportFormat::Jsonl.writer("t").write(&mut out, &record());
        assert!(out.ends_with('\n') && out.matches('\n').count() == 1);
        let parsed: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(parsed["value"]["b"], "x\"y");
        assert_eq!(parsed["key"], "k,1");
        assert_eq!(parsed["headers"][0]["value"]["hex"], "ff");
        assert_eq!(parsed["offset"], 41);
    }

    #[test]
    fn csv_quotes_what_needs_quoting() {
        let mut out = String::new();
        ExportFormat::Csv.writer("t").write(&mut out, &record());
        assert!(
            out.starts_with("t,2,41,1700000000000,\"k,1\",\"{\"\"b\"\":\"\"x\\\"\"y\"\",\"\"a\"\":[1]}\","),
            "{out}"
        );
    }

    #[test]
    fn a_masked_export_holds_no_payload() {
        let mut input = record();
        input.value = decode_auto(Some(br#"{"email": "ann@example.com", "a": [1]}"#));
        let decode = crate::browse::DecodeStage::detached();
        let masked = MaskStage::builtin_for_tests().apply(input, &decode);
        for format in [ExportFormat::Jsonl, ExportFormat::Csv] {
            let mut out = String::new();
            format.writer("t").write(&mut out, &masked);
            assert!(!out.contains("ann@") && out.contains("***") && out.contains("withheld"), "{out}");
        }
    }
}
