//! Avro binary datums to JSON text, following a compiled [`AvroPlan`]. Written for the
//! browser's needs: logical types rendered as people read them (docs/decoding.md), a
//! precise reason when a payload is cut short or does not fit its schema, a depth limit
//! instead of a stack overflow, and no tree built in between.

use chrono::{DateTime, NaiveDate};

use super::avro_plan::{AvroPlan, Node, NodeId, TimeUnit};
use super::json_out::{push_base64, push_decimal, push_f32, push_f64, push_int, push_str};

/// Records nested deeper than this stop with an error rather than exhaust the stack.
pub const MAX_DEPTH: usize = 128;

/// Why a datum did not decode: what went wrong, where (field path) and at which byte.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AvroError {
    problem: String,
    path: Vec<String>,
}

impl AvroError {
    fn new(problem: impl Into<String>) -> Self {
        Self { problem: problem.into(), path: Vec::new() }
    }
    fn within(mut self, name: &str) -> Self {
        self.path.push(name.to_string());
        self
    }
    pub fn message(&self, plan_name: &str) -> String {
        if self.path.is_empty() {
            return format!("{} (in `{plan_name}`)", self.problem);
        }
        let path: Vec<&str> = self.path.iter().rev().map(String::as_str).collect();
        format!("{} (at `{plan_name}.{}`)", self.problem, path.join("."))
    }
}

/// Decodes one datum into `out` as JSON. Returns how many bytes were left over after it.
pub fn decode(plan: &AvroPlan, bytes: &[u8], out: &mut String) -> Result<usize, AvroError> {
    let mut reader = Reader { bytes, pos: 0, plan };
    reader.value(plan.root, out, 0)?;
    Ok(bytes.len() - reader.pos)
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    plan: &'a AvroPlan,
}

