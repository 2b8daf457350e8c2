//! Reading Flink's REST answers across versions: keys that come in two spellings
//! (`start-time` / `start_time`, `backpressureLevel` / `backpressure-level`), numbers that
//! arrive as strings ("1795322313906"), `-1` and `Long.MIN_VALUE` meaning "none", and
//! task-level metric ids prefixed with the subtask index (`0.numRecordsIn`).

use serde_json::Value;

/// The first of `keys` present (and not null) in `value`.
pub(crate) fn field<'a>(value: &'a Value, keys: &[&str]) -> Option<&'a Value> {
    keys.iter().find_map(|key| value.get(*key).filter(|v| !v.is_null()))
}

/// A number, or a string holding one (Flink sends metric values as strings). NaN and
/// infinities count as missing.
pub(crate) fn as_number(value: &Value) -> Option<f64> {
    let n = match value {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse::<f64>().ok(),
        _ => None,
    }?;
    n.is_finite().then_some(n)
}

pub(crate) fn number(value: &Value, keys: &[&str]) -> Option<f64> {
    field(value, keys).and_then(as_number)
}

/// A count: a non-negative number that fits `u32` (anything else is missing).
pub(crate) fn count(value: &Value, keys: &[&str]) -> Option<u32> {
    number(value, keys).filter(|n| *n >= 0.0 && *n <= f64::from(u32::MAX)).map(|n| n as u32)
}

/// A time in epoch ms; Flink writes -1 (or 0) for "not yet" or "never".
pub(crate) fn time(value: &Value, keys: &[&str]) -> Option<f64> {
    number(value, keys).filter(|t| *t > 0.0)
}

/// A watermark: Flink reports `Long.MIN_VALUE` (or a negative) when there is none yet.
pub(crate) fn watermark(value: f64) -> Option<f64> {
    (value > 0.0).then_some(value)
}

pub(crate) fn text(value: &Value, keys: &[&str]) -> Option<String> {
    field(value, keys).map(|v| match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    })
}

pub(crate) fn flag(value: &Value, keys: &[&str]) -> bool {
    field(value, keys).and_then(Value::as_bool).unwrap_or(false)
}

pub(crate) fn list<'a>(value: &'a Value, keys: &[&str]) -> &'a [Value] {
    field(value, keys).and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

/// `"3.numRecordsIn"` → `(Some(3), "numRecordsIn")`; an id without a numeric prefix is
/// returned whole.
pub(crate) fn split_subtask(id: &str) -> (Option<u32>, &str) {
    match id.split_once('.') {
        Some((head, rest)) if !head.is_empty() && head.bytes().all(|b| b.is_ascii_digit()) => {
            (head.parse().ok(), rest)
        }
        _ => (None, id),
    }
}

/// Flattens nested objects to dotted keys with text values, sorted by key.
pub(crate) fn flatten(value: &Value) -> Vec<(String, String)> {
    fn walk(prefix: &str, value: &Value, out: &mut Vec<(String, String)>) {
        match value {
            Value::Object(map) => {
                for (key, inner) in map {
                    let path = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
                    walk(&path, inner, out);
                }
            }
            Value::String(s) => out.push((prefix.to_string(), s.clone())),
            Value::Null => out.push((prefix.to_string(), String::new())),
            other => out.push((prefix.to_string(), other.to_string())),
        }
    }
    let mut out = Vec::new();
    walk("", value, &mut out);
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn keys_in_either_spelling_and_numbers_in_strings() {
        let v = json!({"start_time": 5, "backpressure-level": "ok", "value": "12.5", "end-time": -1});
        assert_eq!(time(&v, &["start-time", "start_time"]), Some(5.0));
        assert_eq!(text(&v, &["backpressureLevel", "backpressure-level"]).as_deref(), Some("ok"));
        assert_eq!(number(&v, &["value"]), Some(12.5));
        assert_eq!(time(&v, &["end-time"]), None);
        assert_eq!(number(&json!({"v": "NaN"}), &["v"]), None);
        assert_eq!(count(&json!({"v": -3}), &["v"]), None);
    }

    #[test]
    fn subtask_prefixes_are_split_only_when_numeric() {
        assert_eq!(split_subtask("3.numRecordsIn"), (Some(3), "numRecordsIn"));
        assert_eq!(split_subtask("0.op.name.numRecordsIn"), (Some(0), "op.name.numRecordsIn"));
        assert_eq!(split_subtask("numRestarts"), (None, "numRestarts"));
        assert_eq!(split_subtask("Source__x.numRecordsOut"), (None, "Source__x.numRecordsOut"));
    }

    #[test]
    fn flatten_makes_dotted_keys() {
        let flat = flatten(&json!({"b": {"c": 1, "d": "x"}, "a": null}));
        assert_eq!(
            flat,
            vec![("a".into(), "".into()), ("b.c".into(), "1".into()), ("b.d".into(), "x".into())]
        );
    }
}
