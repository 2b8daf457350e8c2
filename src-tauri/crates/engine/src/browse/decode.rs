//! The decode stage: raw bytes to a [`Payload`]. Without a schema it detects JSON, then
//! UTF-8 text, else shows hex; the Schema Registry decoders plug in ahead of it. Large
//! payloads keep a bounded preview — the size is always the real one.

use super::record::{Payload, PayloadFormat};

/// The most text a payload carries to a list view; the rest is fetched on demand.
pub const PREVIEW_LIMIT: usize = 64 * 1024;

/// Decodes bytes with auto-detection (JSON, UTF-8 text, else hex).
pub fn decode_auto(bytes: Option<&[u8]>) -> Payload {
    let Some(bytes) = bytes else {
        return Payload::null();
    };
    let size = u32::try_from(bytes.len()).unwrap_or(u32::MAX);
    let looks_json =
        bytes.iter().find(|b| !b.is_ascii_whitespace()).is_some_and(|b| matches!(b, b'{' | b'['));
    if looks_json && bytes.len() <= PREVIEW_LIMIT {
        // Validate without building a tree; keep the producer's key order and number spelling.
        if let (Ok(_), Ok(text)) =
            (serde_json::from_slice::<serde::de::IgnoredAny>(bytes), std::str::from_utf8(bytes))
        {
            return Payload {
                format: PayloadFormat::Json,
                text: Some(minify_json(text)),
                size,
                truncated: false,
                decoder: "json".into(),
                note: None,
            };
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            let (shown, truncated) = cut_text(text, PREVIEW_LIMIT);
            // Too large to parse for a preview: JSON by its look, said so.
            let large_json = looks_json && truncated;
            let format = if large_json { PayloadFormat::Json } else { PayloadFormat::Text };
            let note = large_json.then(|| "Large JSON: showing the first 64 KiB.".to_string());
            Payload { format, text: Some(shown.to_string()), size, truncated, decoder: "utf-8".into(), note }
        }
        Err(err) => {
            let shown = &bytes[..bytes.len().min(PREVIEW_LIMIT / 2)];
            Payload {
                format: PayloadFormat::Binary,
                text: Some(hex(shown)),
                size,
                truncated: shown.len() < bytes.len(),
                decoder: "hex".into(),
                note: Some(format!("Not UTF-8 text (invalid byte at {}): shown as hex.", err.valid_up_to())),
            }
        }
    }
}

/// Drops the whitespace between JSON tokens (valid JSON in, one line out). Works on bytes:
/// JSON's structural whitespace is ASCII, and multi-byte UTF-8 never contains those bytes.
fn minify_json(text: &str) -> String {
    let bytes = text.as_bytes();
    let is_space = |b: &u8| matches!(b, b' ' | b'\n' | b'\r' | b'\t');
    // Fast path: most producers write compact JSON, with spaces only inside strings.
    if !bytes.iter().any(|b| matches!(b, b'\n' | b'\r' | b'\t')) && !has_space_outside_strings(bytes) {
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

fn has_space_outside_strings(bytes: &[u8]) -> bool {
    let (mut in_string, mut escaped) = (false, false);
    for &b in bytes {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
        } else if b == b'"' {
            in_string = true;
        } else if b == b' ' {
            return true;
        }
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
    }
}