impl<'a> Reader<'a> {
    fn value(&mut self, id: NodeId, out: &mut String, depth: usize) -> Result<(), AvroError> {
        if depth > MAX_DEPTH {
            return Err(AvroError::new(format!("the data nests deeper than {MAX_DEPTH} levels")));
        }
        match &self.plan.nodes[id] {
            Node::Null => out.push_str("null"),
            Node::Boolean => match self.take(1, "a boolean")?[0] {
                0 => out.push_str("false"),
                1 => out.push_str("true"),
                other => return Err(AvroError::new(format!("byte {other:#04x} is not a boolean"))),
            },
            Node::Int => push_int(out, self.int("an int")?),
            Node::Long => push_int(out, self.long("a long")?),
            Node::Float => {
                let b = self.take(4, "a float")?;
                push_f32(out, f32::from_le_bytes([b[0], b[1], b[2], b[3]]));
            }
            Node::Double => {
                let b = self.take(8, "a double")?;
                push_f64(out, f64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]));
            }
            Node::Bytes | Node::BigDecimal => {
                let bytes = self.sized("bytes")?;
                push_base64(out, bytes);
            }
            Node::String | Node::UuidString => {
                let bytes = self.sized("a string")?;
                let text = std::str::from_utf8(bytes).map_err(|e| {
                    AvroError::new(format!("a string is not valid UTF-8 (bad byte at {})", e.valid_up_to()))
                })?;
                push_str(out, text);
            }
            Node::Fixed { name, size } => {
                let bytes = self.take(*size, &format!("the fixed `{name}`"))?;
                push_base64(out, bytes);
            }
            Node::Array(items) => {
                out.push('[');
                let mut first = true;
                while let Some(count) = self.block_count()? {
                    for _ in 0..count {
                        if !std::mem::take(&mut first) {
                            out.push(',');
                        }
                        self.value(*items, out, depth + 1)?;
                    }
                }
                out.push(']');
            }
            Node::Map(values) => {
                out.push('{');
                let mut first = true;
                while let Some(count) = self.block_count()? {
                    for _ in 0..count {
                        if !std::mem::take(&mut first) {
                            out.push(',');
                        }
                        let key = self.sized("a map key")?;
                        let key = std::str::from_utf8(key)
                            .map_err(|_| AvroError::new("a map key is not valid UTF-8"))?;
                        push_str(out, key);
                        out.push(':');
                        self.value(*values, out, depth + 1).map_err(|e| e.within(key))?;
                    }
                }
                out.push('}');
            }
            Node::Union(branches) => {
                let index = self.long("a union branch index")?;
                let branch = usize::try_from(index).ok().and_then(|i| branches.get(i)).ok_or_else(|| {
                    AvroError::new(format!(
                        "union branch {index} does not exist (the union has {})",
                        branches.len()
                    ))
                })?;
                self.value(*branch, out, depth)?;
            }
            Node::Record { fields, .. } => {
                out.push('{');
                for (i, (name, key, field)) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(key);
                    self.value(*field, out, depth + 1).map_err(|e| e.within(name))?;
                }
                out.push('}');
            }
            Node::Enum { name, symbols } => {
                let index = self.int("an enum index")?;
                let symbol = usize::try_from(index).ok().and_then(|i| symbols.get(i)).ok_or_else(|| {
                    AvroError::new(format!("enum `{name}` has no symbol {index} (it has {})", symbols.len()))
                })?;
                out.push_str(symbol);
            }
            Node::Decimal { scale, fixed } => {
                let bytes = match fixed {
                    Some(size) => self.take(*size, "a decimal")?,
                    None => self.sized("a decimal")?,
                };
                push_decimal(out, bytes, *scale);
            }
            Node::UuidBytes { fixed } => {
                let bytes = if *fixed { self.take(16, "a uuid")? } else { self.sized("a uuid")? };
                push_uuid(out, bytes);
            }
            Node::Date => {
                let days = self.int("a date")?;
                match NaiveDate::from_num_days_from_ce_opt(days.saturating_add(719_163)) {
                    Some(date) => push_str(out, &date.format("%Y-%m-%d").to_string()),
                    None => push_int(out, days),
                }
            }
            Node::TimeMillis => push_time(out, i64::from(self.int("a time")?) * 1000, 3),
            Node::TimeMicros => push_time(out, self.long("a time")?, 6),
            Node::Timestamp(unit) => push_timestamp(out, self.long("a timestamp")?, *unit, true),
            Node::LocalTimestamp(unit) => push_timestamp(out, self.long("a timestamp")?, *unit, false),
            Node::Duration => {
                let b = self.take(12, "a duration")?;
                let part = |i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
                out.push_str("{\"months\":");
                push_int(out, part(0));
                out.push_str(",\"days\":");
                push_int(out, part(4));
                out.push_str(",\"millis\":");
                push_int(out, part(8));
                out.push('}');
            }
        }
        Ok(())
    }

    fn take(&mut self, len: usize, what: &str) -> Result<&'a [u8], AvroError> {
        let remaining = self.bytes.len() - self.pos;
        if len > remaining {
            return Err(AvroError::new(format!(
                "the payload ends {} bytes before {what} of {len} bytes is complete (at byte {})",
                len - remaining,
                self.pos
            )));
        }
        let bytes: &'a [u8] = self.bytes;
        let slice = &bytes[self.pos..self.pos + len];
        self.pos += len;
        Ok(slice)
    }

    /// A length-prefixed run of bytes (bytes, string).
    fn sized(&mut self, what: &str) -> Result<&'a [u8], AvroError> {
        let len = self.long(what)?;
        let len = usize::try_from(len).map_err(|_| {
            AvroError::new(format!("{what} has a negative length ({len}) at byte {}", self.pos))
        })?;
        self.take(len, what)
    }

    fn long(&mut self, what: &str) -> Result<i64, AvroError> {
        let mut value: u64 = 0;
        for shift in (0..64).step_by(7) {
            let Some(&byte) = self.bytes.get(self.pos) else {
                return Err(AvroError::new(format!("the payload ends inside {what} (at byte {})", self.pos)));
            };
            self.pos += 1;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                #[allow(clippy::cast_possible_wrap)] // zig-zag decoding reinterprets the bits
                return Ok((value >> 1) as i64 ^ -((value & 1) as i64));
            }
        }
        Err(AvroError::new(format!("{what} is a varint longer than 10 bytes (at byte {})", self.pos)))
    }

    fn int(&mut self, what: &str) -> Result<i32, AvroError> {
        let value = self.long(what)?;
        i32::try_from(value).map_err(|_| AvroError::new(format!("{what} ({value}) does not fit in 32 bits")))
    }

    /// The item count of the next array/map block; `None` at the end marker.
    fn block_count(&mut self) -> Result<Option<u64>, AvroError> {
        let count = self.long("a block count")?;
        if count == 0 {
            return Ok(None);
        }
        if count < 0 {
            self.long("a block size")?; // byte size of the block, not needed to read it
        }
        let count = count.unsigned_abs();
        // Every item takes at least one byte except nulls: a few bytes claiming millions of
        // items would make megabytes of output from nothing. Refuse counts the payload cannot hold.
        if count > (self.bytes.len() - self.pos) as u64 + 1 && count > 1 << 16 {
            return Err(AvroError::new(format!("a block claims {count} items, more than the payload holds")));
        }
        Ok(Some(count))
    }
}

fn push_uuid(out: &mut String, bytes: &[u8]) {
    if bytes.len() != 16 {
        push_base64(out, bytes);
        return;
    }
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    out.push('"');
    for (i, range) in [0..8, 8..12, 12..16, 16..20, 20..32].into_iter().enumerate() {
        if i > 0 {
            out.push('-');
        }
        out.push_str(&hex[range]);
    }
    out.push('"');
}

/// A time of day from its count of microseconds since midnight, with `digits` of fraction.
fn push_time(out: &mut String, micros: i64, digits: usize) {
    if !(0..86_400_000_000).contains(&micros) {
        push_int(out, micros);
        return;
    }
    let seconds = micros / 1_000_000;
    let fraction = micros % 1_000_000;
    let fraction = if digits == 3 { format!("{:03}", fraction / 1000) } else { format!("{fraction:06}") };
    let text = format!("{:02}:{:02}:{:02}.{fraction}", seconds / 3600, seconds / 60 % 60, seconds % 60);
    push_str(out, &text);
}

