//! The filter stage: runs on masked records only, so a filter can never probe a value the
//! caller may not see. Today: a case-insensitive substring over key, value and headers.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::record::MessageRecord;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MessageFilter {
    /// Case-insensitive text to find in the key, the value or a header (name or value).
    pub text: Option<String>,
}

/// A filter prepared once per scan.
pub struct PreparedFilter {
    needle: Option<String>,
}

impl PreparedFilter {
    pub fn new(filter: &MessageFilter) -> Self {
        Self {
            needle: filter.text.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(str::to_lowercase),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.needle.is_none()
    }

    pub fn matches(&self, record: &MessageRecord) -> bool {
        let Some(needle) = &self.needle else {
            return true;
        };
        let has = |text: Option<&str>| text.is_some_and(|t| t.to_lowercase().contains(needle.as_str()));
        has(record.key.text.as_deref())
            || has(record.value.text.as_deref())
            || record.headers.iter().any(|h| has(Some(&h.key)) || has(h.value.text.as_deref()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::browse::decode::decode_auto;
    use crate::browse::record::{HeaderRecord, TimestampKind};

    fn record(key: &str, value: &str, header: (&str, &str)) -> MessageRecord {
        MessageRecord {
            partition: 0,
            offset: 0,
            timestamp: None,
            timestamp_kind: TimestampKind::None,
            key: decode_auto(Some(key.as_bytes())),
            value: decode_auto(Some(value.as_bytes())),
            headers: vec![HeaderRecord {
                key: header.0.into(),
                value: decode_auto(Some(header.1.as_bytes())),
            }],
            size_bytes: 0,
        }
    }

    #[test]
    fn substring_matches_key_value_and_headers_case_insensitively() {
        let r = record("order-17", r#"{"country":"NL"}"#, ("trace-id", "abc123"));
        let f = |t: &str| PreparedFilter::new(&MessageFilter { text: Some(t.into()) }).matches(&r);
        assert!(f("ORDER-17") && f("\"nl\"") && f("TRACE") && f("abc1"));
        assert!(!f("order-18"));
        assert!(PreparedFilter::new(&MessageFilter { text: Some("  ".into()) }).matches(&r));
    }
}
