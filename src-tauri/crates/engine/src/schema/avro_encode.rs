//! JSON to an Avro binary datum, for producing with a schema. It accepts what the decoder
//! writes (docs/decoding.md: unions unwrapped, logical types as readable strings, bytes as
//! base64) and says which field is wrong and what it expected.

use base64::Engine as _;
use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use serde_json::Value;

use super::avro_plan::{AvroPlan, Node, NodeId, TimeUnit};

/// Encodes `value` as a datum of `plan`; the error names the field path.
pub fn encode(plan: &AvroPlan, value: &Value) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    Encoder { plan }.value(plan.root, value, &mut out, 0).map_err(|(path, problem)| {
        let path: Vec<String> = path.into_iter().rev().collect();
        if path.is_empty() {
            problem
        } else {
            format!("`{}`: {problem}", path.join("."))
        }
    })?;
    Ok(out)
}

type Failure = (Vec<String>, String);

fn fail<T>(problem: String) -> Result<T, Failure> {
    Err((Vec::new(), problem))
}

struct Encoder<'a> {
    plan: &'a AvroPlan,
}

impl Encoder<'_> {
    fn value(&self, id: NodeId, value: &Value, out: &mut Vec<u8>, depth: usize) -> Result<(), Failure> {
        if depth > super::avro::MAX_DEPTH {
            return fail(format!("the value nests deeper than {} levels", super::avro::MAX_DEPTH));
        }
        let expected = |what: &str| fail(format!("expected {what}, got {}", describe(value)));
        match (&self.plan.nodes[id], value) {
            (Node::Null, Value::Null) => {}
            (Node::Boolean, Value::Bool(b)) => out.push(u8::from(*b)),
            (Node::Int, Value::Number(n)) => match n.as_i64().and_then(|n| i32::try_from(n).ok()) {
                Some(n) => long(out, i64::from(n)),
                None => return expected("a 32-bit integer"),
            },
            (Node::Long, Value::Number(n)) => match n.as_i64() {
                Some(n) => long(out, n),
                None => return expected("a 64-bit integer"),
            },
            #[allow(clippy::cast_possible_truncation)] // float fields are 32-bit by definition
            (Node::Float, _) => match number(value) {
                Some(f) => out.extend((f as f32).to_le_bytes()),
                None => return expected("a number"),
            },
            (Node::Double, _) => match number(value) {
                Some(f) => out.extend(f.to_le_bytes()),
                None => return expected("a number"),
            },
            (Node::String | Node::UuidString, Value::String(s)) => sized(out, s.as_bytes()),
            (Node::Bytes | Node::BigDecimal, Value::String(s)) => sized(out, &base64_bytes(s)?),
            (Node::Fixed { size, name }, Value::String(s)) => {
                let bytes = base64_bytes(s)?;
                if bytes.len() != *size {
                    return fail(format!("the fixed `{name}` takes {size} bytes, got {}", bytes.len()));
                }
                out.extend(bytes);
            }
            (Node::Array(items), Value::Array(values)) => {
                if !values.is_empty() {
                    long(out, values.len() as i64);
                    for (i, item) in values.iter().enumerate() {
                        self.value(*items, item, out, depth + 1).map_err(|(mut p, e)| {
                            p.push(format!("[{i}]"));
                            (p, e)
                        })?;
                    }
                }
                out.push(0);
            }
            (Node::Map(values), Value::Object(entries)) => {
                if !entries.is_empty() {
                    long(out, entries.len() as i64);
                    for (key, item) in entries {
                        sized(out, key.as_bytes());
                        self.value(*values, item, out, depth + 1).map_err(|(mut p, e)| {
                            p.push(key.clone());
                            (p, e)
                        })?;
                    }
                }
                out.push(0);
            }
            (Node::Union(branches), _) => {
                // The first branch that takes the value, as the decoder writes unions unwrapped.
                let mut reasons = Vec::new();
                for (index, branch) in branches.iter().enumerate() {
                    let mut attempt = Vec::new();
                    long(&mut attempt, index as i64);
                    match self.value(*branch, value, &mut attempt, depth) {
                        Ok(()) => {
                            out.extend(attempt);
                            return Ok(());
                        }
                        Err((path, problem)) if !path.is_empty() => return Err((path, problem)),
                        Err((_, problem)) => reasons.push(problem),
                    }
                }
                return fail(format!("no branch of the union takes it ({})", reasons.join("; ")));
            }
            (Node::Record { name, fields }, Value::Object(entries)) => {
                if let Some(unknown) = entries.keys().find(|k| !fields.iter().any(|(f, _, _)| f == *k)) {
                    return fail(format!("`{name}` has no field `{unknown}`"));
                }
                for (field, _, node) in fields {
                    let item = entries.get(field).unwrap_or(&Value::Null);
                    self.value(*node, item, out, depth + 1).map_err(|(mut p, e)| {
                        p.push(field.clone());
                        (p, e)
                    })?;
                }
            }
            (Node::Enum { name, symbols }, Value::String(s)) => {
                let quoted = serde_json::to_string(s).unwrap_or_default();
                match symbols.iter().position(|sym| *sym == quoted) {
                    Some(index) => long(out, index as i64),
                    None => return fail(format!("`{s}` is not a symbol of the enum `{name}`")),
                }
            }
            (Node::Decimal { scale, fixed }, _) => {
                let bytes = decimal_bytes(value, *scale)?;
                match fixed {
                    Some(size) => out.extend(sign_extend(&bytes, *size)?),
                    None => sized(out, &bytes),
                }
            }
            (Node::UuidBytes { fixed }, Value::String(s)) => {
                let hex: String = s.chars().filter(|c| *c != '-').collect();
                let bytes: Option<Vec<u8>> = (0..hex.len())
                    .step_by(2)
                    .map(|i| hex.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok()))
                    .collect();
                match bytes.filter(|b| b.len() == 16) {
                    Some(bytes) if *fixed => out.extend(bytes),
                    Some(bytes) => sized(out, &bytes),
                    None => return expected("a UUID like 0f8fad5b-d9cb-469f-a165-70867728950e"),
                }
            }
            (Node::Date, _) => match (
                value.as_str().and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()),
                value.as_i64(),
            ) {
                (Some(date), _) => {
                    long(out, i64::from(date.signed_duration_since(epoch_date()).num_days() as i32))
                }
                (None, Some(days)) => long(out, days),
                _ => return expected("a date like 2024-02-29"),
            },
            (Node::TimeMillis | Node::TimeMicros, _) => {
                let micros = match (
                    value.as_str().and_then(|s| NaiveTime::parse_from_str(s, "%H:%M:%S%.f").ok()),
                    value.as_i64(),
                ) {
                    (Some(t), _) => {
                        i64::from(t.num_seconds_from_midnight()) * 1_000_000
                            + i64::from(t.nanosecond() / 1000)
                    }
                    (None, Some(raw)) => {
                        raw * if matches!(self.plan.nodes[id], Node::TimeMillis) { 1000 } else { 1 }
                    }
                    _ => return expected("a time like 13:45:07.123"),
                };
                long(
                    out,
                    if matches!(self.plan.nodes[id], Node::TimeMillis) { micros / 1000 } else { micros },
                );
            }
            (Node::Timestamp(unit) | Node::LocalTimestamp(unit), _) => {
                let parsed = value.as_str().and_then(|s| {
                    DateTime::parse_from_rfc3339(s)
                        .map(|t| t.naive_utc())
                        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f"))
                        .ok()
                });
                let n = match (parsed, value.as_i64()) {
                    (Some(t), _) => {
                        let t = t.and_utc();
                        match unit {
                            TimeUnit::Millis => t.timestamp_millis(),
                            TimeUnit::Micros => t.timestamp_micros(),
                            TimeUnit::Nanos => t.timestamp_nanos_opt().unwrap_or(i64::MAX),
                        }
                    }
                    (None, Some(raw)) => raw,
                    _ => return expected("a timestamp like 2024-02-29T13:45:07.123Z"),
                };
                long(out, n);
            }
            (Node::Duration, Value::Object(parts)) => {
                for part in ["months", "days", "millis"] {
                    let n = parts.get(part).and_then(Value::as_u64).and_then(|n| u32::try_from(n).ok());
                    out.extend(n.unwrap_or(0).to_le_bytes());
                }
            }
            (Node::Null, _) => return expected("null"),
            (Node::Boolean, _) => return expected("true or false"),
            (Node::Int | Node::Long, _) => return expected("an integer"),
            (Node::String | Node::UuidString, _) => return expected("a string"),
            (Node::Bytes | Node::BigDecimal | Node::Fixed { .. }, _) => return expected("base64 text"),
            (Node::Array(_), _) => return expected("an array"),
            (Node::Map(_) | Node::Record { .. } | Node::Duration, _) => return expected("an object"),
            (Node::Enum { .. }, _) => return expected("an enum symbol (a string)"),
            (Node::UuidBytes { .. }, _) => return expected("a UUID string"),
        }
        Ok(())
    }
}