fn push_timestamp(out: &mut String, value: i64, unit: TimeUnit, utc: bool) {
    let (time, format) = match unit {
        TimeUnit::Millis => (DateTime::from_timestamp_millis(value), "%Y-%m-%dT%H:%M:%S%.3f"),
        TimeUnit::Micros => (DateTime::from_timestamp_micros(value), "%Y-%m-%dT%H:%M:%S%.6f"),
        TimeUnit::Nanos => (Some(DateTime::from_timestamp_nanos(value)), "%Y-%m-%dT%H:%M:%S%.9f"),
    };
    match time {
        Some(time) => {
            let mut text = time.naive_utc().format(format).to_string();
            if utc {
                text.push('Z');
            }
            push_str(out, &text);
        }
        None => push_int(out, value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(schema: &str) -> AvroPlan {
        AvroPlan::compile(schema, &[]).unwrap()
    }

    fn zigzag(value: i64) -> Vec<u8> {
        let mut out = Vec::new();
        crate::schema::avro_encode::long(&mut out, value);
        out
    }

    #[test]
    fn a_ten_mebibyte_record_decodes_whole() {
        let plan = plan(
            r#"{"type":"record","name":"Blob","fields":[{"name":"data","type":"bytes"},{"name":"text","type":"string"}]}"#,
        );
        let size = 10 * 1024 * 1024;
        let mut bytes = zigzag(size as i64);
        bytes.extend(std::iter::repeat_n(0xabu8, size));
        bytes.extend(zigzag(size as i64));
        bytes.extend(std::iter::repeat_n(b'y', size));
        let mut out = String::new();
        assert_eq!(decode(&plan, &bytes, &mut out), Ok(0));
        let value: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(value["text"].as_str().map(str::len), Some(size));
        assert_eq!(value["data"].as_str().map(str::len), Some(size.div_ceil(3) * 4), "base64 of 10 MiB");
    }

    #[test]
    fn names_types_and_references_resolve_and_mismatches_say_where() {
        let address = r#"{"type":"record","name":"Address","namespace":"com.acme","fields":[{"name":"city","type":"string"}]}"#;
        let order = r#"{"type":"record","name":"Order","namespace":"com.acme","fields":[
            {"name":"ship","type":"Address"},
            {"name":"state","type":{"type":"enum","name":"State","symbols":["NEW","DONE"]}},
            {"name":"tags","type":{"type":"map","values":"long"}}]}"#;
        let plan = AvroPlan::compile(order, &[address.to_string()]).unwrap();
        assert_eq!(plan.name, "com.acme.Order");
        let mut bytes = zigzag(4);
        bytes.extend(b"Oslo");
        bytes.extend(zigzag(1)); // DONE
        bytes.extend(zigzag(1)); // one map entry
        bytes.extend(zigzag(1));
        bytes.extend(b"k");
        bytes.extend(zigzag(-5));
        bytes.extend(zigzag(0));
        let mut out = String::new();
        assert_eq!(decode(&plan, &bytes, &mut out), Ok(0));
        assert_eq!(out, r#"{"ship":{"city":"Oslo"},"state":"DONE","tags":{"k":-5}}"#);
        let mut bad = bytes.clone();
        bad[5] = 6; // enum index 3
        let err = decode(&plan, &bad, &mut String::new()).unwrap_err();
        assert_eq!(
            err.message(&plan.name),
            "enum `com.acme.State` has no symbol 3 (it has 2) (at `com.acme.Order.state`)"
        );
        assert!(AvroPlan::compile(order, &[]).unwrap_err().contains("Address"));
    }

    #[test]
    fn logical_types_read_as_people_write_them() {
        let plan = plan(
            r#"{"type":"record","name":"T","fields":[
            {"name":"d","type":{"type":"int","logicalType":"date"}},
            {"name":"t","type":{"type":"int","logicalType":"time-millis"}},
            {"name":"ts","type":{"type":"long","logicalType":"timestamp-micros"}},
            {"name":"lts","type":{"type":"long","logicalType":"local-timestamp-millis"}},
            {"name":"dec","type":{"type":"bytes","logicalType":"decimal","precision":6,"scale":2}},
            {"name":"u","type":{"type":"string","logicalType":"uuid"}}]}"#,
        );
        let mut bytes = zigzag(19_782); // 2024-02-29
        bytes.extend(zigzag(49_507_123)); // 13:45:07.123
        bytes.extend(zigzag(1_709_214_307_123_456));
        bytes.extend(zigzag(1_709_214_307_123));
        bytes.extend(zigzag(2));
        bytes.extend([0xfe, 0x0c]); // -500 -> "-5.00"
        bytes.extend(zigzag(36));
        bytes.extend(b"0f8fad5b-d9cb-469f-a165-70867728950e");
        let mut out = String::new();
        decode(&plan, &bytes, &mut out).unwrap();
        assert_eq!(
            out,
            r#"{"d":"2024-02-29","t":"13:45:07.123","ts":"2024-02-29T13:45:07.123456Z","lts":"2024-02-29T13:45:07.123","dec":"-5.00","u":"0f8fad5b-d9cb-469f-a165-70867728950e"}"#
        );
    }
}
