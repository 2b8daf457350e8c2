//! The filter stage: runs on masked records only, so a filter can never probe a value the
//! caller may not see (a withheld payload is `null` to an expression). Two kinds, both
//! optional: a case-insensitive substring over key, value and headers, and a CEL
//! expression — the Common Expression Language is side-effect free and not Turing
//! complete, so a filter can read a record and nothing else (no scripting, no I/O).

use cel_interpreter::{Context, Program, Value};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::record::{MessageRecord, Payload, PayloadFormat};
use crate::error::{Error, Result};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MessageFilter {
    /// Case-insensitive text to find in the key, the value or a header (name or value).
    pub text: Option<String>,
    /// A CEL expression over `key`, `value` (JSON payloads as objects), `headers` (a map),
    /// `partition`, `offset`, `timestamp`, `size`; e.g. `value.amount.value > 500.0`.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub expression: Option<String>,
}

/// A filter prepared once per scan.
pub struct PreparedFilter {
    needle: Option<String>,
    program: Option<Program>,
}

impl PreparedFilter {
    /// Compiles the expression; a syntax error is the caller's to fix, with its position.
    pub fn new(filter: &MessageFilter) -> Result<Self> {
        let program = match filter.expression.as_deref().map(str::trim).filter(|e| !e.is_empty()) {
            None => None,
            Some(expression) => Some(compile(expression)?),
        };
        let needle = filter.text.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(str::to_lowercase);
        Ok(Self { needle, program })
    }

    /// No text and no expression: every record passes (and nothing is built to check it).
    pub fn is_empty(&self) -> bool {
        self.needle.is_none() && self.program.is_none()
    }

    pub fn matches(&self, record: &MessageRecord) -> bool {
        if self.is_empty() {
            return true;
        }
        self.matches_fields(&Fields {
            key: PayloadView::of(&record.key),
            value: PayloadView::of(&record.value),
            headers: record.headers.iter().map(|h| (h.key.as_str(), PayloadView::of(&h.value))).collect(),
            partition: i64::from(record.partition),
            offset: record.offset,
            timestamp: record.timestamp,
            size: i64::from(record.size_bytes),
        })
    }

    /// The same filter over a record as JSON (how recordings keep the records they captured).
    pub fn matches_json(&self, record: &serde_json::Value) -> bool {
        if self.is_empty() {
            return true;
        }
        let number = |key: &str| record.get(key).and_then(serde_json::Value::as_i64);
        let headers = record
            .get("headers")
            .and_then(serde_json::Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default();
        self.matches_fields(&Fields {
            key: PayloadView::of_json(&record["key"]),
            value: PayloadView::of_json(&record["value"]),
            headers: headers
                .iter()
                .map(|h| {
                    (
                        h.get("key").and_then(serde_json::Value::as_str).unwrap_or_default(),
                        PayloadView::of_json(&h["value"]),
                    )
                })
                .collect(),
            partition: number("partition").unwrap_or(-1),
            offset: number("offset").unwrap_or(-1),
            timestamp: number("timestamp"),
            size: number("sizeBytes").unwrap_or(0),
        })
    }

    fn matches_fields(&self, record: &Fields<'_>) -> bool {
        self.text_matches(record) && self.expression_matches(record)
    }

    fn text_matches(&self, record: &Fields<'_>) -> bool {
        let Some(needle) = &self.needle else {
            return true;
        };
        let has = |text: Option<&str>| text.is_some_and(|t| t.to_lowercase().contains(needle.as_str()));
        has(record.key.text)
            || has(record.value.text)
            || record.headers.iter().any(|(key, value)| has(Some(key)) || has(value.text))
    }

    /// A record the expression cannot evaluate (a missing field, a type mismatch) does not match.
    fn expression_matches(&self, record: &Fields<'_>) -> bool {
        let Some(program) = &self.program else {
            return true;
        };
        let mut context = Context::default();
        let headers: std::collections::HashMap<String, serde_json::Value> =
            record.headers.iter().map(|(key, value)| ((*key).to_string(), payload_value(value))).collect();
        let bound = context.add_variable("key", payload_value(&record.key)).is_ok()
            && context.add_variable("value", payload_value(&record.value)).is_ok()
            && context.add_variable("headers", headers).is_ok()
            && context.add_variable("partition", record.partition).is_ok()
            && context.add_variable("offset", record.offset).is_ok()
            && context.add_variable("timestamp", record.timestamp).is_ok()
            && context.add_variable("size", record.size).is_ok();
        bound && matches!(program.execute(&context), Ok(Value::Bool(true)))
    }
}

/// What the filter reads of a record, from the record itself or from its JSON.
struct Fields<'a> {
    key: PayloadView<'a>,
    value: PayloadView<'a>,
    headers: Vec<(&'a str, PayloadView<'a>)>,
    partition: i64,
    offset: i64,
    timestamp: Option<i64>,
    size: i64,
}

struct PayloadView<'a> {
    format: PayloadFormat,
    text: Option<&'a str>,
    truncated: bool,
}

impl<'a> PayloadView<'a> {
    fn of(payload: &'a Payload) -> Self {
        Self { format: payload.format, text: payload.text.as_deref(), truncated: payload.truncated }
    }

    fn of_json(payload: &'a serde_json::Value) -> Self {
        Self {
            format: payload
                .get("format")
                .and_then(serde_json::Value::as_str)
                .map_or(PayloadFormat::Null, format_of),
            text: payload.get("text").and_then(serde_json::Value::as_str),
            truncated: payload.get("truncated").and_then(serde_json::Value::as_bool).unwrap_or(false),
        }
    }
}

