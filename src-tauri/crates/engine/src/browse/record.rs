//! A Kafka record as it leaves the engine: decoded, masked, ready to show or export.
//! Every payload (key, value, each header) says how it was decoded and whether it was
//! cut short or withheld — never raw bytes for a role that must not see them.

use std::borrow::Cow;
use std::sync::Arc;

use serde::Serialize;
use ts_rs::TS;

use crate::schema::SchemaType;

/// How a payload is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PayloadFormat {
    /// No bytes at all (a tombstone value, a record without key).
    Null,
    Json,
    Text,
    /// Not text: shown as hex.
    Binary,
    /// Not shown: the caller's role may not see it (the reason says why).
    Withheld,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Payload {
    pub format: PayloadFormat,
    /// The payload as text: compact JSON, UTF-8 text, or hex. `None` for null or withheld.
    pub text: Option<String>,
    /// Size of the original bytes.
    pub size: u32,
    /// `text` holds only the first part of a large payload.
    pub truncated: bool,
    /// Which decoder produced `text`, e.g. "json", "utf-8", "hex".
    #[ts(type = "string")]
    pub decoder: Cow<'static, str>,
    /// Why it was withheld, or what the decoder noticed.
    pub note: Option<String>,
    /// The registry schema that decoded it.
    pub schema: Option<SchemaTag>,
    /// The payload asked for a decoder (its schema, the topic's pinned decoder) that could not
    /// decode it: `note` says why, and `text` is the fallback (hex) a masked role never sees.
    pub failed: bool,
    /// Where masking changed this payload and by which rule (empty when nothing was masked).
    pub masks: Vec<crate::mask::MaskMark>,
}

/// Which registry schema decoded a payload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SchemaTag {
    pub id: u32,
    pub schema_type: SchemaType,
    #[ts(type = "string | null")]
    pub subject: Option<Arc<str>>,
    pub version: Option<i32>,
}

impl Payload {
    pub fn null() -> Self {
        Self {
            format: PayloadFormat::Null,
            text: None,
            size: 0,
            truncated: false,
            decoder: "none".into(),
            note: None,
            schema: None,
            failed: false,
            masks: Vec::new(),
        }
    }

    pub fn withheld(size: usize, reason: &str) -> Self {
        Self {
            format: PayloadFormat::Withheld,
            text: None,
            size: u32::try_from(size).unwrap_or(u32::MAX),
            truncated: false,
            decoder: "none".into(),
            note: Some(reason.to_string()),
            schema: None,
            failed: false,
            masks: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HeaderRecord {
    pub key: String,
    pub value: Payload,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TimestampKind {
    CreateTime,
    LogAppendTime,
    None,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MessageRecord {
    pub partition: i32,
    #[ts(type = "number")]
    pub offset: i64,
    /// Milliseconds since the epoch.
    #[ts(type = "number | null")]
    pub timestamp: Option<i64>,
    pub timestamp_kind: TimestampKind,
    pub key: Payload,
    pub value: Payload,
    pub headers: Vec<HeaderRecord>,
    /// Key + value + header bytes as stored.
    pub size_bytes: u32,
}
