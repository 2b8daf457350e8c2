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

    pub fn matches(&self, record: &MessageRecord) -> bool {
        self.text_matches(record) && self.expression_matches(record)
    }

    fn text_matches(&self, record: &MessageRecord) -> bool {
        let Some(needle) = &self.needle else {
            return true;
        };
        let has = |text: Option<&str>| text.is_some_and(|t| t.to_lowercase().contains(needle.as_str()));
        has(record.key.text.as_deref())
            || has(record.value.text.as_deref())
            || record.headers.iter().any(|h| has(Some(&h.key)) || has(h.value.text.as_deref()))
    }

    /// A record the expression cannot evaluate (a missing field, a type mismatch) does not match.
    fn expression_matches(&self, record: &MessageRecord) -> bool {
        let Some(program) = &self.program else {
            return true;
        };
        let mut context = Context::default();
        let headers: std::collections::HashMap<String, serde_json::Value> =
            record.headers.iter().map(|h| (h.key.clone(), payload_value(&h.value))).collect();
        let bound = context.add_variable("key", payload_value(&record.key)).is_ok()
            && context.add_variable("value", payload_value(&record.value)).is_ok()
            && context.add_variable("headers", headers).is_ok()
            && context.add_variable("partition", i64::from(record.partition)).is_ok()
            && context.add_variable("offset", record.offset).is_ok()
            && context.add_variable("timestamp", record.timestamp).is_ok()
            && context.add_variable("size", i64::from(record.size_bytes)).is_ok();
        bound && matches!(program.execute(&context), Ok(Value::Bool(true)))
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
fn payload_value(payload: &Payload) -> serde_json::Value {
    let text = payload.text.as_deref().unwrap_or_default();
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