/// A payload format as serialized (`"json"`, `"text"`, …).
fn format_of(name: &str) -> PayloadFormat {
    match name {
        "json" => PayloadFormat::Json,
        "text" => PayloadFormat::Text,
        "binary" => PayloadFormat::Binary,
        "withheld" => PayloadFormat::Withheld,
        _ => PayloadFormat::Null,
    }
}

/// Compiles a CEL expression. The parser (antlr-based) can panic on some malformed input
/// instead of returning an error; the panic is contained and reported like any syntax error.
fn compile(expression: &str) -> Result<Program> {
    let advice = "It is CEL, e.g. value.status == \"failed\" && partition == 0.";
    match std::panic::catch_unwind(|| Program::compile(expression)) {
        Ok(Ok(program)) => Ok(program),
        Ok(Err(err)) => Err(Error::invalid(format!("The filter expression does not parse: {err}. {advice}"))),
        Err(_) => Err(Error::invalid(format!("The filter expression does not parse. {advice}"))),
    }
}

/// What an expression sees of a payload: JSON as data, text as a string, else null.
fn payload_value(payload: &PayloadView<'_>) -> serde_json::Value {
    let text = payload.text.unwrap_or_default();
    match payload.format {
        PayloadFormat::Json if !payload.truncated => {
            serde_json::from_str(text).unwrap_or_else(|_| serde_json::Value::String(text.to_string()))
        }
        PayloadFormat::Json | PayloadFormat::Text => serde_json::Value::String(text.to_string()),
        PayloadFormat::Null | PayloadFormat::Binary | PayloadFormat::Withheld => serde_json::Value::Null,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::browse::decode::decode_auto;
    use crate::browse::mask::MaskStage;
    use crate::browse::record::{HeaderRecord, TimestampKind};

    fn record(key: &str, value: &str, header: (&str, &str)) -> MessageRecord {
        MessageRecord {
            partition: 1,
            offset: 42,
            timestamp: Some(1000),
            timestamp_kind: TimestampKind::CreateTime,
            key: decode_auto(Some(key.as_bytes())),
            value: decode_auto(Some(value.as_bytes())),
            headers: vec![HeaderRecord {
                key: header.0.into(),
                value: decode_auto(Some(header.1.as_bytes())),
            }],
            size_bytes: 0,
        }
    }

    fn prepared(text: Option<&str>, expression: Option<&str>) -> PreparedFilter {
        PreparedFilter::new(&MessageFilter {
            text: text.map(Into::into),
            expression: expression.map(Into::into),
        })
        .unwrap()
    }

    #[test]
    fn substring_matches_key_value_and_headers_case_insensitively() {
        let r = record("order-17", r#"{"country":"NL"}"#, ("trace-id", "abc123"));
        let f = |t: &str| prepared(Some(t), None).matches(&r);
        assert!(f("ORDER-17") && f("\"nl\"") && f("TRACE") && f("abc1"));
        assert!(!f("order-18"));
        assert!(prepared(Some("  "), None).matches(&r));
    }

    #[test]
    fn a_record_as_json_filters_exactly_like_the_record() {
        let r = record("order-17", r#"{"country":"NL","amount":{"value":12.5}}"#, ("trace-id", "abc123"));
        let json = serde_json::to_value(&r).unwrap();
        for (text, expression) in [
            (Some("nl"), None),
            (Some("trace"), None),
            (Some("nope"), None),
            (None, Some("value.amount.value > 10.0 && partition == 1")),
            (None, Some("headers[\"trace-id\"] == \"abc123\" && offset == 42")),
            (None, Some("value.country == \"SE\"")),
        ] {
            let f = prepared(text, expression);
            assert_eq!(f.matches(&r), f.matches_json(&json), "{text:?} {expression:?}");
        }
        assert!(prepared(None, Some("value.amount.value > 10.0")).matches_json(&json));
    }

    #[test]
    fn expressions_see_json_fields_headers_and_positions() {
        let r = record(
            "k1",
            r#"{"amount": {"value": 612.5}, "status": "failed", "tags": ["x"]}"#,
            ("source", "web"),
        );
        let f = |e: &str| prepared(None, Some(e)).matches(&r);
        assert!(f("value.amount.value > 500.0 && value.status == 'failed'"));
        assert!(f("headers.source == 'web' && partition == 1 && offset >= 42"));
        assert!(f("key.startsWith('k') && 'x' in value.tags"));
        assert!(!f("value.amount.value < 500.0"));
        assert!(!f("value.missing.field == 1"), "an error is not a match");
        assert!(prepared(Some("k1"), Some("offset == 42")).matches(&r));
        assert!(!prepared(Some("zzz"), Some("offset == 42")).matches(&r));
    }

    #[test]
    fn expressions_see_only_masked_values() {
        let decode = crate::browse::DecodeStage::detached();
        let r =
            MaskStage::builtin_for_tests().apply(record("k", r#"{"email":"ann@b.co"}"#, ("h", "v")), &decode);
        assert!(!prepared(None, Some("value.email == 'ann@b.co'")).matches(&r));
        assert!(!prepared(Some("ann@"), None).matches(&r));
        assert!(prepared(None, Some("value.email == '***'")).matches(&r));
    }

    #[test]
    fn a_syntax_error_is_a_clear_invalid_input() {
        let err = PreparedFilter::new(&MessageFilter { text: None, expression: Some("value. ==".into()) });
        let message = err.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(message.contains("does not parse"), "{message}");
    }
}
