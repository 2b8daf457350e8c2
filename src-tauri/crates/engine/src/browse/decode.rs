//! Decoding without a schema: JSON, then UTF-8 text, then MessagePack, else hex. The
//! registry decoders (`decode_stage`) run ahead of it. Large payloads keep a bounded
//! preview on screen — the size is always the real one; files and the CLI get it all.

use super::record::{Payload, PayloadFormat};

/// The most text a payload carries to a list view; the rest is fetched on demand.
pub const PREVIEW_LIMIT: usize = 64 * 1024;

/// Decodes bytes with auto-detection, keeping a preview of at most [`PREVIEW_LIMIT`].
pub fn decode_auto(bytes: Option<&[u8]>) -> Payload {
    decode_auto_within(bytes, PREVIEW_LIMIT)
}

/// Decodes bytes with auto-detection (JSON, UTF-8 text, MessagePack, else hex); text longer
/// than `limit` is cut (and marked so).
pub fn decode_auto_within(bytes: Option<&[u8]>, limit: usize) -> Payload {
    let Some(bytes) = bytes else {
        return Payload::null();
    };
    let looks_json =
        bytes.iter().find(|b| !b.is_ascii_whitespace()).is_some_and(|b| matches!(b, b'{' | b'['));
    if looks_json && bytes.len() <= limit {
        // Validate without building a tree; keep the producer's key order and number spelling.
        if let (Ok(_), Ok(text)) =
            (serde_json::from_slice::<serde::de::IgnoredAny>(bytes), std::str::from_utf8(bytes))
        {
            return decoded(bytes.len(), PayloadFormat::Json, minify_json(text), "json");
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            let (shown, truncated) = cut_text(text, limit);
            // Too large to parse for a preview: JSON by its look, said so.
            let large_json = looks_json && truncated;
            let format = if large_json { PayloadFormat::Json } else { PayloadFormat::Text };
            let mut payload = decoded(bytes.len(), format, shown.to_string(), "utf-8");
            payload.truncated = truncated;
            payload.note = large_json.then(|| format!("Large JSON: showing the first {} KiB.", limit / 1024));
            payload
        }
        Err(err) => {
            if let Some(json) = msgpack_json(bytes) {
                return decoded(bytes.len(), PayloadFormat::Json, json, "msgpack");
            }
            let mut payload = hex_payload(bytes, limit);
            payload.note =
                Some(format!("Not UTF-8 text (invalid byte at {}): shown as hex.", err.valid_up_to()));
            payload
        }
    }
}

/// A fully decoded payload.
pub(crate) fn decoded(size: usize, format: PayloadFormat, text: String, decoder: &'static str) -> Payload {
    Payload {
        format,
        text: Some(text),
        size: u32::try_from(size).unwrap_or(u32::MAX),
        truncated: false,
        decoder: decoder.into(),
        note: None,
        schema: None,
        failed: false,
        masks: Vec::new(),
    }
}

/// Bytes as hex, at most `limit` characters of it.
pub(crate) fn hex_payload(bytes: &[u8], limit: usize) -> Payload {
    let shown = &bytes[..bytes.len().min(limit / 3).max(1).min(bytes.len())];
    let mut payload = decoded(bytes.len(), PayloadFormat::Binary, hex(shown), "hex");
    payload.truncated = shown.len() < bytes.len();
    payload
}

/// MessagePack that is one complete map or array, as JSON; `None` for anything else.
fn msgpack_json(bytes: &[u8]) -> Option<String> {
    let mut reader = bytes;
    let value = rmpv::decode::read_value(&mut reader).ok()?;
    if !reader.is_empty() || !(value.is_map() || value.is_array()) {
        return None;
    }
    let mut out = String::with_capacity(bytes.len() * 2);
    msgpack_to_json(&value, &mut out);
    Some(out)
}

fn msgpack_to_json(value: &rmpv::Value, out: &mut String) {
    use crate::schema::json_out::{push_base64, push_f64, push_int, push_str};
    use rmpv::Value;
    match value {
        Value::Nil => out.push_str("null"),
        Value::Boolean(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Integer(i) => match (i.as_i64(), i.as_u64()) {
            (Some(n), _) => push_int(out, n),
            (None, Some(n)) => push_int(out, n),
            _ => out.push_str("null"),
        },
        Value::F32(f) => push_f64(out, f64::from(*f)),
        Value::F64(f) => push_f64(out, *f),
        Value::String(s) => match s.as_str() {
            Some(text) => push_str(out, text),
            None => push_base64(out, s.as_bytes()),
        },
        Value::Binary(bytes) => push_base64(out, bytes),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                msgpack_to_json(item, out);
            }
            out.push(']');
        }
        Value::Map(entries) => {
            out.push('{');
            for (i, (key, item)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                match key.as_str() {
                    Some(text) => push_str(out, text),
                    None => push_str(out, &key.to_string()),
                }
                out.push(':');
                msgpack_to_json(item, out);
            }
            out.push('}');
        }
        Value::Ext(kind, data) => {
            out.push_str("{\"ext\":");
            push_int(out, *kind);
            out.push_str(",\"data\":");
            push_base64(out, data);
            out.push('}');
        }
    }
}

