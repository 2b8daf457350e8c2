//! Writing JSON text directly: strings with escapes, numbers, base64 bytes. The schema
//! decoders write their output with these instead of building a tree first.

use base64::Engine as _;

/// Appends `text` as a JSON string literal.
pub(crate) fn push_str(out: &mut String, text: &str) {
    out.push('"');
    let bytes = text.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&text[start..i]);
        if escape.is_empty() {
            out.push_str("\\u00");
            out.push(char::from(b"0123456789abcdef"[usize::from(b >> 4)]));
            out.push(char::from(b"0123456789abcdef"[usize::from(b & 0xf)]));
        } else {
            out.push_str(escape);
        }
        start = i + 1;
    }
    out.push_str(&text[start..]);
    out.push('"');
}

pub(crate) fn push_int(out: &mut String, value: impl itoa::Integer) {
    out.push_str(itoa::Buffer::new().format(value));
}

/// Finite numbers as JSON numbers; NaN and the infinities as strings (JSON has none).
pub(crate) fn push_f64(out: &mut String, value: f64) {
    if value.is_finite() {
        out.push_str(ryu::Buffer::new().format_finite(value));
    } else {
        push_non_finite(out, value.is_nan(), value.is_sign_positive());
    }
}

pub(crate) fn push_f32(out: &mut String, value: f32) {
    if value.is_finite() {
        out.push_str(ryu::Buffer::new().format_finite(value));
    } else {
        push_non_finite(out, value.is_nan(), value.is_sign_positive());
    }
}

fn push_non_finite(out: &mut String, nan: bool, positive: bool) {
    out.push_str(match (nan, positive) {
        (true, _) => "\"NaN\"",
        (false, true) => "\"Infinity\"",
        (false, false) => "\"-Infinity\"",
    });
}

/// Appends bytes as a standard, padded base64 JSON string.
pub(crate) fn push_base64(out: &mut String, bytes: &[u8]) {
    out.push('"');
    base64::engine::general_purpose::STANDARD.encode_string(bytes, out);
    out.push('"');
}

/// A big-endian two's-complement integer as decimal digits with `scale` digits after the point.
pub(crate) fn push_decimal(out: &mut String, bytes: &[u8], scale: usize) {
    let negative = bytes.first().is_some_and(|b| b & 0x80 != 0);
    // Magnitude: two's complement negated when negative.
    let mut magnitude: Vec<u8> = if negative { bytes.iter().map(|b| !b).collect() } else { bytes.to_vec() };
    if negative {
        for byte in magnitude.iter_mut().rev() {
            let (sum, carry) = byte.overflowing_add(1);
            *byte = sum;
            if !carry {
                break;
            }
        }
    }
    let mut digits = magnitude_digits(&magnitude);
    if digits.len() <= scale {
        digits = format!("{}{digits}", "0".repeat(scale + 1 - digits.len()));
    }
    out.push('"');
    if negative && digits.bytes().any(|d| d != b'0') {
        out.push('-');
    }
    let point = digits.len() - scale;
    out.push_str(&digits[..point]);
    if scale > 0 {
        out.push('.');
        out.push_str(&digits[point..]);
    }
    out.push('"');
}

/// Decimal digits of an unsigned big-endian integer (repeated division by 10^9).
fn magnitude_digits(bytes: &[u8]) -> String {
    let mut limbs: Vec<u32> = bytes.iter().map(|&b| u32::from(b)).collect(); // base 256
    let mut chunks: Vec<u32> = Vec::new(); // base 10^9, least significant first
    while limbs.iter().any(|&l| l != 0) {
        let mut remainder: u64 = 0;
        for limb in &mut limbs {
            let current = (remainder << 8) | u64::from(*limb);
            *limb = u32::try_from(current / 1_000_000_000).unwrap_or(0);
            remainder = current % 1_000_000_000;
        }
        chunks.push(u32::try_from(remainder).unwrap_or(0));
    }
    let Some((last, rest)) = chunks.split_last() else {
        return "0".into();
    };
    let mut text = last.to_string();
    for chunk in rest.iter().rev() {
        text.push_str(&format!("{chunk:09}"));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decimal(bytes: &[u8], scale: usize) -> String {
        let mut out = String::new();
        push_decimal(&mut out, bytes, scale);
        out
    }

    #[test]
    fn decimals_keep_their_scale_and_sign() {
        assert_eq!(decimal(&[0x30, 0x39], 2), "\"123.45\"");
        assert_eq!(decimal(&[0xff, 0xfb], 2), "\"-0.05\""); // -5
        assert_eq!(decimal(&[0x07], 0), "\"7\"");
        assert_eq!(decimal(&[0x00], 3), "\"0.000\"");
        assert_eq!(decimal(&[0x80], 0), "\"-128\"");
        // 2^72, wider than any machine integer
        assert_eq!(decimal(&[1, 0, 0, 0, 0, 0, 0, 0, 0, 0], 2), "\"47223664828696452136.96\"");
    }

    #[test]
    fn strings_are_escaped_and_numbers_are_json() {
        let mut out = String::new();
        push_str(&mut out, "a\"b\\c\nd\u{1}é");
        assert_eq!(out, r#""a\"b\\c\nd\u0001é""#);
        let mut out = String::new();
        push_f64(&mut out, f64::NAN);
        push_f64(&mut out, 1.5);
        push_f32(&mut out, f32::NEG_INFINITY);
        assert_eq!(out, "\"NaN\"1.5\"-Infinity\"");
    }
}
