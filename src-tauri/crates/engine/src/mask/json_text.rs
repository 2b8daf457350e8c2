//! Reading JSON text by hand, for the masker's single pass: where a string, number or
//! whole value ends, and a string's unescaped content. Positions are byte offsets into
//! the text; errors name the offset.

use std::borrow::Cow;

/// How deep objects and arrays may nest before the masker gives up (the record is withheld).
pub(super) const MAX_DEPTH: usize = 256;

pub(super) fn skip_ws(bytes: &[u8], mut at: usize) -> usize {
    while at < bytes.len() && matches!(bytes[at], b' ' | b'\t' | b'\n' | b'\r') {
        at += 1;
    }
    at
}

/// The string starting with the `"` at `at`: the offset just past its closing quote, and
/// whether it holds an escape.
pub(super) fn string_end(bytes: &[u8], at: usize) -> Result<(usize, bool), String> {
    let mut i = at + 1;
    let mut escaped = false;
    while let Some(found) = bytes.get(i..).and_then(|rest| memchr::memchr2(b'"', b'\\', rest)) {
        i += found;
        if bytes[i] == b'"' {
            return Ok((i + 1, escaped));
        }
        escaped = true;
        i += 2;
    }
    Err(format!("a string at byte {at} has no end"))
}

/// The content of the string `raw` (with its quotes): borrowed unless it has escapes.
pub(super) fn unescape(raw: &str, escaped: bool) -> Result<Cow<'_, str>, String> {
    if !escaped {
        return Ok(Cow::Borrowed(&raw[1..raw.len() - 1]));
    }
    serde_json::from_str::<String>(raw).map(Cow::Owned).map_err(|e| format!("a string: {e}"))
}

/// The number starting at `at`: the offset just past it.
pub(super) fn number_end(bytes: &[u8], at: usize) -> Result<usize, String> {
    let mut i = at;
    while i < bytes.len() && matches!(bytes[i], b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E') {
        i += 1;
    }
    match i > at {
        true => Ok(i),
        false => Err(format!("unexpected `{}` at byte {at}", char::from(bytes[at]))),
    }
}

/// Could the number `raw` be a million or more (so a card, phone or account number)?
pub(super) fn large_number(raw: &str) -> bool {
    let digits_before_point = raw.bytes().take_while(|b| *b != b'.').filter(u8::is_ascii_digit).count();
    digits_before_point >= 7 || raw.contains(['e', 'E'])
}

/// The literal `true`, `false` or `null` at `at`: the offset just past it.
pub(super) fn literal_end(bytes: &[u8], at: usize) -> Result<usize, String> {
    for word in [&b"true"[..], b"false", b"null"] {
        if bytes[at..].starts_with(word) {
            return Ok(at + word.len());
        }
    }
    Err(format!("unexpected `{}` at byte {at}", char::from(bytes[at])))
}

/// The value starting at `at` (after white space): the offset just past it.
pub(super) fn value_end(bytes: &[u8], at: usize, depth: usize) -> Result<usize, String> {
    if depth > MAX_DEPTH {
        return Err(format!("nested more than {MAX_DEPTH} levels deep"));
    }
    let at = skip_ws(bytes, at);
    match bytes.get(at) {
        None => Err("the text ends where a value should be".to_string()),
        Some(b'"') => string_end(bytes, at).map(|(end, _)| end),
        Some(open @ (b'{' | b'[')) => {
            let close = if *open == b'{' { b'}' } else { b']' };
            let mut i = skip_ws(bytes, at + 1);
            if bytes.get(i) == Some(&close) {
                return Ok(i + 1);
            }
            loop {
                if *open == b'{' {
                    i = skip_ws(bytes, string_end(bytes, skip_ws(bytes, i))?.0);
                    if bytes.get(i) != Some(&b':') {
                        return Err(format!("expected `:` at byte {i}"));
                    }
                    i += 1;
                }
                i = skip_ws(bytes, value_end(bytes, i, depth + 1)?);
                match bytes.get(i) {
                    Some(b',') => i += 1,
                    Some(c) if *c == close => return Ok(i + 1),
                    _ => return Err(format!("expected `,` or `{}` at byte {i}", char::from(close))),
                }
            }
        }
        Some(b'-' | b'0'..=b'9') => number_end(bytes, at),
        Some(_) => literal_end(bytes, at),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_end_where_json_says() {
        let text = br#" {"a": [1, "x\"y", {"b": null}], "c": -1.5e+3} tail"#;
        assert_eq!(value_end(text, 0, 0), Ok(text.len() - 5));
        assert_eq!(string_end(br#""x\"y" "#, 0), Ok((6, true)));
        assert!(value_end(b"{\"a\" 1}", 0, 0).unwrap_err().contains("expected `:`"));
        assert!(value_end(b"[1 2]", 0, 0).unwrap_err().contains("expected `,` or `]`"));
        assert!(value_end(b"\"open", 0, 0).unwrap_err().contains("no end"));
        assert!(value_end(&[b'['; 300], 0, 0).unwrap_err().contains("nested more than"));
    }

    #[test]
    fn strings_round_trip_through_escapes() {
        for text in ["plain", "quote \" and \\ slash", "line\nbreak\ttab", "bell \u{7}", "é ✓"] {
            let mut out = String::new();
            crate::schema::json_out::push_str(&mut out, text);
            assert_eq!(serde_json::from_str::<String>(&out).ok().as_deref(), Some(text), "{out}");
            let escaped = out.contains('\\');
            assert_eq!(unescape(&out, escaped).ok().as_deref(), Some(text));
        }
    }

    #[test]
    fn large_numbers_are_told_apart() {
        assert!(!large_number("999999.99") && large_number("1000000") && large_number("4.1e15"));
        assert!(!large_number("-12.5"));
    }
}