/// Drops the whitespace between JSON tokens (valid JSON in, one line out). Works on bytes:
/// JSON's structural whitespace is ASCII, and multi-byte UTF-8 never contains those bytes.
fn minify_json(text: &str) -> String {
    let bytes = text.as_bytes();
    let is_space = |b: &u8| matches!(b, b' ' | b'\n' | b'\r' | b'\t');
    // Fast path: most producers write compact JSON, with spaces only inside strings.
    if !has_space_outside_strings(bytes) {
        return text.to_string();
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut in_string = false;
    let mut escaped = false;
    for &b in bytes {
        if in_string {
            out.push(b);
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
        } else if b == b'"' {
            in_string = true;
            out.push(b);
        } else if !is_space(&b) {
            out.push(b);
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

/// Does valid JSON `bytes` hold white space between its tokens? String contents are
/// skipped with `memchr` (a raw tab or line break cannot be inside a string of valid JSON).
fn has_space_outside_strings(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b' ' | b'\n' | b'\r' | b'\t' => return true,
            b'"' => {
                // To the closing quote: past escapes, which may escape a quote.
                i += 1;
                while let Some(found) = bytes.get(i..).and_then(|rest| memchr::memchr2(b'"', b'\\', rest)) {
                    i += found;
                    if bytes[i] == b'"' {
                        break;
                    }
                    i += 2;
                }
            }
            _ => {}
        }
        i += 1;
    }
    false
}

fn cut_text(text: &str, limit: usize) -> (&str, bool) {
    if text.len() <= limit {
        return (text, false);
    }
    let mut end = limit;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    (&text[..end], true)
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 3);
    for (i, b) in bytes.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 0xf)] as char);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_text_binary_and_null_are_told_apart() {
        let json = decode_auto(Some(br#" {"a": [1, 2]} "#));
        assert_eq!(json.format, PayloadFormat::Json);
        assert_eq!(json.text.as_deref(), Some(r#"{"a":[1,2]}"#));
        let text = decode_auto(Some("héllo".as_bytes()));
        assert_eq!((text.format, text.text.as_deref()), (PayloadFormat::Text, Some("héllo")));
        let binary = decode_auto(Some(&[0x00, 0xff, 0x10]));
        assert_eq!(binary.format, PayloadFormat::Binary);
        assert_eq!(binary.text.as_deref(), Some("00 ff 10"));
        assert!(binary.note.unwrap_or_default().contains("invalid byte at 1"));
        assert_eq!(decode_auto(None).format, PayloadFormat::Null);
        // A brace that is not JSON is text, not an error.
        assert_eq!(decode_auto(Some(b"{not json")).format, PayloadFormat::Text);
    }

    #[test]
    fn json_keeps_its_key_order_and_strings_and_loses_only_whitespace() {
        let text = "{ \"z\": 1.50,\n  \"a\": \"x  \\\" y\",\t\"n\": [1, 2] }";
        let payload = decode_auto(Some(text.as_bytes()));
        assert_eq!(payload.text.as_deref(), Some(r#"{"z":1.50,"a":"x  \" y","n":[1,2]}"#));
        // Compact already: spaces inside strings (after an escaped backslash too) stay.
        let compact = r#"{"a":"x \\","b":"y \" z","c":[" "]}"#;
        assert_eq!(decode_auto(Some(compact.as_bytes())).text.as_deref(), Some(compact));
        let spaced = r#"{"a":"x \\", "b":1}"#;
        assert_eq!(decode_auto(Some(spaced.as_bytes())).text.as_deref(), Some(r#"{"a":"x \\","b":1}"#));
    }

    #[test]
    fn large_payloads_keep_a_bounded_preview_and_their_real_size() {
        let big = "é".repeat(PREVIEW_LIMIT); // 2 bytes each: twice the limit
        let payload = decode_auto(Some(big.as_bytes()));
        assert!(payload.truncated);
        assert_eq!(payload.size as usize, big.len());
        let shown = payload.text.unwrap_or_default();
        assert!(shown.len() <= PREVIEW_LIMIT && shown.chars().all(|c| c == 'é'));
        let bytes = vec![0xffu8; PREVIEW_LIMIT * 4];
        let binary = decode_auto(Some(&bytes));
        assert!(binary.truncated && binary.size as usize == bytes.len());
        let whole = decode_auto_within(Some(big.as_bytes()), usize::MAX);
        assert!(!whole.truncated && whole.text.map(|t| t.len()) == Some(big.len()));
    }

    #[test]
    fn messagepack_maps_and_arrays_become_json() {
        // {"id": 7, "tags": ["a"], "raw": bin[1, 2]}
        let bytes = [
            0x83, 0xa2, b'i', b'd', 0x07, 0xa4, b't', b'a', b'g', b's', 0x91, 0xa1, b'a', 0xa3, b'r', b'a',
            b'w', 0xc4, 0x02, 0x01, 0x02,
        ];
        let payload = decode_auto(Some(&bytes));
        assert_eq!(payload.decoder, "msgpack");
        assert_eq!(payload.text.as_deref(), Some(r#"{"id":7,"tags":["a"],"raw":"AQI="}"#));
        // A lone msgpack integer is not taken for MessagePack: binary stays hex.
        assert_eq!(decode_auto(Some(&[0xcc, 0xff])).decoder, "hex");
    }
}