fn epoch_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default()
}

fn describe(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 40 {
        format!("{}…", text.chars().take(40).collect::<String>())
    } else {
        text
    }
}

fn number(value: &Value) -> Option<f64> {
    match value {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => match s.as_str() {
            "NaN" => Some(f64::NAN),
            "Infinity" => Some(f64::INFINITY),
            "-Infinity" => Some(f64::NEG_INFINITY),
            _ => None,
        },
        _ => None,
    }
}

/// Appends `value` as a zig-zag varint (Avro longs, the Protobuf message-index array).
pub(crate) fn long(out: &mut Vec<u8>, value: i64) {
    #[allow(clippy::cast_sign_loss)] // zig-zag encoding reinterprets the bits
    let mut n = ((value << 1) ^ (value >> 63)) as u64;
    while n >= 0x80 {
        out.push((n & 0x7f) as u8 | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn sized(out: &mut Vec<u8>, bytes: &[u8]) {
    long(out, bytes.len() as i64);
    out.extend(bytes);
}

fn base64_bytes(text: &str) -> Result<Vec<u8>, Failure> {
    base64::engine::general_purpose::STANDARD
        .decode(text)
        .or_else(|_| fail(format!("expected base64 text, got \"{text}\"")))
}

/// A decimal string (or number) as the big-endian two's-complement unscaled integer.
fn decimal_bytes(value: &Value, scale: usize) -> Result<Vec<u8>, Failure> {
    let text = match value {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => return fail(format!("expected a decimal like \"12.34\", got {}", describe(value))),
    };
    let (negative, digits) = text.strip_prefix('-').map_or((false, text.as_str()), |rest| (true, rest));
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    if whole.is_empty() && fraction.is_empty()
        || !whole.chars().chain(fraction.chars()).all(|c| c.is_ascii_digit())
        || fraction.len() > scale
    {
        return fail(format!(
            "expected a decimal with at most {scale} digits after the point, got \"{text}\""
        ));
    }
    let unscaled = format!("{whole}{fraction}{}", "0".repeat(scale - fraction.len()));
    let magnitude: i128 =
        unscaled.parse().or_else(|_| fail(format!("the decimal \"{text}\" is too large")))?;
    let n = if negative { -magnitude } else { magnitude };
    let bytes = n.to_be_bytes();
    // Shortest two's-complement form.
    let mut start = 0;
    while start < 15
        && ((bytes[start] == 0 && bytes[start + 1] & 0x80 == 0)
            || (bytes[start] == 0xff && bytes[start + 1] & 0x80 != 0))
    {
        start += 1;
    }
    Ok(bytes[start..].to_vec())
}

fn sign_extend(bytes: &[u8], size: usize) -> Result<Vec<u8>, Failure> {
    if bytes.len() > size {
        return fail(format!("the decimal does not fit in {size} bytes"));
    }
    let fill = if bytes.first().is_some_and(|b| b & 0x80 != 0) { 0xff } else { 0 };
    let mut out = vec![fill; size - bytes.len()];
    out.extend(bytes);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_the_decoder_writes_encodes_back_to_the_same_value() {
        let plan = AvroPlan::compile(
            r#"{"type":"record","name":"Order","fields":[
                {"name":"id","type":"string"},
                {"name":"amount","type":{"type":"bytes","logicalType":"decimal","precision":9,"scale":2}},
                {"name":"at","type":{"type":"long","logicalType":"timestamp-millis"}},
                {"name":"day","type":{"type":"int","logicalType":"date"}},
                {"name":"email","type":["null","string"]},
                {"name":"tags","type":{"type":"array","items":"string"}},
                {"name":"state","type":{"type":"enum","name":"S","symbols":["NEW","DONE"]}}]}"#,
            &[],
        )
        .unwrap();
        let text = r#"{"id":"o-1","amount":"-12.50","at":"2024-02-29T13:45:07.123Z","day":"2024-02-29","email":"a@b.c","tags":["x","y"],"state":"DONE"}"#;
        let bytes = encode(&plan, &serde_json::from_str(text).unwrap()).unwrap();
        let mut back = String::new();
        assert_eq!(super::super::avro::decode(&plan, &bytes, &mut back), Ok(0));
        assert_eq!(back, text);
        let wrong = encode(&plan, &serde_json::json!({"id": "o", "amount": "1.234"})).unwrap_err();
        assert_eq!(
            wrong,
            "`amount`: expected a decimal with at most 2 digits after the point, got \"1.234\""
        );
        let wrong = encode(&plan, &serde_json::json!({"id": 5})).unwrap_err();
        assert_eq!(wrong, "`id`: expected a string, got 5");
        assert!(encode(&plan, &serde_json::json!({"nope": 1})).unwrap_err().contains("no field `nope`"));
    }
}
